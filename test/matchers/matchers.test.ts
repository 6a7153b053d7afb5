import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { allClose } from 'gradcheck';

/** The plain text of the assertion error `run` throws. */
function failureOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail');
}

const loss = ([w, b]: number[]) => (w * 2 + b - 1) ** 2;
const lossGrad = ([w, b]: number[]) => [4 * (w * 2 + b - 1), 2 * (w * 2 + b - 1)];
const at = [0.3, -0.2];

describe('toHaveGradient', () => {
  it('passes for a correct gradient, as a function or a value', () => {
    expect(loss).toHaveGradient(lossGrad, { at });
    expect(loss).toHaveGradient(lossGrad(at), { at, rtol: 1e-6 });
  });

  it('fails with the matcher hint and the readable report', () => {
    const text = failureOf(() => expect(loss).toHaveGradient(([w, b]) => [-4 * (w * 2 + b - 1), 2 * (w * 2 + b - 1)], { at }));
    expect(text.split('\n')[0]).toBe('expect(received).toHaveGradient(grad, options)');
    expect(text).toContain('The analytic gradient disagrees with the numeric one.');
    expect(text).toContain(
      'Numeric: central differences, step 1e-4·max(1, |θᵢ|), float64. An entry agrees when |a − n| ≤ 1e-10 + 1e-5·max(|a|, |n|) + the error estimate of n.',
    );
    expect(text).toContain('1 of 2 entries disagree');
    expect(text).toMatch(/\[0\] +2\.4 +-2\.4 +4\.8 +2/);
  });

  it('.not passes for a wrong gradient and explains a correct one', () => {
    expect(loss).not.toHaveGradient(([w]) => [w, w], { at });
    const text = failureOf(() => expect(loss).not.toHaveGradient(lossGrad, { at }));
    expect(text.split('\n')[0]).toBe('expect(received).not.toHaveGradient(grad, options)');
    expect(text).toContain('Expected the analytic gradient not to match the numeric one, but all 2 entries agree.');
    expect(text).toContain('0 of 2 entries disagree');
  });

  it('works with parameter trees', () => {
    const theta = {
      W: [
        [0.1, 0.2],
        [0.3, 0.4],
      ],
      b: new Float64Array([0.5, -0.5]),
    };
    const f = (p: typeof theta) => p.W[0][0] * p.b[0] + p.W[1][1] * p.b[1] + p.W[0][1] ** 2;
    const g = (p: typeof theta) => ({
      W: [
        [p.b[0], 2 * p.W[0][1]],
        [0, p.b[1]],
      ],
      b: [p.W[0][0], p.W[1][1]],
    });
    expect(f).toHaveGradient(g, { at: theta });
    const text = failureOf(() => expect(f).toHaveGradient((p: typeof theta) => ({ ...g(p), b: [p.W[0][0], 0] }), { at: theta }));
    expect(text).toMatch(/b\[1\] +0 +0\.4 +0\.4 +1/);
  });
});

describe('toHaveDerivative', () => {
  it('checks f: number → number', () => {
    expect(Math.sin).toHaveDerivative(Math.cos, { at: 0.3 });
    expect(Math.exp).toHaveDerivative(Math.exp(1.5), { at: 1.5 });
    expect(Math.sin).not.toHaveDerivative((x: number) => Math.sin(x), { at: 0.3 });
    const text = failureOf(() => expect(Math.sin).toHaveDerivative((x: number) => -Math.cos(x), { at: 0.3 }));
    expect(text.split('\n')[0]).toBe('expect(received).toHaveDerivative(df, options)');
    expect(text).toContain('The analytic derivative disagrees with the numeric one');
    expect(text).toMatch(/θ +-0\.955336 +0\.955336/);
  });
});

describe('toBeAllClose and allClose', () => {
  it('passes within rtol/atol and fails outside, naming entries', () => {
    expect([0.1 + 0.2, 1]).toBeAllClose([0.3, 1]);
    expect({ w: [1, 2] }).toBeAllClose({ w: [1, 2 + 1e-9] }, { rtol: 1e-7, atol: 0 });
    expect({ w: [1, 2] }).not.toBeAllClose({ w: [1, 2.1] });
    const text = failureOf(() => expect({ w: [1, 2] }).toBeAllClose({ w: [1, 2.1] }));
    expect(text.split('\n')[0]).toBe('expect(received).toBeAllClose(expected, options)');
    expect(text).toContain('1 of 2 entries disagree');
    expect(text).toMatch(/w\[1\] +2 +2\.1 +0\.1/);
  });

  it('uses NumPy-like defaults symmetrically: |a − e| ≤ 1e-8 + 1e-5·max(|a|, |e|)', () => {
    expect(allClose([1], [1 + 9e-6]).pass).toBe(true);
    expect(allClose([1], [1 + 2e-5]).pass).toBe(false);
    expect(allClose([0], [5e-9]).pass).toBe(true);
    expect(allClose([0], [5e-8]).pass).toBe(false);
  });

  it('fails on different structures, naming the difference', () => {
    const report = allClose([1, 2, 3], [1, 2]);
    expect(report.pass).toBe(false);
    expect(report.hints).toEqual(['Shapes differ: expected has 2 entries, actual has 3.']);
    expect(() => expect([[1, 2]]).toBeAllClose([[1], [2]])).toThrow(/Shapes differ: expected has 2×1 entries, actual has 1×2/);
  });

  it('treats NaN as unequal unless equalNaN', () => {
    expect(allClose([Number.NaN], [Number.NaN]).pass).toBe(false);
    expect(allClose([Number.NaN], [Number.NaN], { equalNaN: true }).pass).toBe(true);
  });

  it('rejects unknown options and non-trees clearly', () => {
    expect(() => allClose([1], [1], { rtol: 1, tol: 2 } as never)).toThrow('allClose: unknown option "tol"');
    expect(() => expect('abc').toBeAllClose([1])).toThrow('toBeAllClose: actual: θ is the string "abc"');
  });
});
