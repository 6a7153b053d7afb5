// Wrong derivatives must fail, and say where and how: hand-written gradients of jax-js losses
// checked against finite differences, and jax-js's own JVP and VJP of a function whose
// derivative is cut by stopGradient (the straight-through mistake).
import { grad, lax, nn, numpy as np } from '@jax-js/jax';
import { checkGradient } from 'gradcheck';
import { checkGrads, jaxFunction, jaxGradient } from 'gradcheck/jaxjs';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { matrix, startJax, values } from './setup.js';

beforeAll(startJax);

type A = np.Array;

describe('hand-written gradients of a logistic loss over { w, b }', () => {
  const X = () => np.array(matrix(6, 3));
  const Y = () => np.array([1, 0, 0, 1, 1, 0]);
  type P = { w: A; b: A };
  const at = () => ({ w: np.array([0.3, -0.2, 0.5]), b: np.array([0.1]) });
  // mean binary cross-entropy of σ(Xw + b)
  const loss = (x: A, y: A) => (p: P) => {
    // x and y are constants of every call: used through .ref, never consumed.
    const z = np.matmul(x.ref, p.w).add(p.b);
    const logp = nn.logSigmoid(z.ref);
    const log1mp = nn.logSigmoid(z.mul(-1));
    return np.mean(y.ref.mul(logp).add(y.ref.mul(-1).add(1).mul(log1mp))).mul(-1);
  };
  /** The right gradient, Xᵀ(σ(z) − y)/m and mean(σ(z) − y), with a bug injected by `bug`. */
  const gradient =
    (x: A, y: A, bug: (gw: A, gb: A) => [A, A] = (gw, gb) => [gw, gb]) =>
    (p: P) => {
      const r = nn.sigmoid(np.matmul(x.ref, p.w).add(p.b)).sub(y.ref);
      const gw = np.matmul(x.ref.transpose(), r.ref).div(6);
      const gb = np.mean(r).reshape([1]);
      const [w, b] = bug(gw, gb);
      return { w, b };
    };

  it('the right gradient passes (and equals grad(loss))', () => {
    const [x, y] = [X(), Y()];
    const f = jaxFunction(loss(x, y));
    expect(f).toHaveGradient(jaxGradient(gradient(x, y)), { at: at() });
    expect(f).toHaveGradient(jaxGradient(grad(loss(x, y))), { at: at() });
  });

  it('a gradient twice too large fails with a factor-2 diagnosis over every tensor', () => {
    const [x, y] = [X(), Y()];
    const report = checkGradient(jaxFunction(loss(x, y)), jaxGradient(gradient(x, y, (gw, gb) => [gw.mul(2), gb.mul(2)])), {
      at: at(),
    });
    expect(report.pass).toBe(false);
    expect(report.mismatches.map((m) => m.path).sort()).toEqual(['b[0]', 'w[0]', 'w[1]', 'w[2]']);
    expect(report.diagnoses[0]).toMatchObject({ kind: 'factor', paths: ['w', 'b'] });
    expect(report.diagnoses[0].message).toMatch(/analytic values are 2(\.0+\d*)? × the numerical ones/);
  });

  it('a sign error in one entry fails on that entry alone', () => {
    const [x, y] = [X(), Y()];
    const flip = np.array([1, -1, 1]);
    const report = checkGradient(jaxFunction(loss(x, y)), jaxGradient(gradient(x, y, (gw, gb) => [gw.mul(flip.ref), gb])), {
      at: at(),
    });
    expect(report.pass).toBe(false);
    expect(report.mismatches.map((m) => m.path)).toEqual(['w[1]']);
    expect(report.diagnoses[0]).toMatchObject({ kind: 'sign', paths: ['w[1]'] });
    flip.dispose();
  });

  it('the bias gradient left at zero fails on b alone', () => {
    const [x, y] = [X(), Y()];
    const report = checkGradient(jaxFunction(loss(x, y)), jaxGradient(gradient(x, y, (gw, gb) => [gw, gb.mul(0)])), { at: at() });
    expect(report.pass).toBe(false);
    expect(report.mismatches.map((m) => [m.path, m.analytic])).toEqual([['b[0]', 0]]);
    expect(stripVTControlCharacters(report.message)).toMatch(/^\s+b\[0\]\s+0\s+-?0\.\d+/m);
  });
});

describe("jax-js's own derivatives of a function whose derivative is cut", () => {
  // f(x) = Σ x · stopGradient(x): the value is Σ x², its true derivative 2x, but jax-js
  // differentiates only the first factor and gets x: a missing term.
  const f = (x: A) => np.sum(x.ref.mul(lax.stopGradient(x)));

  it('checkGrads fails the JVP and the VJP, and the message names each', () => {
    const x = np.array(values(4, 1, 0.5));
    const report = checkGrads(f, [x]);
    expect(report.pass).toBe(false);
    expect(report.checks.map((c) => [c.name, c.report.pass])).toEqual([
      ['JVP', false],
      ['VJP', false],
    ]);
    const text = stripVTControlCharacters(report.message);
    expect(text.split('\n')[0]).toBe(
      "checkGrads: 2 of 2 derivative checks of f fail (jax-js's own jvp and vjp against finite differences).",
    );
    expect(text).toContain(
      "✗ JVP (mode 'fwd', order 1):\n  The analytic Jacobian–vector product disagrees with the numeric one.",
    );
    expect(text).toContain(
      "✗ VJP (mode 'rev', order 1):\n  The analytic vector–Jacobian product disagrees with the numeric one.",
    );
    // The VJP's entries are θ's: all four, each half of the truth.
    const vjp = report.checks[1].report;
    expect(vjp.mismatches.map((m) => m.path).sort()).toEqual(['[0][0]', '[0][1]', '[0][2]', '[0][3]']);
    for (const m of vjp.mismatches) expect(m.analytic / m.numeric).toBeCloseTo(0.5, 3);
    x.dispose();
  });

  it('grad(f) fails through the matcher too, and .not passes', () => {
    const x = np.array(values(4, 1, 0.5));
    expect(jaxFunction(f)).not.toHaveGradient(jaxGradient(grad(f)), { at: x });
    expect(() => expect(jaxFunction(f)).toHaveGradient(jaxGradient(grad(f)), { at: x })).toThrow(
      /The analytic gradient disagrees with the numeric one/,
    );
    x.dispose();
  });
});
