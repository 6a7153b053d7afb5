import { defaultStep } from '../../numeric/precision.js';
import { tolerance } from '../compare.js';
import { NOISE_RATIO } from '../recheck.js';
import { type Finding, finding } from './finding.js';
import { entryNameAt, locate } from './scope.js';
import { entries, num } from './text.js';
import type { DiagnosisInput } from './types.js';

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

/** The groups holding some of `indices` ('θ' when none does). */
function pathsOf(input: DiagnosisInput, indices: readonly number[]): string[] {
  const names = new Set<string>();
  for (const i of indices) names.add(locate(input, i)?.group.name ?? 'θ');
  return [...names];
}

const scaleOf = (input: DiagnosisInput, i: number) =>
  Math.max(Math.abs(input.analytic[i]), Math.abs(input.numeric[i]), input.settings.atol);

/** Round-off: the error estimate swamps the derivative because the step is below the precision's default. */
function roundoff(input: DiagnosisInput, doubtful: readonly number[], failingCount: number): Finding | undefined {
  const { errors, numeric: n, settings } = input;
  const rechecked = input.rechecked ?? new Map();
  const best = defaultStep(settings.precision);
  const hit = doubtful.filter((i) => {
    const r = rechecked.get(i);
    const err = r ? r.firstRoundoff : errors[i];
    return Number.isFinite(err) && err >= NOISY_FRACTION * scaleOf(input, i);
  });
  if (hit.length === 0 || settings.step >= best) return undefined;
  const worst = hit.reduce((p, q) => (errors[q] / scaleOf(input, q) > errors[p] / scaleOf(input, p) ? q : p));
  return finding({
    kind: 'step',
    paths: pathsOf(input, hit),
    message: `Step too small: the numerical derivatives are dominated by round-off; with step ${num(settings.step)} the differences of f keep few digits. Try step: ${num(best)} (round-off shrinks as 1/step).`,
    evidence: `at ${entries(hit.length)}: error estimate ${num(errors[worst])} against |n| ${num(Math.abs(n[worst]))} at ${entryNameAt(input, worst)}`,
    explained: hit.filter((i) => input.failing[i]).length,
    failingCount,
  });
}

/** Noise: the Richardson sequence scatters far more than round-off of the precision explains. */
function noise(input: DiagnosisInput, doubtful: readonly number[], failingCount: number): Finding | undefined {
  const { errors, numeric: n, settings } = input;
  const rechecked = input.rechecked ?? new Map();
  const hit = doubtful.filter((i) => {
    const r = rechecked.get(i);
    return (
      r !== undefined &&
      r.error > NOISE_RATIO * r.firstRoundoff &&
      r.error >= NOISY_FRACTION * scaleOf(input, i) &&
      !(Math.abs(r.first - r.value) > TRUNCATION_MARGIN * r.error)
    );
  });
  if (hit.length === 0) return undefined;
  const worst = hit.reduce((p, q) => (errors[q] / scaleOf(input, q) > errors[p] / scaleOf(input, p) ? q : p));
  const r = rechecked.get(worst);
  return finding({
    kind: 'step',
    paths: pathsOf(input, hit),
    message:
      `Noisy f: the difference quotients at step h, h/2, h/4 scatter far more than ${settings.precision} round-off explains. ` +
      `Is f random (probed at θ it repeated its value), computed in lower precision than ${settings.precision}, or does it stop an iteration at a tolerance? A larger step averages the noise out.`,
    evidence: `at ${entries(hit.length)}: scatter ${num(errors[worst])} at ${entryNameAt(input, worst)} (|n| ${num(Math.abs(n[worst]))}), ${num((r?.error ?? 0) / (r?.firstRoundoff || 1))} × the round-off estimate`,
    explained: hit.filter((i) => input.failing[i]).length,
    failingCount,
  });
}

/** Truncation: the first pass was off by more than its error estimates, the extrapolation fixed it. */
function truncation(input: DiagnosisInput, doubtful: readonly number[], failingCount: number): Finding | undefined {
  const { analytic: a, settings } = input;
  const rechecked = input.rechecked ?? new Map();
  // The first pass's truncation error is O(hᵖ), p the method's order (1 when a report does not say).
  const power = settings.order ?? 1;
  const hit: number[] = [];
  let worst = -1;
  let worstRatio = 0;
  let suggested = Number.POSITIVE_INFINITY;
  for (const [i, r] of rechecked) {
    const gap = Math.abs(r.first - r.value);
    const tol = tolerance(a[i], r.value, settings.rtol, settings.atol);
    if (!(gap > TRUNCATION_MARGIN * (r.firstRoundoff + r.error) && gap > tol)) continue;
    hit.push(i);
    if (gap / tol > worstRatio) [worstRatio, worst] = [gap / tol, i];
    suggested = Math.min(suggested, settings.step * (0.1 * (tol / gap)) ** (1 / power));
  }
  const unresolvedTruncated = doubtful.filter((i) => {
    const r = rechecked.get(i);
    return (
      r !== undefined &&
      Math.abs(r.first - r.value) > TRUNCATION_MARGIN * r.firstRoundoff &&
      r.error >= tolerance(a[i], r.value, settings.rtol, settings.atol)
    );
  });
  const unchecked = input.notRechecked ?? 0;
  if (hit.length === 0 || (unchecked === 0 && unresolvedTruncated.length === 0)) return undefined;
  const r = rechecked.get(worst);
  const rest =
    unchecked > 0
      ? `; ${unchecked} failing ${unchecked === 1 ? 'entry was' : 'entries were'} beyond the re-check budget`
      : `; ${entries(unresolvedTruncated.length)} still unresolved`;
  return finding({
    kind: 'step',
    paths: pathsOf(input, hit),
    message: `Step too large: the first-pass ${settings.method} differences were off by truncation error; step ${num(settings.step)} is too large for f's curvature. Try step: ${roundStep(suggested)} or method: 'richardson'.`,
    evidence: `off by truncation error at ${entries(hit.length)} (by ${num(Math.abs((r?.first ?? 0) - (r?.value ?? 0)))} at ${entryNameAt(input, worst)}: first pass ${num(r?.first ?? Number.NaN)} vs extrapolated ${num(r?.value ?? Number.NaN)})${rest}`,
    explained: failingCount,
    failingCount,
  });
}

/**
 * Step trouble, from the Richardson re-check data: round-off (the step is too small), noise (f
 * noisier than its precision), truncation (the step is too large for the curvature; then the
 * first-pass values other detectors would fit are off, and `truncation` says so).
 *
 * @example
 * // checkGradient(f, grad, { at, step: 1e-13 }):
 * stepFindings(input).findings[0].message; // 'Step too small: the numerical derivatives are dominated by round-off; …'
 */
export function stepFindings(input: DiagnosisInput): { findings: Finding[]; truncation: boolean } {
  const doubtful = troubled(input);
  const failingCount = doubtful.filter((i) => input.failing[i]).length;
  const found = [roundoff(input, doubtful, failingCount), noise(input, doubtful, failingCount)];
  const cut = truncation(input, doubtful, failingCount);
  const findings = [...found, cut].filter((f): f is Finding => f !== undefined);
  return { findings, truncation: cut !== undefined };
}
