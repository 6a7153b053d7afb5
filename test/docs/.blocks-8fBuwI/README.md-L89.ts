import { expect, test } from 'vitest';
import { checkGradient } from 'gradcheck';
import 'gradcheck/vitest';

type Params = { W: number[][]; b: number[] };

// A linear layer followed by a squared error: J = ½‖W x + b − y‖².
const x = [0.5, -1.0, 2.0];
const y = [1.0, 0.0];
function loss({ W, b }: Params): number {
  return W.reduce((s, row, i) => {
    const r = row.reduce((t, w, j) => t + w * x[j], b[i]) - y[i];
    return s + 0.5 * r * r;
  }, 0);
}
function lossGrad({ W, b }: Params): Params {
  const r = W.map((row, i) => row.reduce((t, w, j) => t + w * x[j], b[i]) - y[i]);
  return { W: r.map((ri) => x.map((xj) => ri * xj)), b: r };
}

const theta: Params = {
  W: [
    [0.1, -0.2, 0.3],
    [0.0, 0.4, -0.1],
  ],
  b: [0.05, -0.05],
};

test('the matcher', () => {
  expect(loss).toHaveGradient(lossGrad, { at: theta });
  // .not works too: a gradient whose bias part was forgotten does not match.
  expect(loss).not.toHaveGradient((p: Params) => ({ ...lossGrad(p), b: [0, 0] }), { at: theta });
});

test('the report', () => {
  const report = checkGradient(loss, lossGrad, { at: theta });
  expect(report.pass).toBe(true);
  expect(report.evaluations).toBe(16); // 2n for n = 8 parameters
});
