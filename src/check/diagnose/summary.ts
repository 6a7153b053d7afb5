import type { Group } from './input.js';

/**
 * Per-group summary of a tree: "Wrong: W1, b1. Fine: W2, b2." — only when θ has at least two
 * tensors and some of the compared ones are fine.
 *
 * @example
 * // "Wrong: Theta2. Fine: Theta1."
 */
export function summaryHint(groups: readonly Group[]): string | undefined {
  if (groups.length < 2) return undefined;
  const checked = groups.filter((g) => g.compared.length > 0);
  const wrong = checked.filter((g) => g.failing.length > 0).map((g) => g.name);
  const fine = checked.filter((g) => g.failing.length === 0).map((g) => g.name);
  if (wrong.length === 0 || fine.length === 0) return undefined;
  return `Wrong: ${wrong.join(', ')}. Fine: ${fine.join(', ')}.`;
}
