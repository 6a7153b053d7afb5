import { compared, failingOf } from './scope.js';
import type { DiagnosisInput } from './types.js';

/**
 * The per-tensor summary note of a tree: "Wrong: W1, b1. Fine: W2, b2." — only when there are
 * at least two groups and some of the compared ones are fine. A note, not a diagnosis: it says
 * where, not what.
 *
 * @example
 * summaryNote(input); // 'Wrong: Theta2. Fine: Theta1.'
 */
export function summaryNote(input: DiagnosisInput): string | undefined {
  if (input.groups.length < 2) return undefined;
  const checked = input.groups.filter((g) => compared(input, g).length > 0);
  const isWrong = (g: (typeof checked)[number]) => failingOf(input, compared(input, g)).length > 0;
  const wrong = checked.filter(isWrong).map((g) => g.name);
  const fine = checked.filter((g) => !isWrong(g)).map((g) => g.name);
  if (wrong.length === 0 || fine.length === 0) return undefined;
  return `Wrong: ${wrong.join(', ')}. Fine: ${fine.join(', ')}.`;
}
