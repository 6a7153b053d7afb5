// Issue 20, "What to build" 2: a fit counts only the entries it explains among the wrong ones,
// and every claim in a message is itself a fit: entries 0 on both sides are no evidence for a
// factor, α = 0 beside a term is no evidence for "zeroed", and a factor with a term states both
// readings of the term instead of a false "which is right".
import { checkGradient, checkJacobian } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import { type Mlp, mlpGrad, mlpLoss, mlpTheta } from './mlp.js';

describe('fits that do not claim more than they show', () => {
  it('a diagonal Jacobian with 4 wrong entries, one of them −0.4968 ×: the 12 zeros do not make a uniform factor', () => {
    const f = (x: number[]) => x.map(Math.sin);
    const wrong = [-0.4968, 1.7, 0.3, 2.9];
    const J = (x: number[]) => x.map((v, i) => x.map((_, j) => (i === j ? wrong[i] * Math.cos(v) : 0)));
    const r = checkJacobian(f, J, { at: [0.1, 0.7, -0.4, 1.2] });
    expect(r.pass).toBe(false);
    expect(r.mismatches).toHaveLength(4);
    expect(r.diagnoses.filter((d) => d.kind === 'factor' && d.message.startsWith('Uniform factor'))).toEqual([]);
  });

  it('the same diagonal with every entry −0.4968 ×: a uniform factor, its evidence on the 4 entries that carry one', () => {
    const f = (x: number[]) => x.map(Math.sin);
    const J = (x: number[]) => x.map((v, i) => x.map((_, j) => (i === j ? -0.4968 * Math.cos(v) : 0)));
    const r = checkJacobian(f, J, { at: [0.1, 0.7, -0.4, 1.2] });
    const d = r.diagnoses.find((v) => v.kind === 'factor');
    expect(d?.message).toMatch(/^Uniform factor in .*: the analytic values are −0\.4968 × the numerical ones/);
    expect(d?.evidence).toMatch(/on all 16 compared entries/);
  });

  it('a gradient proportional to θ (0.5·θ for Σ sin θ) is not "zeroed apart from the term c·θ, which is right"', () => {
    const f = (t: number[]) => t.reduce((s, v) => s + Math.sin(v), 0);
    const r = checkGradient(f, (t: number[]) => t.map((v) => 0.5 * v), { at: [0.3, -1.1, 0.8, 2.0, -0.6, 1.4] });
    expect(r.pass).toBe(false);
    for (const d of r.diagnoses) {
      expect(d.kind).not.toBe('zeroed');
      expect(d.message).not.toMatch(/apart from|which is right/);
    }
  });

  it("pow's derivative written as 2x for x³ (analytic ∝ θ): no 'zeroed' either", () => {
    const f = (t: number[]) => t.reduce((s, v) => s + v ** 3, 0);
    const r = checkGradient(f, (t: number[]) => t.map((v) => 2 * v), { at: [0.3, -1.1, 0.8, 2.0, -0.6] });
    expect(r.diagnoses.map((d) => d.kind)).not.toContain('zeroed');
  });

  it('forgot 1/m and flipped the L2 sign at once (m = 7): both readings of the term, never a false "which is right"', () => {
    const net: Mlp = { d: 4, h: 3, c: 3, m: 7, lambda: 0.1, act: 'tanh', seed: 3 };
    const r = checkGradient(mlpLoss(net), mlpGrad(net, { forgotOneOverM: true, l2WrongSign: true }), { at: mlpTheta(net) });
    expect(r.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['factor', ['W1', 'b1', 'W2', 'b2']]]);
    // The true term is λ/m = 0.0142857·θ, flipped: the second reading.
    expect(r.diagnoses[0].message).toContain(
      'the analytic values are 7 × the numerical ones, apart from a term in θ of W1 and W2 (0.0190476·θ if that term is right, or 0.0142857·θ if its sign is flipped)',
    );
    expect(r.diagnoses[0].message).not.toContain('which is right');
  });

  it('relu with every unit off for the one example, L2 sign flipped: the sign reading and the term reading both stated', () => {
    const net: Mlp = { d: 4, h: 3, c: 3, m: 1, lambda: 0.1, act: 'relu', seed: 4 };
    const r = checkGradient(mlpLoss(net), mlpGrad(net, { l2WrongSign: true }), { at: mlpTheta(net) });
    expect(r.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['sign', ['W1', 'W2']]]);
    expect(r.diagnoses[0].alternatives).toEqual(['missing-term', 'wrong-sign-term']);
    expect(r.diagnoses[0].message).toContain('Here the numerical values are themselves a term 0.1·θ');
  });
});
