import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { logreg, ngnnTree } from '../../problems/index.js';
import { logregClippingF, ngnnTreeDropoutF, ngnnTreeGradInPlaceStep, ngnnTreeStatefulF } from './buggy.js';
import { diagnosisSection, hintMatching } from './helpers.js';

describe('diagnosis 8: non-deterministic f', () => {
  it('P3 with dropout left on: fails, says so and shows the spread', () => {
    const p = ngnnTree();
    const report = checkGradient(ngnnTreeDropoutF(), p.grad, { at: p.theta0 });
    expect(report.pass).toBe(false);
    const hint = hintMatching(report, /^f is not deterministic/);
    expect(hint).toMatch(/f\(θ\) returned [\d.]+, [\d.]+, [\d.]+ on 3 calls at the same θ \(spread [\d.e-]+\)/);
    expect(hint).toContain('turn off dropout and random sampling');
    // No bug diagnosis is built on meaningless differences.
    expect(report.hints).toEqual([hint]);
    expect(diagnosisSection(report)).toContain('• f is not deterministic');
  });

  it('caught for every seed, also when the first two calls at θ agree by chance (seed 7: more probes)', () => {
    const p = ngnnTree();
    for (let seed = 1; seed <= 20; seed++) {
      const report = checkGradient(ngnnTreeDropoutF(seed), p.grad, { at: p.theta0 });
      expect(report.pass).toBe(false);
      expect(report.hints[0]).toMatch(/^f is not deterministic: f\(θ\) returned .* on \d calls at the same θ/);
    }
    const lucky = checkGradient(ngnnTreeDropoutF(7), p.grad, { at: p.theta0 });
    expect(lucky.hints[0]).toMatch(/on [4-5] calls at the same θ/);
  });

  it('P3 with state kept between calls (a counter): fails even though the drift is 1e-9 per call', () => {
    const p = ngnnTree();
    const report = checkGradient(ngnnTreeStatefulF(), p.grad, { at: p.theta0 });
    expect(report.pass).toBe(false);
    expect(hintMatching(report, /^f is not deterministic/)).toContain('reset any state kept between calls');
  });
});

describe('diagnosis 9: f or grad mutates θ', () => {
  it('P3 grad that takes a descent step on Theta1 in place: fails, naming grad and Theta1[0][0]', () => {
    const p = ngnnTree();
    const before = JSON.stringify(p.theta0);
    const report = checkGradient(p.f, ngnnTreeGradInPlaceStep, { at: p.theta0 });
    expect(report.pass).toBe(false);
    expect(report.mismatches).toEqual([]);
    expect(hintMatching(report, /^grad mutates θ/)).toMatch(
      /^grad mutates θ: grad changed Theta1\[0\]\[0\] from 0\.0841471 to 0\.085\d+/,
    );
    expect(JSON.stringify(p.theta0)).toBe(before);
  });

  it('P2 f that clips θ in place: fails, naming f and [2] (0.3 → 0.25)', () => {
    const p = logreg();
    const report = checkGradient(logregClippingF(p.f), p.grad, { at: p.theta0 });
    expect(report.pass).toBe(false);
    expect(hintMatching(report, /^f mutates θ/)).toContain('f mutates θ: f changed [2] from 0.3 to 0.25');
    expect(report.hints.filter((h) => /^(Sign|Uniform|Missing|Extra|Zero|Layout)/.test(h))).toEqual([]);
    expect(p.theta0).toEqual([0.1, -0.2, 0.3]);
  });

  it('an f that writes to θ but whose gradient check passes anyway still fails', () => {
    const p = logreg();
    const f = (t: number[]) => {
      const v = p.f(t);
      t[0] = 7; // leaves a mark after every call
      return v;
    };
    const report = checkGradient(f, p.grad, { at: p.theta0 });
    expect(report.pass).toBe(false);
    expect(hintMatching(report, /^f mutates θ/)).toContain('f changed [0] from 0.1 to 7');
  });
});
