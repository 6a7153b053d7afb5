import type { ReportCheck, ReportData } from '../check/report.js';

/** How a report of one kind of check is worded. */
export interface Wording {
  /** `gradient`, `derivative`, `Jacobian`, `vector–Jacobian product`, … */
  readonly subject: string;
  /** Column and sentence label for the values under test. */
  readonly analytic: string;
  /** Column and sentence label for the reference values. */
  readonly numeric: string;
  /** Noun for what is compared (and counted in the summary). */
  readonly unit: string;
  /** Noun for the rows of the worst-entries table. */
  readonly tableUnit: string;
  /** Whether to print the tolerance rule. */
  readonly showTolerance: boolean;
}

const ENTRIES = { analytic: 'analytic', numeric: 'numeric', unit: 'entries', tableUnit: 'entries', showTolerance: true };

/** The wording of each check's report. */
export const WORDING: Readonly<Record<ReportCheck, Wording>> = {
  gradient: { ...ENTRIES, subject: 'gradient' },
  derivative: { ...ENTRIES, subject: 'derivative' },
  fast: { ...ENTRIES, subject: 'gradient', unit: 'directions', tableUnit: 'entries (localised)' },
  jacobian: { ...ENTRIES, subject: 'Jacobian' },
  vjp: { ...ENTRIES, subject: 'vector–Jacobian product' },
  jvp: { ...ENTRIES, subject: 'Jacobian–vector product' },
  hessian: { ...ENTRIES, subject: 'Hessian' },
  allClose: { ...ENTRIES, subject: 'values', analytic: 'actual', numeric: 'expected', showTolerance: false },
};

/**
 * The wording of a report.
 *
 * @example
 * wordingOf(checkVjp(f, vjp, { at })).subject; // 'vector–Jacobian product'
 */
export function wordingOf(report: Pick<ReportData, 'check'>): Wording {
  return WORDING[report.check];
}
