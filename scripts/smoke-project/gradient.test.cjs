const { stripVTControlCharacters } = require('node:util');
const { expect, test } = require('@jest/globals');

const loss = ([w, b]) => (2 * w + b - 1) ** 2;
const lossGrad = ([w, b]) => [4 * (2 * w + b - 1), 2 * (2 * w + b - 1)];
const wrongGrad = ([w, b]) => [-4 * (2 * w + b - 1), 2 * (2 * w + b - 1)];

test('the packed gradcheck/jest (CommonJS) registers toHaveGradient, and a failure reads well', () => {
  expect(loss).toHaveGradient(lossGrad, { at: [0.3, -0.2] });
  expect(loss).not.toHaveGradient(wrongGrad, { at: [0.3, -0.2] });
  expect(() => expect(loss).toHaveGradient(wrongGrad, { at: [0.3, -0.2] })).toThrow(
    'The analytic gradient disagrees with the numeric one.',
  );
  let text = '';
  try {
    expect(loss).toHaveGradient(wrongGrad, { at: [0.3, -0.2] });
  } catch (error) {
    text = stripVTControlCharacters(error.message);
  }
  expect(text.split('\n')[0]).toBe('expect(received).toHaveGradient(grad, options)');
});

test("a GradcheckError from the packed CommonJS build starts at this file's line (Jest frames it there)", () => {
  const { checkJacobian, GradcheckError } = require('gradcheck');
  let error;
  try {
    // NaN at a moved θ: found deep inside the check, past V8's default 10 frames.
    checkJacobian(
      ([x]) => [x > 1.00001 ? Number.NaN : x],
      () => [[1]],
      { at: [1] },
    );
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(GradcheckError);
  const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
  expect(frames[0]).toMatch(/gradient\.test\.cjs:\d+:\d+/);
});
