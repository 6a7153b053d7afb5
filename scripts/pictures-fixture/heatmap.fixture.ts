// A backprop bug people make: the weight gradient transposed (x·δᵀ instead of δ·xᵀ). The check
// fails and the picture is attached to the test. Until the matchers call attachPictures
// themselves, a two-line matcher here does, with its own `this`, exactly as they will.
import { checkGradient } from 'gradcheck';
import { expect, test } from 'vitest';
import { attachPictures } from '../../src/pictures/attach.js';

const C = [
  [1, 2, 3, 4],
  [5, 6, 7, 8],
  [9, 10, 11, 12],
  [13, 14, 15, 16],
];
const W = C.map((row) => row.map((c) => c / 10));
const f = (w: number[][]) => w.reduce((s, row, i) => s + row.reduce((t, x, j) => t + C[i][j] * Math.sin(x), 0), 0);
const transposed = (w: number[][]) => w.map((row, i) => row.map((_, j) => C[j][i] * Math.cos(w[j][i])));

expect.extend({
  toHaveGradientWithPicture(received: typeof f, grad: typeof transposed, at: number[][]) {
    const report = checkGradient(received, grad, { at });
    attachPictures(this, report, report.pass, 'on-failure');
    return { pass: report.pass, message: () => report.message };
  },
});

test('the gradient of W is transposed', () => {
  (
    expect(f) as unknown as { toHaveGradientWithPicture: (g: typeof transposed, at: number[][]) => void }
  ).toHaveGradientWithPicture(transposed, W);
});
