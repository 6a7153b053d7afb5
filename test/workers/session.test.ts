// The batch session of a worker function (the contract in src/numeric/batched.ts): θ resident
// in every thread, points sent as moved entries, one coarse task per thread, close() leaving
// nothing behind.
import { afterAll, describe, expect, test } from 'vitest';
import { batched, isBatched, type MovedPoint } from '../../src/numeric/batched.js';
import { GradcheckError } from '../../src/numeric/errors.js';
import { flatten } from '../../src/numeric/tree.js';
import { workerFunction } from '../../src/workers/index.js';
import * as local from './fixtures/session.mjs';

const fixtures = new URL('./fixtures/session.mjs', import.meta.url);
const theta = () => ({
  a: Float64Array.of(1, 2, 3),
  m: [
    [4, 5],
    [6, 7],
  ],
  s: 8,
});

/** A point that moves entry i (flat order) to v, and the in-process value there. */
function move(...pairs: [number, number][]): MovedPoint {
  return { indices: Int32Array.from(pairs, ([i]) => i), values: Float64Array.from(pairs, ([, v]) => v) };
}
function inProcess(f: (t: ReturnType<typeof theta>) => unknown, point: MovedPoint): unknown {
  const flat = flatten(theta());
  const values = Float64Array.from(flat.values);
  point.indices.forEach((i, k) => {
    values[i] = point.values[k];
  });
  return f(flat.unflatten(values));
}

describe('a session on 2 threads', () => {
  const weighted = workerFunction(fixtures, 'weighted', { threads: 2 });
  afterAll(() => weighted.close());

  test('the worker function offers batches', () => {
    expect(isBatched(weighted)).toBe(true);
  });

  test('gives f at every moved point exactly, in order, each point from θ itself', async () => {
    const points = [move([0, 10]), move([3, -1]), move(), move([7, 0.5], [1, 2.25]), move([2, 1], [2, 9]), move([5, 100])];
    const session = await weighted[batched].open(theta());
    try {
      const values = await session.evaluate(points);
      expect(values).toBeInstanceOf(Float64Array);
      // Σ(i+1)θᵢ at θ is 204; each point changes it by (i+1)·(v − θᵢ) only: moves never leak into the next point.
      expect(Array.from(values)).toEqual([213, 184, 204, 204 + 8 * -7.5 + 2 * 0.25, 204 + 3 * 6, 204 + 6 * 94]);
      expect(Array.from(values)).toEqual(points.map((p) => inProcess(local.weighted, p)));
      // Again, after the first batch: θ in the threads is unchanged.
      expect(Array.from(await session.evaluate([move(), move([4, 0])]))).toEqual([204, 204 - 5 * 5]);
    } finally {
      await session.close();
    }
  });

  test('an empty batch gives no values', async () => {
    const session = await weighted[batched].open(theta());
    expect(Array.from(await session.evaluate([]))).toEqual([]);
    await session.close();
  });

  test('several sessions at once keep their own θ', async () => {
    const other = {
      a: Float64Array.of(0, 0, 0),
      m: [
        [0, 0],
        [0, 0],
      ],
      s: 1,
    };
    const [first, second] = await Promise.all([weighted[batched].open(theta()), weighted[batched].open(other)]);
    const [x, y] = await Promise.all([first.evaluate([move([0, 11])]), second.evaluate([move([0, 11])])]);
    expect(Array.from(x)).toEqual([214]);
    expect(Array.from(y)).toEqual([8 + 11]);
    await Promise.all([first.close(), second.close()]);
  });

  test('batches in flight together on one session each get their own values', async () => {
    const session = await weighted[batched].open(theta());
    const batches = [0, 1, 2].map((k) => [move([k, 0]), move([7, k])]);
    const values = await Promise.all(batches.map((points) => session.evaluate(points)));
    expect(values.map((v) => Array.from(v))).toEqual(batches.map((points) => points.map((p) => inProcess(local.weighted, p))));
    await session.close();
  });

  test('the caller’s points stay usable (their buffers are not moved away)', async () => {
    const point = move([1, 4]);
    const session = await weighted[batched].open(theta());
    await session.evaluate([point, point]);
    expect(Array.from(point.indices)).toEqual([1]);
    expect(Array.from(point.values)).toEqual([4]);
    await session.close();
  });

  test('after close(), evaluate rejects with a clear message', async () => {
    const session = await weighted[batched].open(theta());
    await session.close();
    await expect(session.evaluate([move()])).rejects.toThrow(
      "workerFunction 'weighted': this batch session is closed; open a new one with f[batched].open(theta)",
    );
  });

  test('bad points are refused with the index at fault', async () => {
    const session = await weighted[batched].open(theta());
    await expect(session.evaluate([move(), move([8, 1])])).rejects.toThrow(
      'BatchSession.evaluate: point 1 moves flat index 8, but θ has 8 entries (indices run from 0 to 7)',
    );
    await expect(session.evaluate([{ indices: [0], values: [1] } as unknown as MovedPoint])).rejects.toThrow(GradcheckError);
    await session.close();
  });
});

describe('what runs where', () => {
  test('the points of a batch are shared out over the threads', async () => {
    const f = workerFunction(fixtures, 'threadAfter', { threads: 2 });
    try {
      const session = await f[batched].open({ ms: [20] });
      const ids = Array.from(await session.evaluate(Array.from({ length: 8 }, () => move())));
      expect(new Set(ids).size).toBe(2);
      await session.close();
    } finally {
      await f.close();
    }
  });

  test('a thread kept busy by other work takes no points: the free one takes them all', async () => {
    const f = workerFunction(fixtures, 'threadAfter', { threads: 2 });
    try {
      const session = await f[batched].open({ ms: [20] });
      const busy = f({ ms: [1500] });
      const ids = Array.from(await session.evaluate(Array.from({ length: 10 }, () => move())));
      const busyId = await busy;
      expect(new Set(ids).size).toBe(1);
      expect(ids[0]).not.toBe(busyId);
      await session.close();
    } finally {
      await f.close();
    }
  });

  test('θ is held in every thread while a session is open, and dropped by close()', async () => {
    const f = workerFunction(new URL('./fixtures/resident.ts', import.meta.url), 'residentSessions', { threads: 2 });
    // Two calls in flight, each spinning 50 ms: one per thread.
    const perThread = () => Promise.all([f(50), f(50)]);
    try {
      expect(await perThread()).toEqual([0, 0]);
      const first = await f[batched].open([0]);
      const second = await f[batched].open([0, 0]);
      expect(await perThread()).toEqual([2, 2]);
      await first.close();
      expect(await perThread()).toEqual([1, 1]);
      await second.close();
      expect(await perThread()).toEqual([0, 0]);
    } finally {
      await f.close();
    }
  });

  test('close() stops a long batch between points and leaves nothing running', async () => {
    const f = workerFunction(fixtures, 'countCalls', { threads: 1 });
    try {
      const session = await f[batched].open({ ms: [5] });
      const batch = session.evaluate(Array.from({ length: 400 }, () => move()));
      const outcome = batch.catch((thrown: Error) => thrown);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await session.close();
      expect(await outcome).toMatchObject({ message: expect.stringContaining('this batch session is closed') });
      // The thread's own count: far fewer than 400 calls were made, and none after close().
      const after = await f({ ms: [0] });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(after).toBeLessThan(200);
      expect(await f({ ms: [0] })).toBe(after + 1);
    } finally {
      await f.close();
    }
  });

  test('a thread that replaced a dead one gets θ when it first needs it', async () => {
    const f = workerFunction(fixtures, 'exitsAt13', { threads: 1 });
    try {
      const session = await f[batched].open({ x: 1, y: 0.5 });
      await expect(session.evaluate([move([0, 13])])).rejects.toThrow(
        /^workerFunction: evaluating 'exitsAt13' of .* in a worker thread failed/,
      );
      expect(Array.from(await session.evaluate([move([0, 5]), move([1, 2])]))).toEqual([10.5, 4]);
      await session.close();
    } finally {
      await f.close();
    }
  });
});

describe('values that are not plain numbers', () => {
  test('an async f', async () => {
    const f = workerFunction(fixtures, 'weightedLater', { threads: 2 });
    try {
      const session = await f[batched].open(theta());
      expect(Array.from(await session.evaluate([move([0, 10]), move(), move([7, 0])]))).toEqual([213, 204, 140]);
      await session.close();
    } finally {
      await f.close();
    }
  });

  test('a vector f: one value per point, as f returned it, even when f reuses its buffer', async () => {
    const f = workerFunction(fixtures, 'doubled', { threads: 2 });
    try {
      const session = await f[batched].open(theta());
      const points = [move([0, -1]), move([6, 0]), move()];
      const values = (await session.evaluate(points)) as { twice: Float64Array; first: number }[];
      expect(Array.isArray(values)).toBe(true);
      expect(values).toHaveLength(3);
      values.forEach((value, p) => {
        expect(value.twice).toBeInstanceOf(Float64Array);
        const expected = inProcess(local.doubled, points[p]) as { twice: Float64Array; first: number };
        expect(Array.from(value.twice)).toEqual(Array.from(expected.twice));
      });
      expect(values.map((v) => v.first)).toEqual([-1, 1, 1]);
      await session.close();
    } finally {
      await f.close();
    }
  });

  test('float32 leaves round each move as the caller’s Float32Array would, and get θ back exactly', async () => {
    const f = workerFunction(fixtures, 'sum32', { threads: 1 });
    try {
      const session = await f[batched].open({ w: Float32Array.of(0.1, 0.2) });
      const values = await session.evaluate([move([0, 0.3]), move()]);
      expect(values[0]).toBe(local.sum32({ w: Float32Array.of(0.3, 0.2) }));
      expect(values[1]).toBe(local.sum32({ w: Float32Array.of(0.1, 0.2) }));
      await session.close();
    } finally {
      await f.close();
    }
  });
});

describe('failures keep the quality of direct calls', () => {
  test('f throwing rejects with the worker’s stack, and the session goes on from θ', async () => {
    const f = workerFunction(fixtures, 'refusesNegative', { threads: 2 });
    try {
      const session = await f[batched].open(theta());
      const error: Error = await session.evaluate([move(), move([0, -2])]).then(
        () => expect.fail('resolved'),
        (thrown: Error) => thrown,
      );
      expect(error.message).toBe(
        `workerFunction: 'refusesNegative' of ${fixtures.href} threw in a worker thread: RangeError: refusesNegative: a[0] is -2`,
      );
      expect(error.stack).toMatch(/fixtures\/session\.mjs:\d+:\d+/);
      expect(Array.from(await session.evaluate([move(), move()]))).toEqual([204, 204]);
      await session.close();
    } finally {
      await f.close();
    }
  });

  test('an async f rejecting at a moved point: θ is restored there too, and the session goes on', async () => {
    const f = workerFunction(fixtures, 'refusesNegativeLater', { threads: 1 });
    try {
      const session = await f[batched].open(theta());
      await expect(session.evaluate([move(), move([0, -2]), move()])).rejects.toThrow('RangeError: refusesNegative: a[0] is -2');
      expect(Array.from(await session.evaluate([move(), move([1, 5])]))).toEqual([204, 204 + 2 * (5 - 2)]);
      await session.close();
    } finally {
      await f.close();
    }
  });

  test('a missing export is a GradcheckError at open', async () => {
    const f = workerFunction(fixtures, 'weightd', { threads: 2 });
    try {
      const error = await f[batched].open(theta()).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(GradcheckError);
      expect((error as Error).message).toMatch(
        /^workerFunction: file:.*session\.mjs has no export named 'weightd' \(it exports .*'weighted'/,
      );
    } finally {
      await f.close();
    }
  });

  test('a module that does not load is a GradcheckError at open', async () => {
    const f = workerFunction(new URL('./fixtures/broken.mjs', import.meta.url), 'f', { threads: 2 });
    try {
      await expect(f[batched].open(theta())).rejects.toThrow(
        /^workerFunction: file:.*broken\.mjs failed to load in a worker thread/,
      );
    } finally {
      await f.close();
    }
  });

  test('θ that is not a parameter tree, or loses its class on the way, is refused at open', async () => {
    const { Matrix } = await import('ml-matrix');
    const f = workerFunction(fixtures, 'weighted', { threads: 1 });
    try {
      await expect(f[batched].open({ a: 'x' })).rejects.toThrow(
        /^workerFunction 'weighted': θ cannot be sent to the worker threads: a is the string "x"/,
      );
      await expect(
        f[batched].open({
          W: new Matrix([
            [1, 2],
            [3, 4],
          ]),
        }),
      ).rejects.toThrow(
        /^workerFunction 'weighted': θ does not reach the worker threads as it is \(here its tensors are W 2×2; in a worker thread: .*\); .*pass θ as those$/,
      );
    } finally {
      await f.close();
    }
  });

  test('after the pool is closed, open and evaluate reject', async () => {
    const f = workerFunction(fixtures, 'weighted', { threads: 1 });
    const session = await f[batched].open(theta());
    await f.close();
    await expect(session.evaluate([move()])).rejects.toThrow(/the pool running 'weighted' .* is closed/);
    await expect(f[batched].open(theta())).rejects.toThrow(/the pool running 'weighted' .* is closed/);
    await session.close();
  });
});
