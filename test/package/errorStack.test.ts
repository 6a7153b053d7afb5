// A GradcheckError's stack starts at the line that called gradcheck, so that Vitest and Jest show
// the code frame of the test (they frame the first stack entry outside node_modules). Without
// this, V8's 10-frame limit is used up inside the check and only gradcheck's own files show.
import { checkGradient, checkJacobian, GradcheckError } from 'gradcheck';
import { tensorFunction } from 'gradcheck/tfjs';
import { expect, it } from 'vitest';
import { callerStack } from '../../src/numeric/errors.js';
import { stackFrames, thrownBy } from '../thrown.js';

const here = 'test/package/errorStack.test.ts';

/** The error `run` throws (it must throw a GradcheckError). */
const thrown = (run: () => unknown): GradcheckError => thrownBy(run, GradcheckError);

it('bad options: the first frame is the line in this file that called checkGradient', () => {
  const error = thrown(() =>
    checkGradient(
      ([x]: number[]) => x * x,
      ([x]: number[]) => [2 * x],
      {} as never,
    ),
  );
  expect(error.stack?.split('\n')[0]).toBe(`GradcheckError: ${error.message}`);
  expect(stackFrames(error)[0]).toContain(`${here}:`);
});

it('an error found deep inside the check (f is NaN at a moved θ) also starts at the caller', () => {
  const f = ([x, y]: number[]) => (x > 1.00001 ? Number.NaN : x * y);
  const error = thrown(() =>
    checkJacobian(
      (t: number[]) => [f(t)],
      ([x, y]: number[]) => [[y, x]],
      { at: [1, 2] },
    ),
  );
  expect(error.message).toMatch(/NaN/);
  expect(stackFrames(error)[0]).toContain(`${here}:`);
  // Nothing of gradcheck's own is left on the stack.
  expect(stackFrames(error).filter((frame) => frame.includes('/src/'))).toEqual([]);
});

it('through a matcher: the runner frames between the test and gradcheck are dropped too', () => {
  const error = thrown(() => expect(([x]: number[]) => x).toHaveGradient([1], {} as never));
  expect(stackFrames(error)[0]).toContain(`${here}:`);
});

it('gradcheck/tfjs without a tf namespace names the install command', () => {
  const error = thrown(() => tensorFunction(undefined as never, () => 0 as never));
  expect(error.message).toBe(
    "tensorFunction: tf must be the TensorFlow.js namespace (import * as tf from '@tensorflow/tfjs'), but got undefined; if TensorFlow.js is not installed: npm install --save-dev @tensorflow/tfjs-core (or @tensorflow/tfjs, which includes it and the CPU and WebGL backends)",
  );
  expect(stackFrames(error)[0]).toContain(`${here}:`);
});

it("the library's folder is found from its own module: src/ here", () => {
  expect(callerStack('Error: m\n    at a (/x/src/y.ts:1:1)\n    at b (/x/test/t.ts:1:1)', 'E: m').split('\n')).toHaveLength(3);
  const src = new URL('../../src/', import.meta.url).pathname;
  expect(callerStack(`Error: m\n    at a (${src}api/c.ts:1:1)\n    at b (/x/test/t.ts:1:1)`, 'E: m')).toBe(
    'E: m\n    at b (/x/test/t.ts:1:1)',
  );
});

it('callerStack: V8 and Firefox frames, sources and build; a stack with no outside frame is kept', () => {
  const v8 = [
    'Error: m',
    '    at check (/p/src/api/check.ts:4:9)',
    '    at Proxy.toHaveGradient (/p/node_modules/@vitest/expect/dist/index.js:1:2)',
    '    at /p/test/a.test.ts:3:3',
    '    at runTest (/p/node_modules/@vitest/runner/dist/index.js:1:2)',
  ].join('\n');
  expect(callerStack(v8, 'GradcheckError: m', '/p/src/')).toBe(
    'GradcheckError: m\n    at /p/test/a.test.ts:3:3\n    at runTest (/p/node_modules/@vitest/runner/dist/index.js:1:2)',
  );
  const built =
    'Error: m\n    at new GradcheckError (file:///u/node_modules/gradcheck/dist/message-x.js:9:5)\n    at f (file:///u/node_modules/gradcheck/dist/index.js:1:1)\n    at file:///u/test/a.test.js:2:2';
  expect(callerStack(built, 'GradcheckError: m')).toBe('GradcheckError: m\n    at file:///u/test/a.test.js:2:2');
  const firefox =
    'GradcheckError@http://localhost:5173/src/numeric/errors.ts?v=1:9:5\ncheck@http://localhost:5173/src/api/check.ts:4:9\n@http://localhost:5173/test/a.test.ts:3:3';
  expect(callerStack(firefox, 'GradcheckError: m', 'http://localhost:5173/src/')).toBe(
    '@http://localhost:5173/test/a.test.ts:3:3',
  );
  const bundled = 'Error: m\n    at check (/app/bundle.js:9:5)\n    at main (/app/bundle.js:99:1)';
  expect(callerStack(bundled, 'GradcheckError: m', '/app/')).toBe(bundled);
});
