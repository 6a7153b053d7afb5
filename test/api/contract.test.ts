// The public contract of ../shared/design/API.md, exercised as a user reads it: every entry point,
// name, option and report field it fixes, with the examples it gives.
import fc from 'fast-check';
import {
  allClose,
  checkDerivative,
  checkGradient,
  checkHessian,
  checkJacobian,
  checkJvp,
  checkVjp,
  flatten,
  gradcheckMatchers,
  numericGradient,
  numericJacobian,
  unflatten,
} from 'gradcheck';
import { gradientProperty, theta } from 'gradcheck/fast-check';
import { describe, expect, it } from 'vitest';

// A dense layer y = W x + b as a function of its input x (W, b fixed), and a loss on θ.
const W = [
  [0.5, -1.0, 0.25],
  [2.0, 0.1, -0.3],
];
const b = [0.1, -0.2];
const layerForward = (x: number[]) => W.map((row, i) => row.reduce((s, w, j) => s + w * x[j], b[i]));
const jacobian = W;
const layerBackward = (_x: number[], yBar: number[]) => [0, 1, 2].map((j) => W.reduce((s, row, i) => s + row[j] * yBar[i], 0));
const layerTangent = (_x: number[], u: number[]) => W.map((row) => row.reduce((s, w, j) => s + w * u[j], 0));
const x = [0.3, -0.7, 1.1];

const loss = ([p, q]: number[]) => p ** 3 + p * q + Math.exp(q);
const lossGrad = ([p, q]: number[]) => [3 * p * p + q, p + Math.exp(q)];
const hessian = ([p, q]: number[]) => [
  [6 * p, 1],
  [1, Math.exp(q)],
];
const θ = [0.4, -0.6];

describe('the matchers of API.md, with its examples', () => {
  it('registers every matcher in gradcheckMatchers', () => {
    expect(Object.keys(gradcheckMatchers).sort()).toEqual(
      ['toBeAllClose', 'toHaveDerivative', 'toHaveGradient', 'toHaveHessian', 'toHaveJacobian', 'toHaveJvp', 'toHaveVjp'].sort(),
    );
  });

  it('runs every example, and .not of a wrong one', () => {
    expect(loss).toHaveGradient(lossGrad, { at: θ });
    expect(loss).toHaveGradient(lossGrad(θ), { at: θ, rtol: 1e-6 });
    expect(Math.sin).toHaveDerivative(Math.cos, { at: 0.3 });
    expect(layerForward).toHaveJacobian(jacobian, { at: x });
    expect(layerForward).toHaveVjp(layerBackward, { at: x });
    expect(layerForward).toHaveJvp(layerTangent, { at: x });
    expect(loss).toHaveHessian(hessian, { at: θ });
    expect([1, 2.00000001]).toBeAllClose([1, 2], { rtol: 1e-7, atol: 0 });

    expect(loss).not.toHaveGradient(([p, q]: number[]) => [3 * p * p - q, p + Math.exp(q)], { at: θ });
    expect(Math.sin).not.toHaveDerivative(Math.sin, { at: 0.3 });
    expect(layerForward).not.toHaveJacobian([W[1], W[0]], { at: x });
    expect(layerForward).not.toHaveVjp((_x: number[], yBar: number[]) => layerBackward(_x, yBar).map((v) => -v), { at: x });
    expect(layerForward).not.toHaveJvp((_x: number[], u: number[]) => layerTangent(_x, u).map((v) => 2 * v), { at: x });
    expect(loss).not.toHaveHessian(
      ([p]: number[]) => [
        [6 * p, 0],
        [0, 1],
      ],
      { at: θ },
    );
    expect([1, 2.1]).not.toBeAllClose([1, 2], { rtol: 1e-7, atol: 0 });
  });
});

describe('checks return the report API.md fixes', () => {
  const fields = ['pass', 'evaluations', 'maxAbsError', 'maxRelError', 'relativeDifference', 'mismatches', 'hints', 'message'];

  it.each([
    ['checkGradient', () => checkGradient(loss, lossGrad, { at: θ })],
    ['checkDerivative', () => checkDerivative(Math.sin, Math.cos, { at: 0.3 })],
    ['checkJacobian', () => checkJacobian(layerForward, jacobian, { at: x })],
    ['checkVjp', () => checkVjp(layerForward, layerBackward, { at: x })],
    ['checkJvp', () => checkJvp(layerForward, layerTangent, { at: x })],
    ['checkHessian', () => checkHessian(loss, hessian, { at: θ })],
    ['allClose', () => allClose([1, 2], [1, 2])],
  ])('%s', (_, run) => {
    const report = run();
    for (const field of fields) expect(report).toHaveProperty(field);
    expect(report.pass).toBe(true);
    expect(report.mismatches).toEqual([]);
    expect(report.hints).toEqual([]);
    expect(typeof report.message).toBe('string');
  });

  it('mismatches carry path, index, analytic, numeric, absError, relError, worst first', () => {
    const report = checkGradient(
      (t: { w: number[] }) => t.w[0] ** 2 + t.w[1] ** 2,
      (t: { w: number[] }) => ({ w: [2 * t.w[0] * 1.01, -2 * t.w[1]] }),
      { at: { w: [1, 2] } },
    );
    expect(report.mismatches.map((m) => m.path)).toEqual(['w[1]', 'w[0]']);
    expect(report.mismatches[0]).toMatchObject({ path: 'w[1]', index: 1, analytic: -4 });
    for (const key of ['numeric', 'absError', 'relError']) expect(report.mismatches[0]).toHaveProperty(key);
  });

  it('kinks default to report: P5 passes and names θ[2]', () => {
    const f = (t: number[]) => t.reduce((s, v) => s + Math.max(0, v) + 0.5 * v * v, 0);
    const g = (t: number[]) => t.map((v) => (v > 0 ? 1 : 0) + v);
    const at = [0.3, -0.2, 0, 0.7, -1.1, 0.05];
    const report = checkGradient(f, g, { at });
    expect(report.pass).toBe(true);
    expect(report.hints.join('\n')).toContain('[2]');
    expect(checkGradient(f, g, { at, kinks: 'fail' }).pass).toBe(false);
  });

  it('maxRelativeDifference, mode, directions, sample and seed are accepted', () => {
    expect(checkGradient(loss, lossGrad, { at: θ, maxRelativeDifference: 1e-9 }).pass).toBe(true);
    // θ has 2 entries: the full check (4 calls) costs less than 4 directions (8), so fast mode runs it.
    expect(checkGradient(loss, lossGrad, { at: θ, mode: 'fast', directions: 4, seed: 3 }).evaluations).toBe(4);
    expect(checkGradient(loss, lossGrad, { at: θ, sample: 1, seed: 3 }).evaluations).toBe(2);
  });

  it('random cotangents and tangents are seeded', () => {
    const a = checkVjp(layerForward, layerBackward, { at: x, seed: 5 });
    const again = checkVjp(layerForward, layerBackward, { at: x, seed: 5 });
    expect(again.analytic).toEqual(a.analytic);
  });
});

describe('the numeric core', () => {
  it('numericGradient: 2n calls, shaped like at, θ untouched', () => {
    let calls = 0;
    const at = Object.freeze({ a: Object.freeze([1, 2]), s: 3 }) as unknown as { a: number[]; s: number };
    const g = numericGradient((p: { a: number[]; s: number }) => {
      calls++;
      return p.a[0] * p.a[1] * p.s;
    }, at);
    expect(calls).toBe(6);
    expect(g.a[0]).toBeCloseTo(6, 7);
    expect(g.s).toBeCloseTo(2, 7);
  });

  it('numericJacobian: rows are flattened outputs, columns flattened inputs', () => {
    const J = numericJacobian(layerForward, x);
    expect(J).toHaveLength(2);
    expect(J[0]).toHaveLength(3);
    J.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(W[i][j], 8)));
  });

  it('flatten/unflatten: keys in insertion order, arrays row-major', () => {
    const tree = {
      W1: [
        [1, 2],
        [3, 4],
      ],
      b1: new Float64Array([5]),
      layer: { bias: [6] },
    };
    const flat = flatten(tree);
    expect(flat.values).toBeInstanceOf(Float64Array);
    expect([...flat.values]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(flat.paths).toEqual(['W1[0][0]', 'W1[0][1]', 'W1[1][0]', 'W1[1][1]', 'b1[0]', 'layer.bias[0]']);
    expect(flat.unflatten(flat.values)).toEqual(tree);
    expect(unflatten(tree, flat.values)).toEqual(tree);
    expect(flatten(7).paths).toEqual(['θ']);
  });
});

describe('gradcheck/fast-check', () => {
  it('theta gives vectors, matrices and trees in [min, max]', () => {
    fc.assert(
      fc.property(theta({ W1: [5, 3], b1: 5 }), (t) => {
        expect(t.W1).toHaveLength(5);
        expect(t.W1[0]).toHaveLength(3);
        expect(t.b1).toHaveLength(5);
        return [...t.W1.flat(), ...t.b1].every((v) => Number.isFinite(v) && v >= -1 && v <= 1);
      }),
      { numRuns: 50, seed: 1 },
    );
  });

  it('gradientProperty passes a correct gradient and fails a wrong one with fc.assert', () => {
    fc.assert(gradientProperty(loss, lossGrad, theta(2)), { numRuns: 30, seed: 2 });
    const wrong = ([p, q]: number[]) => [3 * p * p + (p > 0.5 ? -q : q), p + Math.exp(q)];
    expect(() => fc.assert(gradientProperty(loss, wrong, theta(2)), { numRuns: 200, seed: 2 })).toThrow(/Counterexample/);
  });
});
