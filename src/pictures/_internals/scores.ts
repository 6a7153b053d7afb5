import type { PictureReport } from '../input.js';
import { AGREE_COLOR, KINK_COLOR, NOT_COMPARED_COLOR, UNRESOLVED_COLOR, wrongColor } from './colorScale.js';

/**
 * Every entry's severity as one number, so that a block can show its worst entry with a
 * single comparison: u > 1 (disagrees, in tolerances) ranks above a kink, a kink above an
 * unresolved entry, that above an agreeing one, and all above an entry not compared.
 */
export const NOT_COMPARED = -4;
export const AGREES = -3;
export const UNRESOLVED = -2;
export const KINK = -1;

/**
 * u = |a − n| / (atol + rtol·max(|a|, |n|) + errorEstimate), the entry's error in units of
 * what it was allowed (the README's criterion); NaN when n was not computed.
 *
 * @example
 * errorUnits(1, 1.1, 0, 0, 0.1); // ≈ 0.91 (0.1 off, 0.11 allowed)
 * @internal
 */
export function errorUnits(a: number, n: number, estimate: number, atol: number, rtol: number): number {
  if (Number.isNaN(n)) return Number.NaN;
  const diff = Math.abs(a - n);
  if (!Number.isFinite(a) || !Number.isFinite(n)) return diff === 0 ? 0 : Number.POSITIVE_INFINITY;
  const allowed = atol + rtol * Math.max(Math.abs(a), Math.abs(n)) + (Number.isFinite(estimate) ? estimate : 0);
  if (allowed === 0) return diff === 0 ? 0 : Number.POSITIVE_INFINITY;
  return diff / allowed;
}

/**
 * The severity of every flat entry of a report: u for entries that disagree (at least the
 * ratio the report itself gives for its mismatches), AGREES, KINK, UNRESOLVED or NOT_COMPARED.
 *
 * @example
 * entryScores(report)[3]; // 812.5: entry 3 is 812.5 tolerances off
 * @internal
 */
export function entryScores(report: PictureReport): Float64Array {
  const { rtol, atol } = report.settings;
  const n = report.analytic.length;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = errorUnits(report.analytic[i], report.numeric[i], report.errorEstimates[i], atol, rtol);
    scores[i] = Number.isNaN(u) ? NOT_COMPARED : u > 1 ? u : AGREES;
  }
  for (const e of report.unresolved) if (e.index >= 0 && e.index < n) scores[e.index] = UNRESOLVED;
  for (const e of report.kinks) if (e.index >= 0 && e.index < n) scores[e.index] = KINK;
  for (const m of report.mismatches) {
    if (m.index < 0 || m.index >= n) continue;
    const u = m.tolerance > 0 ? m.absError / m.tolerance : Number.POSITIVE_INFINITY;
    // The report's own verdict wins: a listed mismatch is drawn as one (also at a kink that fails).
    scores[m.index] = Math.max(scores[m.index], u > 1 ? u : 1 + 1e-9);
  }
  return scores;
}

/**
 * The fill colour of a score.
 *
 * @example
 * scoreColor(AGREES); // AGREE_COLOR
 * @internal
 */
export function scoreColor(score: number): string {
  if (score === NOT_COMPARED) return NOT_COMPARED_COLOR;
  if (score === AGREES) return AGREE_COLOR;
  if (score === KINK) return KINK_COLOR;
  if (score === UNRESOLVED) return UNRESOLVED_COLOR;
  return wrongColor(score);
}
