// The NaN cases of issue 22: jax-js's own gradients are NaN at points where the loss is smooth.
// The contract (API.md, third round → Diagnoses → non-finite) makes each a failed report with a
// `non-finite` diagnosis naming the entry, not a thrown "the gradient is NaN at [1]; every entry
// must be finite" (bad input).
import { grad, nn, numpy as np } from '@jax-js/jax';
import { checkGradient } from 'gradcheck';
import { checkGrads, jaxFunction, jaxGradient } from 'gradcheck/jaxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startJax } from './setup.js';

beforeAll(startJax);

type A = np.Array;

/** The first `non-finite` diagnosis of a report, and the entries it names. */
function nonFinite(report: ReturnType<typeof checkGradient>) {
  const d = report.diagnoses.find((x) => x.kind === 'non-finite');
  return d?.paths;
}

const cases: { name: string; f: (x: A) => A; at: () => A; nan: string[] }[] = [
  // d/dx₁ Π x = x₀·x₂ = 2, but jax-js divides the product by x₁ = 0.
  { name: 'prod with a zero entry', f: (x) => np.prod(x), at: () => np.array([1, 0, 2]), nan: ['[1]'] },
  // An L2 penalty on a zero weight: d/dx x² = 0 at 0, jax-js computes 2·x^1 through log(0).
  { name: 'power(x, 2) at 0', f: (x) => np.sum(np.power(x, 2)), at: () => np.array([0, 1.5]), nan: ['[0]'] },
  // sinc is smooth at 0 (sinc′(0) = 0); jax-js's derivative is 0/0 there.
  { name: 'sinc at 0', f: (x) => np.sum(np.sinc(x)), at: () => np.array([0, 0.5]), nan: ['[0]'] },
  // det is a polynomial: its gradient at a singular matrix is the adjugate, [[4, −2], [−2, 1]].
  {
    name: 'det of a singular matrix',
    f: (x) => np.linalg.det(x),
    at: () =>
      np.array([
        [1, 2],
        [2, 4],
      ]),
    nan: ['[0][0]', '[0][1]', '[1][0]', '[1][1]'],
  },
  // float32 sigmoid at −100: σ′ ≈ 3.7e-44, jax-js's float32 backward pass gives NaN.
  { name: 'float32 sigmoid at −100', f: (x) => np.sum(nn.sigmoid(x)), at: () => np.array([-100, 0]), nan: ['[0]'] },
];

describe("jax-js's NaN gradients are failed reports with a non-finite diagnosis", () => {
  // (No live-buffer count here: jax-js 0.1.25's own backward passes of sigmoid and power keep
  // buffers of their own; ownership.test.ts counts gradcheck's on ops that do not.)
  it.each(cases)('$name: grad(f) through checkGradient', ({ f, at, nan }) => {
    const x = at();
    const report = checkGradient(jaxFunction(f), jaxGradient(grad(f)), { at: x });
    expect(report.pass).toBe(false);
    expect(nonFinite(report)).toEqual(nan);
    // The other entries are compared as usual: only the NaN ones disagree.
    expect(report.mismatches.map((m) => m.path).sort()).toEqual([...nan].sort());
    x.dispose();
  });

  it('.not expresses it', () => {
    const x = np.array([1, 0, 2]);
    const f = (v: A) => np.prod(v);
    expect(jaxFunction(f)).not.toHaveGradient(jaxGradient(grad(f)), { at: x });
    x.dispose();
  });

  it("checkGrads: jax-js's VJP of prod is NaN at the zero entry, its JVP along random tangents too", () => {
    const x = np.array([1, 0, 2]);
    const report = checkGrads((v: A) => np.prod(v), [x]);
    expect(report.pass).toBe(false);
    const vjp = report.checks.find((c) => c.name === 'VJP')?.report;
    expect(vjp?.pass).toBe(false);
    expect(vjp?.diagnoses.find((d) => d.kind === 'non-finite')?.paths).toEqual(['[0][1]']);
    x.dispose();
  });
});

describe('the NaN cases are real in jax-js 0.1.25 (so the tests above test something)', () => {
  it.each(cases)('$name: grad(f) has NaN exactly at $nan', ({ f, at, nan }) => {
    const x = at();
    const g = (grad(f)(x.ref) as A).js() as number[] | number[][];
    const flat = g.flat();
    const paths = x.shape.length === 1 ? flat.map((_, i) => `[${i}]`) : flat.map((_, k) => `[${Math.floor(k / 2)}][${k % 2}]`);
    expect(paths.filter((_, i) => Number.isNaN(flat[i]))).toEqual(nan);
    x.dispose();
  });
});
