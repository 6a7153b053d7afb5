/**
 * The sentences fast mode puts under the summary (`details.notes`): how it measured, which
 * directions disagree, what localisation found, what `maxRelativeDifference` was applied to.
 */
import { formatError, formatValue } from '../../numeric/numberText.js';
import type { KinkEntry } from '../report.js';
import type { DirectionResult } from './directions.js';
import type { DirectionVerdicts } from './judge.js';
import { LOCALIZE_LIMIT, type Localised } from './localise.js';
import type { FastRun } from './run.js';

/** How many disagreeing directions the message lists. */
export const DIRECTIONS_SHOWN = 3;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function kinkPaths(kinks: readonly KinkEntry[]): string {
  return kinks.map((k) => k.path).join(', ');
}

/** "all 10 agree", or "3 of 10 disagree (…)", with the re-check and the kinks that explain some. */
function agreement(k: number, verdicts: DirectionVerdicts, confirmed: number | undefined): string {
  const { failing, unexplained, kinks } = verdicts;
  if (failing.length === 0) return k === 1 ? 'it agrees' : `all ${k} agree`;
  const recheck =
    confirmed === undefined ? '' : ` (direction ${confirmed} after a Richardson re-check, later ones by their first difference)`;
  const explained = failing.length - unexplained.length;
  const byKinks =
    explained > 0 ? `, ${explained} of them only because of the kink${kinks.length > 1 ? 's' : ''} at ${kinkPaths(kinks)}` : '';
  return `${failing.length} of ${k} disagree${recheck}${byKinks}`;
}

/** One line per listed disagreeing direction: ⟨g, d⟩ against its finite difference. */
function directionLine(d: DirectionResult): string {
  const m = d.measure;
  return `  direction ${d.index}: ⟨g, d⟩ = ${formatValue(m.analytic)}, finite difference ${formatValue(m.numeric)} (± ${formatError(m.error)})`;
}

/**
 * What the directions say: how many, the seed and step, how many agree, and the first few that
 * disagree.
 *
 * @example
 * directionNotes(run, verdicts, undefined);
 * // ['Fast mode: 10 random Rademacher directions (seed 0), step 1.02e-6 along each; all 10 agree.']
 */
export function directionNotes(run: FastRun, verdicts: DirectionVerdicts, confirmed: number | undefined): string[] {
  const { directions: k, seed } = run.settings;
  const head = `Fast mode: ${k} random Rademacher directions (seed ${seed}), step ${formatError(run.t)} along each; ${agreement(k, verdicts, confirmed)}.`;
  return [head, ...verdicts.failing.slice(0, DIRECTIONS_SHOWN).map(directionLine)];
}

/**
 * What group testing found along a direction, and what it cost.
 *
 * @example
 * localisationNote(localised);
 * // 'Localised by group testing along direction 0: found 1 wrong coordinate in 24 evaluations of f.'
 */
export function localisationNote(localised: Localised): string {
  const { found, kinks } = localised;
  const count = found.found.length;
  const more = found.truncated ? ` (stopped at the limit of ${LOCALIZE_LIMIT}; there are more)` : '';
  const what =
    count > 0
      ? `found ${plural(count, 'wrong coordinate')}${more}`
      : kinks.length > 0
        ? `found no wrong coordinate, and a kink at ${kinkPaths(kinks)}`
        : 'found no single coordinate to blame (the error may be spread thinly over many entries)';
  return `Localised by group testing along direction ${localised.index}: ${what} in ${localised.cost} evaluations of f.`;
}

/**
 * What `maxRelativeDifference` was applied to in fast mode, which compares directional
 * derivatives, not entries (the message's "Relative difference" line gives the figure).
 *
 * @example
 * globalNote(run, verdicts);
 * // ['maxRelativeDifference in fast mode: a = ⟨g, d⟩ and n = its finite difference, over the 10 directions.']
 */
export function globalNote(run: FastRun, verdicts: DirectionVerdicts): string[] {
  const { maxRelativeDifference, directions: k } = run.settings;
  if (maxRelativeDifference === undefined) return [];
  const excused = verdicts.failing.length - verdicts.unexplained.length;
  const kinks = excused > 0 ? ` (less the kinks' share in the ${excused} they explain)` : '';
  return [
    `maxRelativeDifference in fast mode: a = ⟨g, d⟩ and n = its finite difference${kinks}, over the ${plural(k, 'direction')}.`,
  ];
}
