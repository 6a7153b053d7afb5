import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';

/** f wrapped so that every point it is called at is recorded (copied: gradcheck reuses θ). */
function recorded(f: (theta: Float64Array) => number) {
  const points: number[][] = [];
  const record = (t: Float64Array) => {
    points.push([...t]);
    return f(t);
  };
  return { f: record, points };
}

const n = 60;
const c = Float64Array.from({ length: n }, (_, i) => Math.sin(0.37 * (i + 1)));
const f = (t: Float64Array) => t.reduce((s, v, i) => s + c[i] * v + 0.5 * v * v, 0);
const grad = (t: Float64Array) => t.map((v, i) => c[i] + v);
const at = Float64Array.from({ length: n }, (_, i) => 0.1 * Math.cos(i));

/** Where f was called in one run with these options. */
function pointsOf(options: { mode?: 'fast'; sample?: number; seed: number }): number[][] {
  const r = recorded(f);
  expect(checkGradient(r.f, grad, { at, ...options }).pass).toBe(true);
  return r.points;
}

/** The coordinates a run moved, from the points it evaluated f at. */
function movedCoordinates(points: readonly number[][]): number[] {
  const moved = new Set<number>();
  for (const p of points) for (let i = 0; i < n; i++) if (p[i] !== at[i]) moved.add(i);
  return [...moved].sort((a, b) => a - b);
}

describe('the seed decides the random choices: the same seed replays, another seed differs', () => {
  it('fast mode: the same seed evaluates f at the same points; another seed at other points', () => {
    const a = pointsOf({ mode: 'fast', seed: 3 });
    expect(pointsOf({ mode: 'fast', seed: 3 })).toEqual(a);
    const b = pointsOf({ mode: 'fast', seed: 4 });
    expect(b).toHaveLength(a.length); // same cost…
    expect(b).not.toEqual(a); // …other directions
  });

  it('sample: k: the same seed moves the same k coordinates; another seed moves other ones', () => {
    const a = movedCoordinates(pointsOf({ sample: 5, seed: 7 }));
    expect(a).toHaveLength(5);
    expect(movedCoordinates(pointsOf({ sample: 5, seed: 7 }))).toEqual(a);
    const b = movedCoordinates(pointsOf({ sample: 5, seed: 8 }));
    expect(b).toHaveLength(5);
    expect(b).not.toEqual(a);
  });

  it('the seed in use is printed, so a run can be replayed', () => {
    const bad = (t: Float64Array) => grad(t).map((v) => -v);
    const report = checkGradient(f, bad, { at, mode: 'fast', seed: 11 });
    expect(report.message).toContain('(seed 11)');
  });
});
