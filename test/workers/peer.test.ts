// piscina is an optional peer: a project without it gets one GradcheckError with the install
// command, at the first use of a worker function (importing gradcheck/workers still works).
import { availableParallelism } from 'node:os';
import { afterEach, expect, test, vi } from 'vitest';
import { batched } from '../../src/numeric/batched.js';
import { GradcheckError } from '../../src/numeric/errors.js';
import { loadPiscina } from '../../src/workers/_internals/loadPiscina.js';
import { workerFunction } from '../../src/workers/index.js';

const model = new URL('./fixtures/model.mjs', import.meta.url);
const INSTALL =
  'gradcheck/workers needs piscina, an optional peer dependency of gradcheck that is not installed; run npm install --save-dev piscina';

/** What Node throws for a package that is not installed (ESM, then CommonJS). */
const notFound = [
  Object.assign(new Error("Cannot find package 'piscina' imported from /app/node_modules/gradcheck/dist/workers.js"), {
    code: 'ERR_MODULE_NOT_FOUND',
  }),
  Object.assign(new Error("Cannot find module 'piscina'\nRequire stack:\n- /app/node_modules/gradcheck/dist/workers.cjs"), {
    code: 'MODULE_NOT_FOUND',
  }),
];

afterEach(() => {
  vi.doUnmock('piscina');
  vi.resetModules();
});

test.each(notFound)('a missing piscina becomes a GradcheckError naming the install command (%#)', async (missing) => {
  const error = await loadPiscina(() => Promise.reject(missing)).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(GradcheckError);
  expect((error as Error).message).toBe(INSTALL);
  expect((error as Error).cause).toBe(missing);
});

test('any other failure to import piscina is passed on as it is', async () => {
  const other = new Error("Cannot find module 'node:worker_threads'");
  await expect(loadPiscina(() => Promise.reject(other))).rejects.toBe(other);
});

test('without piscina, gradcheck/workers imports; every use names the install command and close() resolves', async () => {
  vi.doMock('piscina', () => {
    throw notFound[0];
  });
  const workers = await import('../../src/workers/index.js');
  // The modules were loaded afresh, GradcheckError too.
  const errors = await import('../../src/numeric/errors.js');
  const f = workers.workerFunction(model, 'mlpLoss', { threads: 1 });
  const error = await f({}).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(errors.GradcheckError);
  expect((error as Error).message).toBe(INSTALL);
  await expect(f[batched].open({ x: 1 })).rejects.toThrow(INSTALL);
  await expect(f.close()).resolves.toBeUndefined();
});

test('threads defaults to the available parallelism less one, at least 1', async () => {
  const f = workerFunction(model, 'mlpLoss');
  expect(f.threads).toBe(Math.max(1, availableParallelism() - 1));
  await f.close();
});
