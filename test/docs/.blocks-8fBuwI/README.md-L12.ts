import { expect, test } from 'vitest';
import 'gradcheck/vitest';

const loss = ([w, b]: number[]) => (2 * w + b - 1) ** 2;
const lossGrad = ([w, b]: number[]) => [4 * (2 * w + b - 1), 2 * (2 * w + b - 1)];

test('backprop of my loss is right', () => {
  expect(loss).toHaveGradient(lossGrad, { at: [0.3, -0.2] });
});
