/**
 * The one report tail of every check — the full gradient check, fast mode, the Jacobian, VJP,
 * JVP and Hessian checks: the diagnose gate (diagnoses only when f can be trusted), the pass
 * rule, the hints in their one order and the report body. Each check states what it compared;
 * this decides what that means.
 */
import { type ReportBody, type ReportExtras, buildReport } from './buildReport.js';
import { type Summary, withinGlobal } from '../compare.js';
import type { GuardOutcome } from '../guards/index.js';
import type { Diagnosis, KinkEntry, Mismatch, ReportCheck, ReportData, UnresolvedEntry } from '../report.js';
import type { Settings } from '../settings/types.js';

/** What the diagnoses of a check found: their hints (messages and notes, in order) and the diagnoses. */
export interface Found {
  readonly hints: readonly string[];
  readonly diagnoses: readonly Diagnosis[];
}

/** Nothing found. */
export const NOTHING_FOUND: Found = { hints: [], diagnoses: [] };

/** What a check compared, for the tail to judge and report. */
export interface Compared {
  readonly settings: Settings;
  readonly check: ReportCheck;
  readonly evaluations: number;
  readonly size: number;
  readonly checked: number;
  /** The summary figures over the compared values (for the global criterion). */
  readonly summary: Summary;
  readonly mismatches: readonly Mismatch[];
  readonly kinks?: readonly KinkEntry[];
  readonly unresolved: readonly UnresolvedEntry[];
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
  readonly errors: Float64Array;
  /** Disagreements beyond the mismatched entries (fast mode's directions no kink explains). */
  readonly disagreeing?: number;
  /** The guards' verdict on the evidence the check gathered. */
  readonly guards: GuardOutcome;
  /** Check-specific findings that fail the check (an asymmetric Hessian), stated first. */
  readonly findings?: readonly string[];
  /** The diagnoses, asked for only when the guards found f trustworthy. */
  diagnose(): Found;
  /** What is still said when f cannot be trusted (the full check's kinks). */
  untrusted?(): Found;
  /** Fields of the report body only some checks have (one-sided entries, a shard's share). */
  readonly body?: Partial<ReportBody>;
  readonly extras?: ReportExtras;
}

/**
 * The pass rule of every check: nothing disagrees, no guard fired, no finding, the global
 * criterion holds, and no unresolved entry when `unresolved: 'fail'`.
 *
 * @example
 * passes(compared); // false when one entry disagrees
 */
export function passes(c: Compared): boolean {
  const unresolvedFail = c.settings.unresolved === 'fail' && c.unresolved.length > 0;
  return (
    c.mismatches.length === 0 &&
    (c.disagreeing ?? 0) === 0 &&
    c.guards.diagnoses.length === 0 &&
    (c.findings ?? []).length === 0 &&
    withinGlobal(c.settings, c.summary.relativeDifference) &&
    !unresolvedFail
  );
}

/**
 * The report of a check: the diagnose gate, the pass rule, hints (findings, the guards', the
 * diagnoses') and the body, through `buildReport`.
 *
 * @example
 * return reportTail({ settings, check: 'vjp', evaluations, size, checked, summary, mismatches, …, guards, diagnose });
 */
export function reportTail(c: Compared): ReportData {
  const found = c.guards.invalid ? (c.untrusted?.() ?? NOTHING_FOUND) : c.diagnose();
  const diagnoses = [...c.guards.diagnoses, ...found.diagnoses];
  const hints = [...(c.findings ?? []), ...c.guards.diagnoses.map((d) => d.message), ...found.hints];
  const body: ReportBody = {
    pass: passes(c),
    evaluations: c.evaluations,
    size: c.size,
    checked: c.checked,
    ...c.summary,
    mismatches: [...c.mismatches],
    hints,
    diagnoses,
    kinks: [...(c.kinks ?? [])],
    unresolved: [...c.unresolved],
    analytic: c.analytic,
    numeric: c.numeric,
    errorEstimates: c.errors,
    ...c.body,
  };
  return buildReport(c.settings, c.check, body, c.extras);
}
