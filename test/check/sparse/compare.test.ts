import { describe, expect, it } from 'vitest';
import { compareMatrix } from '../../../src/check/vectorValued/matrix.js';
import { compareMeasured } from '../../../src/check/sparse/compare.js';
import { patternWhere } from '../../../src/numeric/sparsity/index.js';

describe('compareMeasured', () => {
  it('gives the verdict compareMatrix gives, looking only at the measured entries', () => {
    const n = 6;
    const A = Float64Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 + k / 10 : 0));
    const pattern = patternWhere(n, n, (k) => A[k] !== 0);
    const values = Float64Array.from(A);
    const errors = new Float64Array(n * n);
    values[2 * n + 2] *= 1.5; // a wrong entry in the pattern
    values[1 * n + 4] = 0.3; // a forgotten entry, localised
    values[4 * n + 4] += 1e-3; // passes only thanks to its error estimate: unresolved
    errors[4 * n + 4] = 0.5;
    values[0] *= 1.5; // as wrong as entry (2, 2) relative to its size: ties keep row-major order
    const num = { rows: n, values, errors };
    const settings = { rtol: 1e-5, atol: 1e-10 };
    const name = (i: number, j: number) => `(${i}, ${j})`;
    const dense = compareMatrix(A, num, n, settings, name);
    const sparse = compareMeasured(A, num, pattern, new Set([1 * n + 4]), settings, name);
    expect(sparse).toEqual(dense);
    expect(sparse.mismatches.map((m) => m.path)).toEqual(dense.mismatches.map((m) => m.path));
    expect(sparse.wrong).toEqual([0, 1 * n + 4, 2 * n + 2]);
    expect(sparse.unresolved.map((u) => u.path)).toEqual(['(4, 4)']);
  });
});
