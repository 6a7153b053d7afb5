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
