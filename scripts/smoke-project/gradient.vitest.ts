import { stripVTControlCharacters } from 'node:util';
import { expect, test } from 'vitest';

const loss = ([w, b]: number[]) => (2 * w + b - 1) ** 2;
const lossGrad = ([w, b]: number[]) => [4 * (2 * w + b - 1), 2 * (2 * w + b - 1)];
const wrongGrad = ([w, b]: number[]) => [-4 * (2 * w + b - 1), 2 * (2 * w + b - 1)];

test('the packed gradcheck/vitest registers toHaveGradient, and a failure reads well', () => {
  expect(loss).toHaveGradient(lossGrad, { at: [0.3, -0.2] });
  expect(loss).not.toHaveGradient(wrongGrad, { at: [0.3, -0.2] });
  let text = '';
  try {
    expect(loss).toHaveGradient(wrongGrad, { at: [0.3, -0.2] });
  } catch (error) {
    text = stripVTControlCharacters((error as Error).message);
  }
  expect(text.split('\n')[0]).toBe('expect(received).toHaveGradient(grad, options)');
  expect(text).toContain('The analytic gradient disagrees with the numeric one.');
});

test("a GradcheckError from the packed build starts at this file's line (Vitest frames it there)", async () => {
  const { checkJacobian, GradcheckError } = await import('gradcheck');
  let error: unknown;
  try {
    // NaN at a moved θ: found deep inside the check, past V8's default 10 frames.
    checkJacobian(
      ([x]: number[]) => [x > 1.00001 ? Number.NaN : x],
      () => [[1]],
      { at: [1] },
    );
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(GradcheckError);
  const frames = ((error as Error).stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  expect(frames[0]).toMatch(/gradient\.vitest\.ts:\d+:\d+/);
});
