/**
 * Property-based gradient tests without a test runner: `npx tsx examples/property.ts`.
 *
 * The logistic regression of the README's "Property-based gradient tests" section, whose
 * backprop takes a shortcut for very negative margins too early. A check at one θ near the fit
 * passes; `fc.assert(gradientProperty(…))` over the box [−3, 3]² finds the bad branch, shrinks
 * θ onto its edge and prints the seed and path that replay it — which we then do.
 */
import fc from 'fast-check';
import { checkGradient } from '../src/index.js';
import { type GradientPropertyError, gradientProperty, theta } from '../src/fast-check/index.js';

// Three examples with labels ±1: loss(w) = mean log(1 + exp(−margin)).
const X = [
  [1, 2],
  [1, -1],
  [1, 0.5],
];
const y = [1, -1, 1];
const margins = (w: number[]) => X.map((x, i) => y[i] * (w[0] * x[0] + w[1] * x[1]));
const logLoss = (m: number) => (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));
const loss = (w: number[]) => margins(w).reduce((s, m) => s + logLoss(m), 0) / X.length;

/** d logLoss / dm; `shortcut` is where the buggy version stops computing and returns −1. */
const backprop = (shortcut: number) => (w: number[]) => {
  const dLogLoss = (m: number) => (m < shortcut ? -1 : -1 / (1 + Math.exp(m)));
  const g = [0, 0];
  margins(w).forEach((m, i) => {
    for (const j of [0, 1]) g[j] += (dLogLoss(m) * y[i] * X[i][j]) / X.length;
  });
  return g;
};
const buggy = backprop(-3); // the slope at m = −3 is −0.953, not −1
const correct = backprop(-40); // exp(−40) is below float64's resolution of 1: a harmless shortcut

const w = theta(2, { min: -3, max: 3 });

console.log('At w = [0.5, 1] (every margin positive):', checkGradient(loss, buggy, { at: [0.5, 1] }).pass ? 'pass' : 'FAIL');
fc.assert(gradientProperty(loss, correct, w), { seed: 1, numRuns: 1000 });
console.log('The correct backprop over 1 000 w in [−3, 3]²: pass');

let replay: { seed: number; path: string; endOnFailure: true } | undefined;
try {
  fc.assert(gradientProperty(loss, buggy, w), { seed: 42 });
} catch (error) {
  const message = (error as Error).message;
  console.log(`\nThe buggy backprop over the box:\n\n${message}\n\nCaused by: ${((error as Error).cause as Error).message}\n`);
  const match = /\{ seed: (-?\d+), path: "([\d:]+)"/.exec(message);
  if (match) replay = { seed: Number(match[1]), path: match[2], endOnFailure: true };
}

if (replay) {
  // Replaying with the printed seed and path runs the shrunk counterexample once, no search.
  try {
    fc.assert(gradientProperty(loss, buggy, w), replay);
  } catch (error) {
    const cause = (error as Error).cause as GradientPropertyError;
    console.log(`Replayed with ${JSON.stringify(replay)}: fails again at w = [${String(cause.theta)}]`);
  }
}
