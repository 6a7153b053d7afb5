// The layer checks honour an option or refuse it by name: bounds and adaptive steps belong to
// the full gradient check (a layer check evaluates f on both sides of θ), fast mode and sampling
// to gradient checks. A passing report reads as a pass.
import { checkHessian, checkJacobian, checkJvp, checkVjp } from 'gradcheck';
import { describe, expect, it } from 'vitest';

const f = (t: number[]) => [t[0] * t[1], t[0] - t[1]];
const jac = (t: number[]) => [
  [t[1], t[0]],
  [1, -1],
];
const vjp = (t: number[], y: number[]) => [t[1] * y[0] + y[1], t[0] * y[0] - y[1]];
const jvp = (t: number[], u: number[]) => [t[1] * u[0] + t[0] * u[1], u[0] - u[1]];
const s = (t: number[]) => t[0] * t[0] * t[1];
const H = (t: number[]) => [
  [2 * t[1], 2 * t[0]],
  [2 * t[0], 0],
];
const at = [0.5, -1.5];
const runs = {
  checkJacobian: (o: object) => checkJacobian(f, jac, { at, ...o }),
  checkVjp: (o: object) => checkVjp(f, vjp, { at, ...o }),
  checkJvp: (o: object) => checkJvp(f, jvp, { at, ...o }),
  checkHessian: (o: object) => checkHessian(s, H, { at, ...o }),
};

describe.each(Object.entries(runs))('%s', (name, run) => {
  it('refuses bounds and adaptive by name, with the fix', () => {
    expect(() => run({ bounds: [-2, 2] })).toThrow(
      `${name}: options.bounds is supported by checkGradient, checkDerivative (mode: 'full') and checkConvergence only`,
    );
    expect(() => run({ method: 'richardson', adaptive: true })).toThrow(`${name}: options.adaptive is supported by`);
  });

  it("refuses mode: 'fast' and sample", () => {
    expect(() => run({ mode: 'fast' })).toThrow(`${name}: options.mode 'fast' applies to gradient checks`);
    expect(() => run({ sample: 1 })).toThrow(`${name}: options.sample applies to gradient checks`);
  });

  it('words a passing report as a pass', () => {
    const r = run({});
    expect(r.pass).toBe(true);
    expect(r.message).toMatch(/^The analytic .+ matches the numeric one: all \d+ entries agree\./);
  });
});
