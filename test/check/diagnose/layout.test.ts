import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { type NgnnParams, ngnnFlat, ngnnTree, ngnnTreeF, ngnnTreeGrad } from '../../problems/index.js';
import { linearData, linearF, linearGrad, ngnnFlatRowMajor, ngnnFlatShifted, ngnnTreeTheta2Reshaped } from './buggy.js';
import { diagnosesOf, diagnosisOf, hintMatching, statedResidual } from './helpers.js';

describe('diagnosis 4: layout mix-ups', () => {
  it('P3 flat with B4 (Theta2 unrolled row-major): the block and its 3×6 shape are named', () => {
    const p = ngnnFlat();
    const report = checkGradient(p.f, ngnnFlatRowMajor, { at: p.theta0 });
    const hint = hintMatching(report, /^Layout mix-up/);
    expect(hint).toContain('Layout mix-up in θ ([20]…[37]): the right values in the wrong order');
    expect(hint).toContain('a 3×6 matrix unrolled column-major, the analytic block the same matrix unrolled row-major');
    expect(report.hints).toHaveLength(1);
    const d = diagnosisOf(diagnosesOf(report), 'layout');
    expect(d).toMatchObject({ paths: ['θ'], share: 1, alternatives: ['transposed'] });
    expect(d.evidence).toContain('exact permutation match on all 18 entries of [20]…[37]');
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-8);
  });

  it('P3 unrolled row-major by the user, Theta2 written column-major: the other orientation is named', () => {
    // The user's own flat convention: [Theta1 row by row, Theta2 row by row].
    const shapes = [
      [5, 4],
      [3, 6],
    ] as const;
    const roll = (t: ArrayLike<number>): NgnnParams => {
      let o = 0;
      const [Theta1, Theta2] = shapes.map(([r, c]) => {
        const M = Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => t[o + i * c + j]));
        o += r * c;
        return M;
      });
      return { Theta1, Theta2 };
    };
    const unroll = (g: NgnnParams, theta2ColumnMajor: boolean) => [
      ...g.Theta1.flat(),
      ...(theta2ColumnMajor ? [0, 1, 2, 3, 4, 5].flatMap((c) => g.Theta2.map((row) => row[c])) : g.Theta2.flat()),
    ];
    const at = unroll(ngnnTree().theta0, false);
    const f = (t: ArrayLike<number>) => ngnnTreeF(roll(t));
    const report = checkGradient(f, (t: ArrayLike<number>) => unroll(ngnnTreeGrad(roll(t)), true), { at });
    const hint = hintMatching(report, /^Layout mix-up/);
    expect(hint).toContain('Layout mix-up in θ ([20]…[37])');
    expect(hint).toContain('a 3×6 matrix unrolled row-major, the analytic block the same matrix unrolled column-major');
    expect(checkGradient(f, (t: ArrayLike<number>) => unroll(ngnnTreeGrad(roll(t)), false), { at }).hints).toEqual([]);
  });

  it('P3 tree, Theta2 flattened column-major then reshaped row-major', () => {
    const p = ngnnTree();
    const report = checkGradient(p.f, ngnnTreeTheta2Reshaped, { at: p.theta0 });
    const hint = hintMatching(report, /^Layout mix-up/);
    expect(hint).toContain(
      'Layout mix-up in Theta2 (3×6): the analytic values, read row by row, are the numerical ones read column by column',
    );
    expect(hint).toContain('unrolled column-major and reshaped row-major, or the 6×3 transpose written in its place');
    expect(report.hints).toContain('Wrong: Theta2. Fine: Theta1.');
    const d = diagnosisOf(diagnosesOf(report), 'layout');
    expect(d).toMatchObject({ paths: ['Theta2'], alternatives: ['transposed'] });
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-8);
  });

  it('a square weight gradient transposed (x·δᵀ instead of δ·xᵀ)', () => {
    const report = checkGradient(linearF, linearGrad(true), { at: linearData.W0 });
    const hint = hintMatching(report, /^Transposed/);
    expect(hint).toBe(
      "Transposed θ (3×3): the analytic values are the numerical ones transposed. Did you compute Wᵀ's gradient, e.g. x·δᵀ instead of δ·xᵀ?",
    );
    const d = diagnosisOf(diagnosesOf(report), 'transposed');
    expect(d).toMatchObject({ paths: ['θ'], alternatives: ['layout'] });
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-8);
  });

  it('P3 flat, Theta2 copied one slot late: shifted by one', () => {
    const p = ngnnFlat();
    const report = checkGradient(p.f, ngnnFlatShifted, { at: p.theta0 });
    const hint = hintMatching(report, /^Shifted by one/);
    expect(hint).toContain(
      'Shifted by one in θ: the analytic entries [21]…[37] hold the numerical values of [20]…[36] ([20] holds a value from outside)',
    );
    const d = diagnosisOf(diagnosesOf(report), 'shifted');
    expect(d.paths).toEqual(['θ']);
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-8);
  });

  it('no layout hint for a gradient that is merely wrong in a block (B3 on P3 flat)', () => {
    const p = ngnnFlat();
    const report = checkGradient(p.f, (t: ArrayLike<number>) => p.grad(t).map((g, i) => (i >= 20 ? g + 0.01 * Math.sin(i) : g)), {
      at: p.theta0,
    });
    expect(report.pass).toBe(false);
    expect(report.hints.filter((h) => /Layout|Transposed|Shifted/.test(h))).toEqual([]);
    expect(diagnosesOf(report).filter((d) => ['layout', 'transposed', 'shifted'].includes(d.kind))).toEqual([]);
  });
});

describe('an axis reversed (issue 20: flips are layouts whose message says so)', () => {
  it('a gradient vector filled back to front: a layout, the vector reversed', () => {
    const c = [1, 2, 3, 4, 5];
    const f = (t: number[]) => t.reduce((s, v, i) => s + c[i] * Math.sin(v), 0);
    const r = checkGradient(f, (t: number[]) => t.map((_, i) => c[4 - i] * Math.cos(t[4 - i])), {
      at: [0.1, 0.2, 0.3, 0.4, 0.5],
    });
    expect(r.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['layout', ['θ']]]);
    expect(r.diagnoses[0].message).toMatch(
      /^Flipped θ \(5\): the analytic values are the numerical ones in reverse order \(the vector reversed\)\. /,
    );
  });
});
