import { num } from './text.js';

const near = (x: number, v: number) => Math.abs(x - v) <= 1e-3 * Math.abs(v);

/**
 * What a factor k between the analytic and numerical values usually means in backprop code
 * (m, 1/m, 2, ½), as advice; `subject` is what the analytic values are.
 *
 * @example
 * explainFactor(5); // 'An integer factor 5: did you forget the 1/m (f averages over m = 5 examples but the gradient sums)?'
 * explainFactor(2, 'Jacobian'); // 'Twice the true Jacobian: …'
 */
export function explainFactor(k: number, subject = 'gradient'): string {
  if (near(k, 2)) return `Twice the true ${subject}: a factor 2 too many (d(½x²)/dx is x, not 2x) or a term counted twice?`;
  if (near(k, 0.5)) return `Half the true ${subject}: a factor 2 missing (d(x²)/dx is 2x) or a stray ½?`;
  const m = Math.round(k);
  if (m >= 3 && near(k, m))
    return `An integer factor ${m}: did you forget the 1/m (f averages over m = ${m} examples but the gradient sums)?`;
  const inv = Math.round(1 / k);
  if (inv >= 3 && near(1 / k, inv))
    return `A factor 1/${inv}: did you average over the batch twice (1/m applied in both the backward pass and the sum, m = ${inv})?`;
  if (k < 0) return 'A negative factor: a sign error combined with a scale.';
  return 'A constant scale on one side only: a learning rate, a normalisation or a 1/m applied to one of f and its gradient?';
}

/**
 * A factor as stated in a message: the round value it is close to, else 6 digits.
 *
 * @example
 * factorText(4.9999999); // '5'
 */
export function factorText(k: number): string {
  const r = Math.round(k);
  return r !== 0 && near(k, r) ? num(r) : num(k);
}
