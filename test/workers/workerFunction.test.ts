import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GradcheckError } from '../../src/numeric/errors.js';
import { type WorkerFunction, workerFunction } from '../../src/workers/index.js';
import { layer, type MlpParams, mlpLoss } from './fixtures/model.mjs';
import { mlpTheta } from './fixtures/params.js';

const model = new URL('./fixtures/model.mjs', import.meta.url);

describe('workerFunction on a .mjs model', () => {
  let loss: WorkerFunction<MlpParams>;
  let vector: WorkerFunction<Parameters<typeof layer>[0], ReturnType<typeof layer>>;
  beforeAll(() => {
    loss = workerFunction<MlpParams>(model, 'mlpLoss', { threads: 2 });
    vector = workerFunction(model, 'layer', { threads: 2 });
  });
  afterAll(() => Promise.all([loss.close(), vector.close()]));

  test('returns exactly the in-process values of a scalar f', async () => {
    const thetas = [0, 0.01, -0.2, 1e-9].map((shift) => mlpTheta(shift));
    const inWorkers = await Promise.all(thetas.map((theta) => loss(theta)));
    for (const [i, theta] of thetas.entries()) expect(Object.is(inWorkers[i], mlpLoss(theta))).toBe(true);
  });

  test('returns the tree of a vector f, bit for bit', async () => {
    const theta = {
      W: [
        [0.4, -0.1],
        [0.2, 0.9],
        [-0.6, 0.3],
      ],
      b: new Float64Array([0.1, -0.2, 0.05]),
    };
    const result = await vector(theta);
    expect(result.out).toBeInstanceOf(Float64Array);
    expect(Array.from(result.out)).toEqual(Array.from(layer(theta).out));
    expect(result.sum).toBe(layer(theta).sum);
  });

  test('exposes what it runs', () => {
    expect(loss.moduleUrl).toBe(model.href);
    expect(loss.exportName).toBe('mlpLoss');
    expect(loss.threads).toBe(2);
  });
});

describe('inside the worker', () => {
  const describeTheta = workerFunction<unknown, Record<string, string>>(model, 'describeTheta', { threads: 1 });
  const whereAmI = workerFunction<{ ms: number }>(model, 'threadIdAfter', { threads: 2 });
  afterAll(() => Promise.all([describeTheta.close(), whereAmI.close()]));

  test('θ keeps the caller’s structure: keys, typed arrays and plain arrays', async () => {
    const theta = {
      W1: new Float64Array(6),
      b1: new Float32Array(2),
      W2: [
        [1, 2],
        [3, 4],
      ],
      b2: 0.5,
    };
    expect(await describeTheta(theta)).toEqual({ W1: 'Float64Array(6)', b1: 'Float32Array(2)', W2: 'Array(2)', b2: 'number' });
    expect(await describeTheta([1, 2, 3])).toEqual({ '': 'Array(3)' });
  });

  test('two calls in flight run on two different threads, neither of them this one', async () => {
    const ids = await Promise.all([whereAmI({ ms: 200 }), whereAmI({ ms: 200 })]);
    expect(new Set(ids).size).toBe(2);
    expect(ids).not.toContain(threadId);
  });
});

describe('errors', () => {
  test('an exception in f rejects with the worker’s stack, naming the module and export', async () => {
    const explode = workerFunction(model, 'explode', { threads: 1 });
    try {
      const error: Error = await explode({ W1: [1] }).then(
        () => expect.fail('explode resolved'),
        (thrown: Error) => thrown,
      );
      expect(error.message).toBe(
        `workerFunction: 'explode' of ${model.href} threw in a worker thread: RangeError: explode: θ is too large for this model`,
      );
      expect(error.stack).toMatch(/fixtures\/model\.mjs:\d+:\d+/);
      expect(error.cause).toMatchObject({ name: 'RangeError', message: 'explode: θ is too large for this model' });
    } finally {
      await explode.close();
    }
  });

  test.each([
    ['mlpLos', /^workerFunction: file:.*model\.mjs has no export named 'mlpLos' \(it exports .*'mlpLoss'.*\); pass the name/],
    [
      'notAFunction',
      /^workerFunction: export 'notAFunction' of file:.*model\.mjs is number, not a function; export f\(θ\) itself$/,
    ],
  ])('export %s gives one clear GradcheckError', async (exportName, message) => {
    const f = workerFunction(model, exportName, { threads: 1 });
    try {
      const error = await f(mlpTheta()).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(GradcheckError);
      expect((error as Error).message).toMatch(message);
    } finally {
      await f.close();
    }
  });

  test('a module that throws while loading gives a GradcheckError with the reason', async () => {
    const f = workerFunction(new URL('./fixtures/broken.mjs', import.meta.url), 'f', { threads: 1 });
    try {
      const error = await f(0).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(GradcheckError);
      expect((error as Error).message).toMatch(
        /^workerFunction: file:.*broken\.mjs failed to load in a worker thread \(Error: broken\.mjs cannot be loaded\)/,
      );
    } finally {
      await f.close();
    }
  });

  test('bad module URLs, export names and thread counts are refused at once', () => {
    expect(() => workerFunction('./fixtures/model.mjs', 'mlpLoss')).toThrow(
      "workerFunction: moduleUrl must be a file: URL or an absolute path (got './fixtures/model.mjs'); write new URL('./fixtures/model.mjs', import.meta.url)",
    );
    expect(() => workerFunction(new URL('./fixtures/nowhere.mjs', import.meta.url), 'f')).toThrow(
      /^workerFunction: no module at file:.*nowhere\.mjs; check the path/,
    );
    expect(() => workerFunction('https://example.com/model.mjs', 'f')).toThrow(GradcheckError);
    expect(() => workerFunction(model, '')).toThrow('workerFunction: exportName must be the name of an exported function');
    expect(() => workerFunction(model, 'mlpLoss', { threads: 0 })).toThrow(
      'workerFunction: options.threads must be a positive integer (got 0)',
    );
  });

  test('an absolute path works like a file: URL', async () => {
    const f = workerFunction<MlpParams>(model.pathname, 'mlpLoss', { threads: 1 });
    try {
      expect(f.moduleUrl).toBe(model.href);
      expect(await f(mlpTheta())).toBe(mlpLoss(mlpTheta()));
    } finally {
      await f.close();
    }
  });
});

describe('close()', () => {
  test('lets calls in flight finish, then every call rejects with a clear message', async () => {
    const f = workerFunction<{ ms: number }>(model, 'threadIdAfter', { threads: 1 });
    const inFlight = f({ ms: 50 });
    const closed = f.close();
    expect(f.close()).toBe(closed);
    await expect(inFlight).resolves.toBeTypeOf('number');
    await closed;
    await expect(f({ ms: 1 })).rejects.toThrow(
      `workerFunction: the pool running 'threadIdAfter' of ${model.href} is closed; create a new workerFunction to evaluate again`,
    );
  });
});
