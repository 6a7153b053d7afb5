import { defaultStep } from '../../numeric/precision.js';
import { tolerance } from '../compare.js';
import { NOISE_RATIO } from '../recheck.js';
import { type DiagnosisInput, entries, num, rangeText } from './input.js';

/** An error estimate at least this fraction of the derivative leaves less than one reliable digit. */
export const NOISY_FRACTION = 0.1;

/** A first-pass difference counts as truncation when it exceeds its round-off and extrapolation errors this many times. */
export const TRUNCATION_MARGIN = 10;

/** Rounds a suggested step down to a power of ten, so the suggestion reads like one. */
function roundStep(h: number): string {
  return num(10 ** Math.floor(Math.log10(h) + 1e-9));
}

/** The entries whose verdict is in doubt: failing or unresolved. */
function troubled(input: DiagnosisInput): number[] {
  const out = new Set<number>(input.unresolved ?? []);
  for (let i = 0; i < input.failing.length; i++) if (input.failing[i]) out.add(i);
  return [...out].sort((p, q) => p - q);
}

/**
 * Step trouble, from the Richardson re-check data: entries whose numerical derivative is
 * dominated by round-off (error estimate ≥ 10 % of the value: the step is too small, or f is
 * noisier than its precision) or by truncation (the first pass differs from the extrapolated
 * value by far more than both error estimates: the step is too large for the curvature).
 * Suggests a step: the precision's default against round-off, and h·√(tol / truncation) (h·tol/truncation
 * for one-sided differences) against truncation. `truncation` says the first-pass values the
 * other diagnoses would fit are themselves off, so their fits are not evidence.
 *
 * @example
 * // checkGradient(f, grad, { at, step: 1e-13 }):
 * // "Step too small: at 3 entries the numerical derivative is dominated by round-off (error estimate 0.02 against |n| 0.01 at [1]) …"
 */
export function stepHints(input: DiagnosisInput): { hints: string[]; truncation: boolean } {
  const { analytic: a, numeric: n, errors, settings, layout } = input;
  const rechecked = input.rechecked ?? new Map();
  const hints: string[] = [];
  const doubtful = troubled(input);
  const scale = (i: number) => Math.max(Math.abs(a[i]), Math.abs(n[i]), settings.atol);

  // Round-off: the error estimate swamps the derivative because the step is below the precision's
  // default. At the default step that is the precision's resolution, reported as "Not judged".
  const best = defaultStep(settings.precision);
  const roundoff = doubtful.filter((i) => {
    const r = rechecked.get(i);
    const err = r ? r.firstRoundoff : errors[i];
    return Number.isFinite(err) && err >= NOISY_FRACTION * scale(i);
  });
  if (roundoff.length > 0 && settings.step < best) {
    const worst = roundoff.reduce((p, q) => (errors[q] / scale(q) > errors[p] / scale(p) ? q : p));
    hints.push(
      `Step too small: at ${entries(roundoff.length)} the numerical derivative is dominated by round-off (error estimate ${num(errors[worst])} against |n| ${num(Math.abs(n[worst]))} at ${rangeText(layout, worst, worst)}); ` +
        `with step ${num(settings.step)} the differences of f keep few digits. Try step: ${num(best)} (round-off shrinks as 1/step).`,
    );
  }

  // Noise: the Richardson sequence scatters far more than round-off of the precision explains.
  const noisy = doubtful.filter((i) => {
    const r = rechecked.get(i);
    return (
      r !== undefined &&
      r.error > NOISE_RATIO * r.firstRoundoff &&
      r.error >= NOISY_FRACTION * scale(i) &&
      !(Math.abs(r.first - r.value) > TRUNCATION_MARGIN * r.error)
    );
  });
  if (noisy.length > 0) {
    const worst = noisy.reduce((p, q) => (errors[q] / scale(q) > errors[p] / scale(p) ? q : p));
    const r = rechecked.get(worst);
    hints.push(
      `Noisy f: at ${entries(noisy.length)} the difference quotients at step h, h/2, h/4 scatter by ${num(errors[worst])} (at ${rangeText(layout, worst, worst)}, |n| ${num(Math.abs(n[worst]))}), ` +
        `${num((r?.error ?? 0) / (r?.firstRoundoff || 1))} × what ${settings.precision} round-off explains. Is f random (probed at θ it repeated its value), computed in lower precision than ${settings.precision}, or does it stop an iteration at a tolerance? A larger step averages the noise out.`,
    );
  }

  // Truncation: the first pass was off by more than its error estimates, the extrapolation fixed it.
  const power = settings.method === 'central' ? 2 : 1;
  let count = 0;
  let worst = -1;
  let worstRatio = 0;
  let suggested = Number.POSITIVE_INFINITY;
  for (const [i, r] of rechecked) {
    const gap = Math.abs(r.first - r.value);
    const tol = tolerance(a[i], r.value, settings.rtol, settings.atol);
    if (!(gap > TRUNCATION_MARGIN * (r.firstRoundoff + r.error) && gap > tol)) continue;
    count++;
    if (gap / tol > worstRatio) {
      worstRatio = gap / tol;
      worst = i;
    }
    suggested = Math.min(suggested, settings.step * (0.1 * (tol / gap)) ** (1 / power));
  }
  const doubtfulTruncated = doubtful.filter((i) => {
    const r = rechecked.get(i);
    return (
      r !== undefined &&
      Math.abs(r.first - r.value) > TRUNCATION_MARGIN * r.firstRoundoff &&
      r.error >= tolerance(a[i], r.value, settings.rtol, settings.atol)
    );
  });
  const unchecked = input.notRechecked ?? 0;
  if (count > 0 && (unchecked > 0 || doubtfulTruncated.length > 0)) {
    const r = rechecked.get(worst);
    const gap = r ? Math.abs(r.first - r.value) : 0;
    const rest =
      unchecked > 0
        ? ` ${unchecked} failing ${unchecked === 1 ? 'entry was' : 'entries were'} beyond the re-check budget and probably share it.`
        : ` ${entries(doubtfulTruncated.length)} still could not be resolved.`;
    hints.push(
      `Step too large: the first-pass ${settings.method} differences were off by truncation error at ${entries(count)} (by ${num(gap)} at ${rangeText(layout, worst, worst)}, ` +
        `first pass ${num(r?.first ?? Number.NaN)} vs extrapolated ${num(r?.value ?? Number.NaN)}); step ${num(settings.step)} is too large for f's curvature.${rest} ` +
        `Try step: ${roundStep(suggested)} or method: 'richardson'.`,
    );
    return { hints, truncation: true };
  }
  return { hints, truncation: false };
}
