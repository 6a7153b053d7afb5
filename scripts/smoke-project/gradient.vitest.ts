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
