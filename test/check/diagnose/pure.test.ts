import { describe, expect, it } from 'vitest';
import { diagnose, explain } from '../../../src/check/diagnose/index.js';
import { diagnosisOf, group, handInput } from './helpers.js';

const values = (n: number) => Array.from({ length: n }, (_, i) => Math.sin(1.7 * i + 0.3));

describe('pure diagnoses on flat vectors', () => {
  it('a flat leaf (shape unknown) re-unrolled as 4×3: named with its block and shape', () => {
    const n = values(15);
    const a = n.slice();
    // analytic W = numeric W read as a 4×3 column-major matrix, written row-major
    for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) a[i * 3 + j] = n[j * 4 + i];
    const { diagnoses, notes } = explain(handInput(a, n, [group('W', [12], 0), group('b', [3], 12)]));
    const d = diagnosisOf(diagnoses, 'layout');
    expect(d.message).toMatch(
      /^Layout mix-up in W \(W\[0\]…W\[11\]\): the right values in the wrong order: the numerical block is a 3×4 matrix unrolled row-major, the analytic block the same matrix unrolled column-major/,
    );
    expect(d.paths).toEqual(['W']);
    expect(notes).toEqual(['Wrong: W. Fine: b.']);
  });

  it('shifted the other way (analytic[k] = numeric[k + 1])', () => {
    const n = values(10);
    const a = n.map((v, k) => (k >= 3 && k < 9 ? n[k + 1] : v));
    const found = diagnose(handInput(a, n, [group('θ', [10], 0)], new Array(10).fill(0)));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'shifted', paths: ['θ'], share: 1 });
    expect(found[0].message).toMatch(
      /^Shifted by one in θ: the analytic entries θ\[3\]…θ\[8\] hold the numerical values of θ\[4\]…θ\[9\]/,
    );
    expect(found[0].evidence).toContain('residual 0');
  });

  it('a block negated inside a flat vector: sign error where they disagree', () => {
    const n = values(12);
    const a = n.map((v, k) => (k >= 4 && k < 8 ? -v : v));
    const d = diagnosisOf(diagnose(handInput(a, n, [group('θ', [12], 0)], new Array(12).fill(0))), 'sign');
    expect(d.message).toMatch(
      /^Sign error in θ: the analytic values are −1 × the numerical ones where they disagree \(the other entries agree\)/,
    );
    expect(d.evidence).toContain('on the 4 entries of θ that disagree (θ[4], θ[5], θ[6], θ[7]; the other 8 agree)');
  });

  it('no diagnosis from two unrelated wrong entries', () => {
    const n = values(12);
    const a = n.map((v, k) => (k === 2 ? v + 0.3 : k === 9 ? v * 0.7 : v));
    expect(diagnose(handInput(a, n, [group('θ', [12], 0)], new Array(12).fill(0.5)))).toEqual([]);
  });

  it('a correct gradient gets no diagnosis and no note', () => {
    const n = values(12);
    expect(explain(handInput(n, n, [group('W', [3, 4], 0)], values(12)))).toEqual({ diagnoses: [], notes: [] });
  });
});
