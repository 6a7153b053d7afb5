import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { KINK_INDEX, kink } from '../../problems/index.js';
import { hintMatching } from './helpers.js';

describe('diagnosis 7: kinks', () => {
  it('P5 (ReLU exactly at 0): a kink at [2], not a failure by default', () => {
    const p = kink();
    const report = checkGradient(p.f, p.grad, { at: p.theta0 });
    expect(report.pass).toBe(true);
    expect(report.mismatches).toEqual([]);
    expect(report.kinks).toHaveLength(1);
    const k = report.kinks[0];
    expect(k).toMatchObject({ path: '[2]', index: KINK_INDEX, analytic: 0, matchesOneSide: true });
    expect(k.left).toBeCloseTo(0, 8);
    expect(k.right).toBeCloseTo(1, 8);
    expect(report.hints).toHaveLength(1);
    const hint = hintMatching(report, /^Kink at \[2\]/);
    expect(hint).toContain('left derivative 0, right derivative 1, analytic 0');
    expect(hint).toContain('the analytic value is the left derivative, so this is not counted as a failure (kinks: "report")');
  });

  it('P5 with kinks: "fail": the same entry fails', () => {
    const p = kink();
    const report = checkGradient(p.f, p.grad, { at: p.theta0, kinks: 'fail' });
    expect(report.pass).toBe(false);
    expect(report.mismatches.map((m) => m.path)).toEqual(['[2]']);
    expect(hintMatching(report, /^Kink at \[2\]/)).toContain('counted as a failure (kinks: "fail")');
  });

  it("P5 with relu'(0) taken as 1 (the right derivative) is a kink as well", () => {
    const p = kink();
    const grad = (t: number[]) => p.grad(t).map((g, i) => (i === KINK_INDEX ? 1 : g));
    const report = checkGradient(p.f, grad, { at: p.theta0 });
    expect(report.pass).toBe(true);
    expect(hintMatching(report, /^Kink at \[2\]/)).toContain('the analytic value is the right derivative');
  });

  it('a value at the kink matching neither side is a bug, even with kinks: "report"', () => {
    const p = kink();
    const grad = (t: number[]) => p.grad(t).map((g, i) => (i === KINK_INDEX ? 2 : g));
    const report = checkGradient(p.f, grad, { at: p.theta0 });
    expect(report.pass).toBe(false);
    expect(hintMatching(report, /^Kink at \[2\]/)).toContain('matches neither one-sided derivative: a bug at the kink');
  });

  it('away from the kink P5 has no kinks and no hints', () => {
    const p = kink();
    const at = p.theta0.map((v, i) => (i === KINK_INDEX ? 0.4 : v));
    const report = checkGradient(p.f, p.grad, { at });
    expect(report.kinks).toEqual([]);
    expect(report.hints).toEqual([]);
  });
});
