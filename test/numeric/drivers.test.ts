// The drivers' contract for a failing f (numeric/measure): when f throws at a moved point, θ's
// working copy is back to θ before the measurement hears of the error, so a measurement that
// catches it (the non-finite guard evaluates f at θ itself next) sees θ, not the moved point.
import { describe, expect, it } from 'vitest';
import { runAsync } from '../../src/numeric/measure/asyncDriver.js';
import { type Measurement, type Point, type Target, evaluate } from '../../src/numeric/measure/protocol.js';
import { runSync } from '../../src/numeric/measure/syncDriver.js';
import { TreeLayout } from '../../src/numeric/tree.js';

const theta = [1, 2, 3];
const layout = TreeLayout.of(theta);
const point = (indices: number[], values: number[]): Point => ({ indices, values, site: { kind: 'at-theta' } as never });

/** Σ (i + 1)·θᵢ, refusing θ₁ = 20; counts its calls. */
function weighted() {
  const seen: number[][] = [];
  const fn = (t: number[]) => {
    seen.push([...t]);
    if (t[1] === 20) throw new RangeError('θ₁ = 20 is refused');
    return t.reduce((s, v, i) => s + (i + 1) * v, 0);
  };
  return { fn, seen };
}

const target = (fn: (t: number[]) => number): Target<number> => ({ fn: fn as never, accept: (v) => v as number });

/** f at a good point, then at the refused one (caught), then at θ itself. */
function* measurement(fn: (t: number[]) => number): Measurement<{ first: number[]; error: unknown; atTheta: number[] }> {
  const first = yield* evaluate(target(fn), [point([0], [10])]);
  let error: unknown;
  try {
    yield* evaluate(target(fn), [point([2], [30]), point([1], [20]), point([0], [40])]);
  } catch (thrown) {
    error = thrown;
  }
  const atTheta = yield* evaluate(target(fn), [point([], [])]);
  return { first, error, atTheta };
}

describe('f throwing at a moved point', () => {
  it('runSync: the error reaches the measurement, θ is restored, no later point of the batch is evaluated', () => {
    const { fn, seen } = weighted();
    const { first, error, atTheta } = runSync(measurement(fn), layout);
    expect(first).toEqual([10 + 4 + 9]);
    expect((error as Error).message).toBe('θ₁ = 20 is refused');
    expect(atTheta).toEqual([1 + 4 + 9]);
    expect(seen).toEqual([
      [10, 2, 3],
      [1, 2, 30],
      [1, 20, 3],
      [1, 2, 3],
    ]);
  });

  it('runAsync: the same, at concurrency 1', async () => {
    const { fn, seen } = weighted();
    const { first, error, atTheta } = await runAsync(measurement(fn), layout, { concurrency: 1 });
    expect(first).toEqual([23]);
    expect((error as Error).message).toBe('θ₁ = 20 is refused');
    expect(atTheta).toEqual([14]);
    expect(seen.at(-1)).toEqual([1, 2, 3]);
  });
});
