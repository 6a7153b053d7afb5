/**
 * Localisation: a direction along which some outputs' J·v disagree with the analytic one is cut
 * in halves and each half compared, down to single columns (group testing by bisection: about
 * log₂(support) measurements per culprit column). A leaf names the entry (output, column) and
 * gives its value.
 */
import type { Measurement } from '../../numeric/measure/protocol.js';
import { holds } from '../../numeric/sparsity/index.js';
import { type Direction, type JvMeasure, analyticJv, numericJv } from './measure.js';
import { type SparseState, largestComponent, rowAgrees } from './state.js';

/** An entry pinned down by localisation, measured alone in its column. */
export interface FoundEntry {
  readonly row: number;
  readonly col: number;
  readonly value: number;
  readonly error: number;
}

/** What localising one direction found. */
export interface Localisation {
  readonly found: FoundEntry[];
  /** Rows whose disagreement no single column explains (cancellation, the budget ran out). */
  readonly unexplained: number[];
  /** Whether the budget ran out (`LOCALISE_BUDGET` measurements per check). */
  readonly exhausted: boolean;
}

/**
 * Bisects `dir` over the disagreeing `rows`, from its first measurement `root` (not a re-check:
 * the halves are measured at the same step, so that a difference keeps their truncation error).
 * Each level measures one half and takes the other as the difference, so a culprit costs one
 * measurement per halving. Each found entry is written into the state's matrix.
 *
 * @example
 * const { found } = yield* localise(state, colourDirection, measure, [77]); // found[0]: { row: 77, col: 200, … }
 */
export function* localise(
  state: SparseState,
  dir: Direction,
  root: JvMeasure,
  rows: readonly number[],
): Measurement<Localisation> {
  const found: FoundEntry[] = [];
  const explained = new Set<number>();
  let exhausted = false;
  const search = function* (d: Direction, bad: readonly number[], measured: JvMeasure): Measurement<void> {
    if (d.support.length === 1) {
      const v = measured.taken(d.support[0]);
      for (const i of bad) {
        found.push({ row: i, col: d.support[0], value: measured.jv[i] / v, error: measured.errors[i] / Math.abs(v) });
        explained.add(i);
      }
      return;
    }
    if (state.budget-- <= 0) {
      exhausted = true;
      return;
    }
    const [first, second] = halves(d);
    const m = yield* numericJv(state.lines, first);
    const rest: JvMeasure = {
      jv: measured.jv.map((v, i) => v - m.jv[i]),
      errors: measured.errors.map((e, i) => e + m.errors[i]),
      taken: measured.taken,
    };
    for (const [half, h] of [
      [first, m],
      [second, rest],
    ] as const) {
      const a = analyticJv(state.A, state.pattern, half.support, h.taken);
      const norm = largestComponent(half);
      const worse = bad.filter((i) => !rowAgrees(state, a.values[i], h.jv[i], h.errors[i] + a.errors[i], norm, a.scales[i]));
      if (worse.length > 0) yield* search(half, worse, h);
    }
  };
  yield* search(dir, rows, root);
  for (const e of found) {
    const k = e.row * state.pattern.cols + e.col;
    state.values[k] = e.value;
    state.errors[k] = e.error;
    // Outside the pattern only: the products over the pattern count its own entries already.
    if (!holds(state.pattern, e.row, e.col)) state.localised.add(k);
  }
  return { found, unexplained: rows.filter((i) => !explained.has(i)), exhausted };
}

/** The two halves of a direction's support, same components and step. */
function halves(d: Direction): [Direction, Direction] {
  const mid = d.support.length >> 1;
  const base = d.label.replace(/ \(\d+ of its entries\)$/, '');
  const part = (support: Int32Array): Direction => ({ ...d, support, label: `${base} (${support.length} of its entries)` });
  return [part(d.support.subarray(0, mid)), part(d.support.subarray(mid))];
}
