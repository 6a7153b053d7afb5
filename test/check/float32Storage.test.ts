// The float32-storage guard: a common pattern keeps the weights in a Float32Array and combines
// them in float64. f's values are then not float32 (the float32 watch sees nothing), but every
// difference is taken between float32-rounded points: checked without `precision`, the report
// must suggest precision: 'float32' instead of false kinks and step trouble.
import { checkGradient } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import { mlp } from '../problems/mlp.js';

const p = mlp('small');
/** P4-small's loss with its weights copied into a Float32Array, then combined in float64. */
const stored = (t: Float64Array) => p.f(Float64Array.from(Float32Array.from(t)));
/** Its exact gradient, at the float32-rounded weights. */
const storedGrad = (t: Float64Array) => p.grad(Float64Array.from(Float32Array.from(t)));
/** 200 sampled coordinates keep the test quick; the pattern is the same on all 9 610. */
const at = p.theta0;
const sample = 200;

describe('float32 storage in a float64 check', () => {
  it('names float32 storage, suggests precision: float32, and makes no other diagnosis', () => {
    const r = checkGradient(stored, storedGrad, { at, sample });
    expect(r.pass).toBe(false);
    expect(r.diagnoses.map((d) => d.kind)).toEqual(['float32-in-float64']);
    expect(r.diagnoses[0].message).toMatch(
      /^f keeps θ in float32: moving \[\d+\] by an eighth of its float32 spacing leaves f exactly unchanged/,
    );
    expect(r.diagnoses[0].message).toContain("Pass precision: 'float32'");
    expect(r.hints.some((h) => /^(Kink at|Step too)/.test(h))).toBe(false);
  });

  it("passes with precision: 'float32', as the diagnosis says", () => {
    expect(checkGradient(stored, storedGrad, { at, sample, precision: 'float32' }).pass).toBe(true);
  });

  it('costs nothing on a float64 f: the probe runs only when entries disagree, and a float64 f feels the move', () => {
    expect(checkGradient(p.f, p.grad, { at, sample }).evaluations).toBe(2 * sample);
    const doubled = checkGradient(p.f, (t: Float64Array) => p.grad(t).map((v) => 2 * v), { at, sample });
    expect(doubled.diagnoses.map((d) => d.kind)).toEqual(['factor']);
  });
});
