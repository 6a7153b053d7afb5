// The package as it ships (dist/, built by `npm run build`, which `npm run test:browser` runs
// first) in Chromium: the ESM entries a browser may load import no `node:` module, check, and
// frame their errors at the caller.
import { expect, test } from 'vitest';
import * as fastCheckEntry from '../../dist/fast-check.js';
import { checkGradient, GradcheckError } from '../../dist/index.js';
import * as tfjsEntry from '../../dist/tfjs.js';
import { stackFrames, thrownBy } from '../thrown.js';

const loss = ([w, b]: number[]) => (2 * w + b - 1) ** 2;
const lossGrad = ([w, b]: number[]) => [4 * (2 * w + b - 1), 2 * (2 * w + b - 1)];

test('dist/index.js checks a gradient in the browser', () => {
  const report = checkGradient(loss, lossGrad, { at: [0.3, -0.2] });
  expect(report.pass).toBe(true);
  expect(report.evaluations).toBe(4);
  const signFlipped = ([w, b]: number[]) => [-4 * (2 * w + b - 1), 2 * (2 * w + b - 1)];
  expect(checkGradient(loss, signFlipped, { at: [0.3, -0.2] }).pass).toBe(false);
});

test('dist/tfjs.js and dist/fast-check.js load', () => {
  expect(typeof tfjsEntry.checkTensorGradient).toBe('function');
  expect(typeof fastCheckEntry.gradientProperty).toBe('function');
});

test("a GradcheckError from dist/ starts at this file's line", () => {
  const error = thrownBy(() => checkGradient(loss, lossGrad, {} as never), GradcheckError);
  expect(stackFrames(error)[0]).toMatch(/test\/browser\/built\.test\.ts(\?[^:]*)?:\d+:\d+/);
});
