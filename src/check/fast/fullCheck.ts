/**
 * Fast mode on a θ so small that the full check costs no more than the k directions: the full
 * check runs instead, and its report says why (issue 12, item 5).
 */
import { methodCost, resolveMethod } from '../../numeric/methods/index.js';
import { ADAPTIVE_LEVELS } from '../../numeric/richardson.js';
import type { Measurement } from '../../numeric/measure/protocol.js';
import type { ReportData } from '../report.js';
import type { Settings } from '../settings/types.js';

/** The full check, run on the settings it is given (the caller owns it: fast mode cannot import it without a cycle). */
export type FullCheck = (settings: Settings) => Measurement<ReportData>;

/** What the full check would cost at these settings, and whether that is exact or a bound. */
export interface FullCheckCost {
  /** Calls of f on a correct gradient (re-checks of failing entries come on top). */
  readonly evaluations: number;
  /** A method with its own ladder stops early once round-off grows: then `evaluations` is a bound. */
  readonly atMost: boolean;
}

/**
 * Calls of f of a full check with the settings' method on a correct gradient: one per non-zero
 * offset per level per entry, plus f(θ) once when an offset is 0 (central: 2n; forward: n + 1;
 * Richardson: at most 8n, or 20n with `adaptive`).
 *
 * @example
 * fullCheckCost(settings).evaluations; // 2n for central differences
 */
export function fullCheckCost(settings: Settings): FullCheckCost {
  return methodCost(resolveMethod(settings.method), settings.layout.size, settings.adaptive ? ADAPTIVE_LEVELS : undefined);
}

/**
 * The budget of fast mode on a correct gradient: 2 calls per direction.
 *
 * @example
 * fastBudget(settings); // 20 with the default 10 directions
 */
export function fastBudget(settings: Settings): number {
  return 2 * settings.directions;
}

/**
 * Whether the full check costs no more than fast mode's 2k calls (2n ≤ 2k for central
 * differences): then it runs instead, comparing every entry for the same price.
 *
 * @example
 * fullCheckIsNoDearer(settingsOf({ at: [1, 2, 3, 4], mode: 'fast' })); // true: 8 ≤ 20
 */
export function fullCheckIsNoDearer(settings: Settings): boolean {
  return fullCheckCost(settings).evaluations <= fastBudget(settings);
}

/**
 * Runs the full check in place of fast mode: its report keeps `check` 'gradient' and has
 * `settings.mode` 'full', as every field describes what ran (entries, not directions); the
 * first note says that fast mode was asked for and why the full check ran.
 *
 * @example
 * (yield* fullCheckInstead(settings, fullCheck)).details.notes[0];
 * // 'Fast mode: θ has 4 entries, so the full check (8 evaluations) costs no more than 10 directions (20); ran the full check.'
 */
export function* fullCheckInstead(settings: Settings, fullCheck: FullCheck): Measurement<ReportData> {
  const report = yield* fullCheck({ ...settings, mode: 'full' });
  const cost = fullCheckCost(settings);
  const n = settings.layout.size;
  const k = settings.directions;
  const evaluations = `${cost.atMost ? 'at most ' : ''}${cost.evaluations} evaluation${cost.evaluations === 1 ? '' : 's'}`;
  const note = `Fast mode: θ has ${n} entr${n === 1 ? 'y' : 'ies'}, so the full check (${evaluations}) costs no more than ${k} direction${k === 1 ? '' : 's'} (${fastBudget(settings)}); ran the full check.`;
  return { ...report, details: { ...report.details, notes: [note, ...report.details.notes] } };
}
