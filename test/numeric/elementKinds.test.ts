/**
 * θ copies keep the caller's element kinds (API.md, "One measurement for every check"): a packed
 * `number[]` stays packed and typed arrays stay typed, so f is as fast inside the check as in the
 * caller's own loop. V8's own predicate (`%HasHoleyElements`, behind --allow-natives-syntax)
 * reads the kind.
 */
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { checkGradient } from '../../src/index.js';
import { TreeLayout } from '../../src/numeric/tree.js';

setFlagsFromString('--allow-natives-syntax');
const holey = new Function('a', 'return %HasHoleyElements(a)') as (a: unknown) => boolean;

describe('θ copies keep element kinds', () => {
  it('the natives probe tells a holey array from a packed one', () => {
    expect(holey(new Array(3).fill(0))).toBe(true);
    expect(holey([1.5, 2.5, 3.5])).toBe(false);
  });

  it('a nested number[][] θ reaches f packed at every level, at θ and moved', () => {
    const seen: boolean[] = [];
    const f = (t: number[][]) => {
      seen.push(holey(t), ...t.map(holey));
      return t.flat().reduce((s, v) => s + v * v, 0);
    };
    const at = [
      [1.5, 2.5],
      [3.5, 4.5],
    ];
    const report = checkGradient(f, (t: number[][]) => t.map((r) => r.map((v) => 2 * v)), { at });
    expect(report.pass).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((h) => !h)).toBe(true);
  });

  it('typed leaves stay typed, of their own class', () => {
    const copy = TreeLayout.of({ a: new Float32Array([1, 2]), b: new Float64Array([3]), c: [4, 5] }).workingCopy();
    const root = copy.root() as { a: unknown; b: unknown; c: unknown };
    expect(root.a).toBeInstanceOf(Float32Array);
    expect(root.b).toBeInstanceOf(Float64Array);
    expect(holey(root.c)).toBe(false);
  });
});
