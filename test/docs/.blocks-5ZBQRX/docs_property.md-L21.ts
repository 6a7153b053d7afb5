import { test } from '@fast-check/vitest';
import { gradientProperty, theta } from 'gradcheck/fast-check';
import 'gradcheck/vitest'; // registers toHaveGradient (or list it in setupFiles)
import { expect } from 'vitest';

// Logistic regression on three points (labels ±1): loss(w) = mean log(1 + exp(−margin)).
const X = [
  [1, 2],
  [1, -1],
  [1, 0.5],
];
const y = [1, -1, 1];
const margins = (w: number[]) => X.map((x, i) => y[i] * (w[0] * x[0] + w[1] * x[1]));
const logLoss = (m: number) => (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));
const loss = (w: number[]) => margins(w).reduce((s, m) => s + logLoss(m), 0) / X.length;

// d logLoss / dm = −1 / (1 + exp(m)), with a shortcut for very negative margins… taken too early:
// below m = −3 the true slope is still −0.95, not −1.
const dLogLoss = (m: number) => (m < -3 ? -1 : -1 / (1 + Math.exp(m)));
const lossGrad = (w: number[]) => {
  const g = [0, 0];
  margins(w).forEach((m, i) => {
    for (const j of [0, 1]) g[j] += (dLogLoss(m) * y[i] * X[i][j]) / X.length;
  });
  return g;
};

test('one θ near the fit proves little', () => {
  expect(loss).toHaveGradient(lossGrad, { at: [0.5, 1] }); // passes
});

const w = theta(2, { min: -3, max: 3 });

test.prop([w])('backprop is right for every w in [−3, 3]²', (w) => {
  expect(loss).toHaveGradient(lossGrad, { at: w }); // fails, with a shrunk w
});

// The same property in one line:
test.prop([w])('backprop is right (gradientProperty)', gradientProperty(loss, lossGrad, w));
