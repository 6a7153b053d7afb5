import { expect, test } from 'vitest';
import { GradcheckError } from '../../src/numeric/errors.js';
import { failureToError } from '../../src/workers/_internals/failure.js';
import { workerFunction } from '../../src/workers/index.js';
import { mlp, mlpTheta0 } from '../problems/mlp.js';

// Node 20 cannot strip types; tsx (a devDependency here) is registered inside each worker.
const p4 = new URL('./fixtures/p4.ts', import.meta.url);

test('a .ts model loads through tsx in the workers and gives the in-process value', async () => {
  const f = workerFunction<Float64Array>(p4, 'f', { threads: 2 });
  try {
    const theta = mlpTheta0('small');
    expect(await f(theta)).toBe(mlp('small').f(theta));
  } finally {
    await f.close();
  }
});

// From the sources the workers already run under tsx (they must, to load worker.ts), so the
// message for a Node that cannot load TypeScript is checked where it is made. From dist/ it
// was checked end to end: a consumer without tsx gets exactly this sentence.
test('without tsx, a .ts model on a Node without type stripping gives the ways out', () => {
  const failure = { kind: 'typescript', name: 'TypeError', message: 'Unknown file extension ".ts"', stack: '' } as const;
  const error = failureToError(failure, { moduleUrl: p4.href, exportName: 'f' });
  expect(error).toBeInstanceOf(GradcheckError);
  expect(error.message).toBe(
    `workerFunction: Node ${process.version} cannot load the TypeScript module ${p4.href} in a worker thread; install tsx (npm install --save-dev tsx) and gradcheck registers it there, or build the model to .mjs, or use Node ≥ 22.6 with type stripping`,
  );
});
