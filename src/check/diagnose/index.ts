import { factorHint } from './factor.js';
import { type DiagnosisInput, type Group, comparedIndices, groupsOf } from './input.js';
import { layoutHint } from './layout.js';
import { signHint } from './sign.js';
import { stepHints } from './step.js';
import { summaryHint } from './summary.js';
import { termHint } from './term.js';
import { zerosHint } from './zeros.js';

export type { DiagnosisInput, Group } from './input.js';
export { guardHints, type GuardInput } from './guards.js';
export { kinkHint } from './kink.js';

/** The likely bug behind one group's failures: the first diagnosis with evidence. */
function explain(input: DiagnosisInput, group: Group): string | undefined {
  return (
    zerosHint(input, group) ??
    signHint(input, group) ??
    factorHint(input, group) ??
    termHint(input, group) ??
    layoutHint(input, group)
  );
}

/**
 * Names the likely bug behind a failed gradient check. Each diagnosis is stated only when the
 * evidence supports it (a least-squares fit or an exact permutation match, with its residual),
 * never as a guess; a check without failing or unresolved entries gets none.
 *
 * Order: a sign error or factor over the whole gradient; otherwise, per tensor (the whole vector
 * for a flat θ), zeros, sign, factor, a missing or extra θ term, a layout mix-up; then the
 * per-tensor summary of a tree and step trouble.
 *
 * @example
 * diagnose({ layout, analytic, numeric, errors, failing, settings });
 * // ['Sign error: the analytic gradient is −1 × the numerical one on every compared entry (least-squares fit k = −1, residual 2.1e-11). …']
 */
export function diagnose(input: DiagnosisInput): string[] {
  const hints: string[] = [];
  const groups = groupsOf(input);
  // Truncation error can itself look like a bug (Rosenbrock's is exactly ∝ θ): then fits on first-pass values prove nothing.
  const step = stepHints(input);
  if (!step.truncation && groups.some((g) => g.failing.length > 0)) {
    const compared = comparedIndices(input);
    const whole: Group = {
      name: 'θ',
      tensor: { name: '', offset: 0, size: input.layout.size, shape: [input.layout.size], dtype: 'float64' },
      compared,
      failing: compared.filter((i) => input.failing[i] === 1),
      whole: true,
    };
    const overall = groups.length > 1 ? (signHint(input, whole, true) ?? factorHint(input, whole, true)) : undefined;
    if (overall) hints.push(overall);
    else {
      for (const g of groups) {
        if (g.failing.length === 0) continue;
        const hint = explain(input, g);
        if (hint) hints.push(hint);
      }
      const summary = summaryHint(groups);
      if (summary) hints.push(summary);
    }
  }
  if (step.truncation) {
    const summary = summaryHint(groups);
    if (summary) hints.push(summary);
  }
  hints.push(...step.hints);
  return hints;
}
