import { formatNumber } from '../../numeric/errors.js';
import { type TreeLayout, displayPath } from '../../numeric/tree.js';
import type { AnalyticGradient } from '../analytic.js';

/** What the guards need to know about the check's calls of f and grad. */
export interface GuardInput {
  /** f(θ) values seen at the same θ when they differed. */
  readonly nondeterministic?: readonly number[];
  readonly analytic: AnalyticGradient;
  /** The first entry f wrote to in the θ it was given, and the value it left there. */
  readonly fMutation?: { readonly index: number; readonly after: number };
  readonly layout: TreeLayout;
}

/**
 * Hints for the ways f and grad invalidate the check itself (non-deterministic f, f or grad
 * writing to θ); each also names a problem that fails the check.
 *
 * @example
 * const { hints, problems } = guardHints({ nondeterministic: [1, 1.02, 0.99], analytic, layout });
 * // hints[0]: "f is not deterministic: f(θ) returned 1, 1.02, 0.99 on 3 calls at the same θ (spread 0.03). …"
 */
export function guardHints(input: GuardInput): { hints: string[]; problems: string[] } {
  const hints: string[] = [];
  const problems: string[] = [];
  const { layout } = input;
  if (input.nondeterministic) {
    const values = input.nondeterministic;
    const spread = Math.max(...values) - Math.min(...values);
    hints.push(
      `f is not deterministic: f(θ) returned ${values.map(formatNumber).join(', ')} on ${values.length} calls at the same θ (spread ${formatNumber(spread)}). ` +
        'Finite differences need a pure function: turn off dropout and random sampling (or fix their seed inside f), and reset any state kept between calls.',
    );
    problems.push('nondeterministic');
  }
  if (input.fMutation) {
    const i = input.fMutation.index;
    hints.push(
      `f mutates θ: f changed ${displayPath(layout.pathAt(i))} from ${formatNumber(layout.values[i])} to ${formatNumber(input.fMutation.after)} (in the copy gradcheck passed it). ` +
        'f must not write to its input; copy θ first (an in-place update or normalisation?).',
    );
    problems.push('f mutates');
  }
  if (input.analytic.mutation) {
    const m = input.analytic.mutation;
    hints.push(
      `grad mutates θ: grad changed ${m.path} from ${formatNumber(m.before)} to ${formatNumber(m.after)} (in the copy gradcheck passed it). ` +
        'grad must not write to its input; copy θ first (an in-place update or normalisation?).',
    );
    problems.push('grad mutates');
  }
  return { hints, problems };
}
