import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { logreg, rosenbrock } from '../../problems/index.js';
import { hintMatching } from './helpers.js';

describe('diagnosis 10: step trouble', () => {
  it('P2 with step 1e-13: round-off dominates, the default step is suggested', () => {
    const p = logreg();
    const report = checkGradient(p.f, p.grad, { at: p.theta0, step: 1e-13 });
    expect(report.unresolved.length).toBeGreaterThan(0);
    const hint = hintMatching(report, /^Step too small/);
    expect(hint).toContain('dominated by round-off');
    expect(hint).toContain('with step 1e-13');
    expect(hint).toContain('Try step: 1e-4');
    if (report.diagnoses.length > 0) {
      // The entry-level numbers are evidence, printed after the message.
      const d = report.diagnoses.find((x) => x.kind === 'step');
      expect(d?.evidence).toMatch(/error estimate [\d.e-]+ against \|n\| [\d.e-]+ at \[\d\]/);
    }
  });

  it('P1 (n = 1000) with step 0.05: truncation, more failures than the re-check budget', () => {
    const p = rosenbrock(1000);
    const report = checkGradient(p.f, p.grad, { at: p.theta0, step: 0.05 });
    expect(report.pass).toBe(false);
    const hint = hintMatching(report, /^Step too large/);
    expect(hint).toContain('were off by truncation error; step 0.05 is too large');
    expect(hint).toMatch(/Try step: 1e-4 or method: 'richardson'/);
    if (report.diagnoses.length > 0) {
      const d = report.diagnoses.find((x) => x.kind === 'step');
      expect(d?.evidence).toMatch(/off by truncation error at 256 entries/);
      expect(d?.evidence).toMatch(/\d+ failing entries were beyond the re-check budget/);
    }
    // Rosenbrock's truncation error is exactly ∝ θ (f''' = 2400 θ): it must not be read as a missing term.
    expect(report.hints).toEqual([hint]);
  });

  it('a correct gradient at the default step gets no step hint', () => {
    const p = rosenbrock(1000);
    expect(checkGradient(p.f, p.grad, { at: p.theta0 }).hints).toEqual([]);
  });
});
