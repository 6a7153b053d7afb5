import { describe, expect, it } from 'vitest';
import { type GradientReport, checkGradient } from 'gradcheck';
import { mergeReports } from '../../src/api/mergeReports.js';
import { comparedCoordinates } from '../../src/check/shards/shard.js';

/** A small layer with a tree θ: loss = Σ tanh(xW + b)² + λ/2 ‖W‖², W 4×3, b 3 (n = 15). */
interface Layer {
  W: number[][];
  b: number[];
}
const x = [0.3, -0.7, 1.1, 0.4];
const LAMBDA = 0.1;
const theta: Layer = {
  W: [
    [0.2, -0.5, 0.1],
    [0.7, 0.3, -0.2],
    [-0.4, 0.6, 0.5],
    [0.1, -0.3, 0.8],
  ],
  b: [0.05, -0.1, 0.2],
};
const z = (t: Layer) => t.b.map((bj, j) => bj + x.reduce((s, xi, i) => s + xi * t.W[i][j], 0));
function loss(t: Layer): number {
  const reg = t.W.flat().reduce((s, w) => s + w * w, 0);
  return z(t).reduce((s, zj) => s + Math.tanh(zj) ** 2, 0) + (LAMBDA / 2) * reg;
}
/** The gradient, with switches for two classic bugs. */
function gradOf(bug?: 'double-W' | 'no-reg') {
  return (t: Layer): Layer => {
    const dz = z(t).map((zj) => 2 * Math.tanh(zj) * (1 - Math.tanh(zj) ** 2));
    const reg = bug === 'no-reg' ? 0 : LAMBDA;
    const k = bug === 'double-W' ? 2 : 1;
    return { W: t.W.map((row, i) => row.map((w, j) => k * (x[i] * dz[j] + reg * w))), b: dz };
  };
}

const n = 15;
const shardsOf = (grad: (t: Layer) => Layer, count: number, extra: object = {}) =>
  Array.from({ length: count }, (_, k) => checkGradient(loss, grad, { at: theta, shard: { index: k + 1, count }, ...extra }));

/**
 * What must agree between the merged and the unsharded report. Not `evaluations` for a wrong
 * gradient: each shard re-checks its own suspects and probes f(θ) for determinism on its own.
 */
function sameOutcome(merged: GradientReport, whole: GradientReport): void {
  expect(merged.pass).toBe(whole.pass);
  expect(merged.checked).toBe(whole.checked);
  expect(merged.mismatches.map((m) => m.path)).toEqual(whole.mismatches.map((m) => m.path));
  expect(merged.diagnoses.map((d) => [d.kind, d.paths])).toEqual(whole.diagnoses.map((d) => [d.kind, d.paths]));
  expect(Array.from(merged.numeric)).toEqual(Array.from(whole.numeric));
  expect(merged.relativeDifference).toBeCloseTo(whole.relativeDifference, 12);
  expect(merged.maxAbsError).toBe(whole.maxAbsError);
}

describe('shard: { index, count }', () => {
  it('splits the coordinates into disjoint, covering, strided shares', () => {
    for (const count of [1, 2, 3, 4, 7, 20]) {
      const seen = new Array<number>(n).fill(0);
      for (let index = 1; index <= count; index++) {
        const { indices } = comparedCoordinates(n, { sample: undefined, seed: 0, shard: { index, count } });
        for (const i of indices ?? []) seen[i]++;
      }
      expect(seen).toEqual(new Array(n).fill(1));
    }
    expect(
      Array.from(comparedCoordinates(10, { sample: undefined, seed: 0, shard: { index: 2, count: 4 } }).indices ?? []),
    ).toEqual([1, 5, 9]);
  });

  it('shards of a sample split that sample, and cover exactly it', () => {
    const sampled = comparedCoordinates(100, { sample: 30, seed: 7, shard: undefined }).indices ?? [];
    const union = [1, 2, 3].flatMap((index) => [
      ...(comparedCoordinates(100, { sample: 30, seed: 7, shard: { index, count: 3 } }).indices ?? []),
    ]);
    expect(union.sort((a, b) => a - b)).toEqual([...sampled]);
  });

  it('costs exactly 2n evaluations over all shards for a correct gradient', () => {
    const shards = shardsOf(gradOf(), 4);
    expect(shards.every((r) => r.pass)).toBe(true);
    expect(shards.reduce((s, r) => s + r.evaluations, 0)).toBe(2 * n);
    expect(shards.map((r) => r.checked)).toEqual([4, 4, 4, 3]);
    expect(shards[1].message).toContain('Shard 2 of 4: 4 of the 15 coordinates compared');
  });

  it('merges into the unsharded report of a correct gradient', () => {
    const merged = mergeReports(shardsOf(gradOf(), 4));
    const whole = checkGradient(loss, gradOf(), { at: theta });
    sameOutcome(merged, whole);
    expect(merged.evaluations).toBe(whole.evaluations);
    expect(merged.shard).toBeUndefined();
    expect(merged.details.notes.at(-1)).toMatch(/^Merged from 4 shards/);
  });

  for (const bug of ['double-W', 'no-reg'] as const) {
    it(`merges into the unsharded report of a buggy gradient (${bug}): same mismatches and diagnoses`, () => {
      const whole = checkGradient(loss, gradOf(bug), { at: theta });
      expect(whole.pass).toBe(false);
      expect(whole.diagnoses.length).toBeGreaterThan(0);
      const shards = shardsOf(gradOf(bug), 3);
      const merged = mergeReports(shards);
      sameOutcome(merged, whole);
      expect(merged.evaluations).toBe(shards.reduce((s, r) => s + r.evaluations, 0));
      expect(merged.message).toContain('Merged from 3 shards');
    });
  }

  it('merges a non-finite entry beside a real bug as the unsharded check names them: each on its own entries', () => {
    const grad = (t: Layer): Layer => {
      const g = gradOf('double-W')(t);
      return { ...g, b: g.b.map((v, j) => (j === 1 ? Number.POSITIVE_INFINITY : v)) };
    };
    const whole = checkGradient(loss, grad, { at: theta });
    expect(whole.diagnoses.map((d) => [d.kind, d.paths])).toEqual([
      ['non-finite', ['b[1]']],
      ['factor', ['W']],
    ]);
    sameOutcome(mergeReports(shardsOf(grad, 3)), whole);
  });

  it('merges reports read back from JSON (a CI matrix writes one file per shard)', () => {
    const shards = shardsOf(gradOf('double-W'), 2).map((r) => JSON.parse(JSON.stringify(r)));
    sameOutcome(mergeReports(shards), checkGradient(loss, gradOf('double-W'), { at: theta }));
  });

  it('merges shards of a sample into the sampled check', () => {
    const options = { sample: 9, seed: 3 };
    sameOutcome(
      mergeReports(shardsOf(gradOf('double-W'), 2, options)),
      checkGradient(loss, gradOf('double-W'), { at: theta, ...options }),
    );
  });

  it('refuses missing, duplicate and foreign shards, and unsharded reports', () => {
    const shards = shardsOf(gradOf(), 3);
    expect(() => mergeReports(shards.slice(0, 2))).toThrow('mergeReports: shard 3 of 3 is missing');
    expect(() => mergeReports([shards[0], shards[0], shards[1], shards[2]])).toThrow('shard 1 of 3 is given twice');
    expect(() => mergeReports([])).toThrow('non-empty array');
    expect(() => mergeReports([checkGradient(loss, gradOf(), { at: theta })])).toThrow("reports[0] is not a shard's report");
    const other = checkGradient(loss, gradOf(), { at: theta, shard: { index: 3, count: 3 }, rtol: 1e-4 });
    expect(() => mergeReports([shards[0], shards[1], other])).toThrow('reports[2] is from another check: its settings differ');
    const moved = checkGradient(loss, gradOf(), { at: { ...theta, b: [0, 0, 0] }, shard: { index: 3, count: 3 } });
    expect(() => mergeReports([shards[0], shards[1], moved])).toThrow('θ or the analytic gradient differs');
  });

  it('refuses shard with fast mode', () => {
    expect(() => checkGradient(loss, gradOf(), { at: theta, mode: 'fast', shard: { index: 1, count: 2 } })).toThrow(/shard/);
  });
});
