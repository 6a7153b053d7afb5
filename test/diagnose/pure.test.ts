import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/check/diagnose/index.js';
import type { CheckSettings } from '../../src/check/report.js';
import { type Params, TreeLayout } from '../../src/numeric/tree.js';

const settings: CheckSettings = {
  method: 'central',
  step: 1e-4,
  precision: 'float64',
  rtol: 1e-5,
  atol: 1e-10,
  mode: 'full',
  seed: 0,
};

/** diagnose() on a θ tree with given flat numeric and analytic vectors (error estimates 1e-12). */
function hintsFor(theta: Params, numeric: number[], analytic: number[]): string[] {
  const layout = TreeLayout.of(theta);
  const a = Float64Array.from(analytic);
  const n = Float64Array.from(numeric);
  const failing = Uint8Array.from(analytic, (v, i) =>
    Math.abs(v - numeric[i]) > 1e-10 + 1e-5 * Math.max(Math.abs(v), Math.abs(numeric[i])) ? 1 : 0,
  );
  return diagnose({ layout, analytic: a, numeric: n, errors: new Float64Array(a.length).fill(1e-12), failing, settings });
}

const values = (n: number) => Array.from({ length: n }, (_, i) => Math.sin(1.7 * i + 0.3));

describe('pure diagnoses on flat vectors', () => {
  it('a Float64Array leaf (shape unknown) re-unrolled as 4×3: named with its block and shape', () => {
    const theta = { W: new Float64Array(12), b: new Float64Array(3) };
    const n = values(15);
    const a = n.slice();
    // analytic W = numeric W read as a 4×3 column-major matrix, written row-major
    for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) a[i * 3 + j] = n[j * 4 + i];
    const hints = hintsFor(theta, n, a);
    expect(hints[0]).toMatch(
      /^Layout mix-up: W\[0\]…W\[11\] \(12 entries\) hold the right values in the wrong order: the numerical block is a 3×4 matrix unrolled row-major, the analytic block the same matrix unrolled column-major/,
    );
    expect(hints[1]).toBe('Wrong: W. Fine: b.');
  });

  it('shifted the other way (analytic[k] = numeric[k + 1])', () => {
    const n = values(10);
    const a = n.map((v, k) => (k >= 3 && k < 9 ? n[k + 1] : v));
    expect(hintsFor(new Array(10).fill(0), n, a)).toEqual([
      expect.stringMatching(
        /^Shifted by one: the analytic entries \[3\]…\[8\] hold the numerical values of \[4\]…\[9\] \(exact match, residual 0\)/,
      ),
    ]);
  });

  it('a block negated inside a flat vector: sign error on the entries that disagree', () => {
    const n = values(12);
    const a = n.map((v, k) => (k >= 4 && k < 8 ? -v : v));
    expect(hintsFor(new Array(12).fill(0), n, a)[0]).toMatch(
      /^Sign error: the analytic gradient is −1 × the numerical one on the 4 entries that disagree \(\[4\], \[5\], \[6\], \[7\]; the other 8 agree\)/,
    );
  });

  it('no hint from two unrelated wrong entries', () => {
    const n = values(12);
    const a = n.map((v, k) => (k === 2 ? v + 0.3 : k === 9 ? v * 0.7 : v));
    expect(hintsFor(new Array(12).fill(0.5), n, a)).toEqual([]);
  });

  it('a correct gradient gets no hints', () => {
    const n = values(12);
    expect(hintsFor(new Array(12).fill(0), n, n.slice())).toEqual([]);
  });
});
