/**
 * What the stages of a sparse measurement share: the lines of f, the analytic matrix and its
 * pattern, the numerical matrix being filled, and the localisation budget.
 */
import { formatNumber } from '../../numeric/errors.js';
import type { Pattern } from '../../numeric/sparsity/index.js';
import { agrees } from '../compare.js';
import type { Direction, Lines } from './measure.js';

/**
 * Measurements a check may spend localising disagreements (2 calls of f each for central
 * differences): enough to bisect a dozen forgotten entries down from 10⁴ columns; past it the
 * disagreement is reported as measured, unlocalised.
 */
export const LOCALISE_BUDGET = 200;

/** The sparse measurement of one matrix, as its stages fill it. */
export interface SparseState {
  readonly lines: Lines;
  /** The analytic matrix, rows × cols row-major, zero outside the pattern. */
  readonly A: Float64Array;
  readonly pattern: Pattern;
  /** The numerical matrix: measured on the pattern and where localised, 0 elsewhere. */
  readonly values: Float64Array;
  readonly errors: Float64Array;
  /** Disagreements that could not be pinned on entries, in words (they fail the check). */
  readonly findings: string[];
  /** Entries outside the pattern that localisation found and measured: k = i·cols + j. */
  readonly localised: Set<number>;
  /** Localisation measurements left. */
  budget: number;
  /** Name of output i, for findings. */
  readonly outputName: (i: number) => string;
  /** Told f's number of outputs at its first measurement: throws when the analytic matrix's rows differ. */
  readonly checkRows: (rows: number) => void;
}

/**
 * The largest |vⱼ| of a direction: the absolute tolerance of a row's J·v scales with it.
 *
 * @example
 * largestComponent({ support: Int32Array.of(0, 1), component: (j) => [1, -3][j], label: '', step: 1 }); // 3
 */
export function largestComponent(dir: Direction): number {
  let largest = 0;
  for (const j of dir.support) largest = Math.max(largest, Math.abs(dir.component(j)));
  return largest;
}

/**
 * Whether output i's J·v agrees with the analytic one, as an entry does: within
 * atol·max|vⱼ| + rtol·max(|a|, |n|, Σⱼ|Aᵢⱼvⱼ|) + the error estimates.
 *
 * @example
 * rowAgrees(state, 1, 1 + 1e-9, 1e-12, 1, 1); // true at the default tolerances
 */
export function rowAgrees(
  state: SparseState,
  analytic: number,
  numeric: number,
  error: number,
  norm: number,
  scale: number,
): boolean {
  const { rtol, atol } = state.lines.settings;
  const size = Math.max(Math.abs(analytic), Math.abs(numeric), scale);
  return Math.abs(analytic - numeric) <= atol * norm + rtol * size + error;
}

/**
 * Outputs with an entry that disagrees with the analytic one (or one found outside the pattern):
 * they fail already, and the probes need not look at them again.
 *
 * @example
 * failingRows(state).has(77); // true once ∂out[77]/∂θ[77] is known wrong
 */
export function failingRows(state: SparseState): Set<number> {
  const { A, values, errors, pattern } = state;
  const { rtol, atol } = state.lines.settings;
  const n = pattern.cols;
  const rows = new Set<number>();
  for (let i = 0; i < pattern.rows; i++) {
    for (let e = pattern.rowStart[i]; e < pattern.rowStart[i + 1]; e++) {
      const k = i * n + pattern.colIndex[e];
      if (!agrees(A[k], values[k], errors[k], rtol, atol)) rows.add(i);
    }
  }
  for (const k of state.localised) rows.add(Math.floor(k / n));
  return rows;
}

/** How many disagreeing outputs a finding names. */
const OUTPUTS_SHOWN = 3;

/**
 * One finding for the outputs along a direction whose disagreement localisation could not pin on
 * single entries: the first few with both values, and why it stopped.
 *
 * @example
 * unexplained(state, dir, [4], jv, analytic, false); // 'out[4] along random direction 0: J·v = 2 by finite differences but 1 by the analytic matrix; …'
 */
export function unexplained(
  state: SparseState,
  dir: Direction,
  rows: readonly number[],
  jv: ArrayLike<number>,
  analytic: (i: number) => number,
  exhausted: boolean,
): void {
  if (rows.length === 0) return;
  const shown = rows
    .slice(0, OUTPUTS_SHOWN)
    .map(
      (i) =>
        `${state.outputName(i)}: J·v = ${formatNumber(jv[i])} by finite differences but ${formatNumber(analytic(i))} by the analytic matrix`,
    );
  const more = rows.length > OUTPUTS_SHOWN ? `, …${rows.length - OUTPUTS_SHOWN} more outputs` : '';
  const why = exhausted
    ? `localisation stopped after ${LOCALISE_BUDGET} measurements`
    : 'no single entry explains it (entries that cancel)';
  state.findings.push(`Along ${dir.label}, ${shown.join('; ')}${more}; ${why}.`);
}
