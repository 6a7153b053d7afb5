// Issue 20, "Done when": the detectors hold over a grid (seeds × tanh/sigmoid/ReLU × λ ∈ {0, 0.1}
// × m ∈ {1, 6} × two sizes), read from report.diagnoses as the check returned them: each bug class
// named in ≥ 95 % of the cells where it changes the gradient, no diagnosis ever on a tensor whose
// gradient is right, and no diagnosis at all on the correct backprop. The long version (more
// seeds, leaky ReLU and softplus, random θ) runs in scripts/property-stats.ts.
import { checkGradient } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import { BUG_CLASSES, onRightTensor, ratesOf } from './gridRates.js';
import { grid, mlpGrad, mlpLoss, mlpTheta } from './mlp.js';

const CELLS = grid(10);
const MORE = grid(4, ['leaky-relu', 'softplus']);

describe('b1 wrong alone, one tanh example', () => {
  it("named on b1 alone, with W1's being right as the evidence that δ itself is fine", () => {
    const net = { d: 4, h: 3, c: 3, m: 1, lambda: 0.1, act: 'tanh' as const, seed: 2 };
    const report = checkGradient(mlpLoss(net), mlpGrad(net, { b1WithoutDerivative: true }), { at: mlpTheta(net) });
    expect(report.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['per-unit-factor', ['b1']]]);
    expect(report.diagnoses[0].message).toMatch(
      /^Per-unit factor in b1 alone: each wrong entry of b1 is a different multiple \(\d\.\d+ to \d\.\d+\) of the numerical one, while W1, which takes the same δ, is right\. Is b1's gradient summed from another δ than W1's/,
    );
    expect(report.hints).toContain('Wrong: b1. Fine: W1, W2, b2.');
  });
});

describe('the diagnosis grid: 10 seeds × tanh/sigmoid/ReLU × λ ∈ {0, 0.1} × m ∈ {1, 6} × two sizes (240 cells)', () => {
  it('the correct backprop passes with no diagnosis in every cell', () => {
    const failed = CELLS.filter((net) => {
      const r = checkGradient(mlpLoss(net), mlpGrad(net), { at: mlpTheta(net) });
      return !r.pass || r.diagnoses.length > 0;
    });
    expect(failed).toEqual([]);
  });

  it.each(BUG_CLASSES.map((b) => [b.name, b] as const))(
    '%s: named in at least 95 percent of the cells, never on a right tensor',
    (_name, bug) => {
      const rates = ratesOf(bug, CELLS);
      expect(rates.cells).toBeGreaterThanOrEqual(60);
      expect(rates.wrong, rates.examples.join('\n')).toBe(0);
      expect(rates.named / rates.cells).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('activation derivative dropped, leaky ReLU and softplus too (4 seeds): named in ≥ 95 % of the cells', () => {
    const rates = ratesOf(BUG_CLASSES[3], MORE);
    expect(rates.wrong, rates.examples.join('\n')).toBe(0);
    expect(rates.named / rates.cells).toBeGreaterThanOrEqual(0.95);
  });

  it('b1 wrong alone (its gradient from δ before act′, W1 right): no diagnosis on W1 or any right tensor, and no "enters at the activation"', () => {
    for (const net of [...CELLS, ...MORE]) {
      const report = checkGradient(mlpLoss(net), mlpGrad(net, { b1WithoutDerivative: true }), { at: mlpTheta(net) });
      if (report.pass) continue;
      for (const d of report.diagnoses) {
        expect(onRightTensor(report, d), `${JSON.stringify(net)}: ${d.kind} on ${d.paths}`).toBe(false);
        expect(d.kind).not.toBe('enters-at');
        expect(d.message).not.toMatch(/activation's derivative|derivative .*missing|error enters/);
        expect(d.paths.map((p) => p.replace(/(\[\d+\])+$/, ''))).toEqual(d.paths.map(() => 'b1'));
      }
    }
  });
});
