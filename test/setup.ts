import 'gradcheck/vitest';
import { expect } from 'vitest';

// The documentation blocks (test/docs/readme.test.ts) create TF.js tensors while they load,
// before any hook of theirs could run, so TF.js's CPU backend would print its "Hi, looks like
// you are running TensorFlow.js in Node.js" banner into the output. Only that file loads TF.js
// here (the others would pay ~1 s each for nothing); test/tfjs does the same in its beforeAll.
if (/test[\\/]docs[\\/]readme\.test\.ts$/.test(expect.getState().testPath ?? '')) {
  const tf = await import('@tensorflow/tfjs');
  const { writeFirstTensorQuietly } = await import('./tfjs/quietBanner.js');
  writeFirstTensorQuietly(tf);
}
