import type { CheckSettings, GradientReport } from '../../check/report.js';

/**
 * While fast-check shrinks a counterexample, a θ counts as failing only if the check still
 * fails with rtol and atol this many times wider. Without a margin the shrinker walks θ to the
 * edge of the failing region (for a forgotten tanh′, to W1 = 0 and a tiny b1 where tanh′ ≈ 1)
 * and the report sits exactly at the tolerance ("max rel error 1.00e-5"), which reads like a
 * flake. Ten times keeps the shrunk error an order of magnitude above the tolerance, far
 * outside the round-off and truncation a correct gradient can show, while still letting θ
 * shrink to a few nonzero entries.
 * @internal
 */
export const SHRINK_MARGIN = 10;

/**
 * The options of the margin re-check: the caller's, with the tolerances the first check
 * resolved (explicit or inferred from the precision) widened by SHRINK_MARGIN.
 * @internal
 *
 * @example
 * widened({ sample: 50 }, report.settings); // { sample: 50, rtol: 1e-4, atol: 1e-9 } (float64 defaults)
 */
export function widened<O extends object>(options: O, settings: CheckSettings): O & { rtol: number; atol: number } {
  return { ...options, rtol: SHRINK_MARGIN * settings.rtol, atol: SHRINK_MARGIN * settings.atol };
}

/**
 * One line about a failed report, built from its data: how many entries disagree and the worst.
 * @internal
 *
 * @example
 * failureSummary(report); // '4 of 26 entries disagree; worst b1[2], relative error 4.1e-1'
 */
export function failureSummary(report: GradientReport): string {
  const worst = report.mismatches[0];
  const count = `${report.mismatches.length} of ${report.checked} entries disagree`;
  return worst === undefined
    ? `${count} (${report.hints[0] ?? 'see the report'})`
    : `${count}; worst ${worst.path}, relative error ${report.maxRelError.toExponential(1)}`;
}
