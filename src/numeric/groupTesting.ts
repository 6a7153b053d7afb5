/**
 * Group testing: finds the coordinates behind a disagreeing directional derivative.
 *
 * The residual of a direction (numeric − analytic) is the sum of the residuals of the parts of
 * its support. Splitting the support, measuring all parts but one (2 calls of f each) and
 * inferring the last by subtraction, then descending into every part that still disagrees,
 * isolates a wrong coordinate in about 2·log₂(n) calls of f.
 */
import type { DirectionalMeasure } from './directions.js';
import type { Measurement } from './measure/protocol.js';

/** What group testing needs from the check that runs it. */
export interface GroupTests {
  /** The directional derivative restricted to `group` (2 calls of f). */
  measure(group: Int32Array): Measurement<DirectionalMeasure>;
  /** Whether a measure's numeric and analytic sides disagree beyond its tolerance. */
  disagrees(measure: DirectionalMeasure): boolean;
  /**
   * A final coordinate check of `index`; `measure` is given when the one-coordinate group was
   * measured (not inferred). Returns whether the coordinate is wrong.
   */
  confirm(index: number, measure: DirectionalMeasure | undefined): Measurement<boolean>;
  /** Splits a group into parts (at tensor boundaries first, then in halves). */
  split(group: Int32Array): Int32Array[];
}

/** What group testing found. */
export interface Localization {
  /** Coordinates confirmed wrong, in the order found. */
  readonly found: number[];
  /** True when it stopped at `limit` coordinates with parts still left to search. */
  readonly truncated: boolean;
  /** Groups that disagreed while none of their parts did (cancellation or noise). */
  readonly unresolvedGroups: number;
}

/**
 * The magnitude a measure's relative tolerance applies to.
 *
 * @example
 * scaleOf({ numeric: 2, analytic: -3, error: 0, norm: 1 }); // 3
 */
export function scaleOf(m: DirectionalMeasure): number {
  return m.scale ?? Math.max(Math.abs(m.numeric), Math.abs(m.analytic));
}

/** The part of `parent` that was not measured: its measure by subtraction. */
function inferred(parent: DirectionalMeasure, measured: readonly DirectionalMeasure[]): DirectionalMeasure {
  let numeric = parent.numeric;
  let analytic = parent.analytic;
  let error = parent.error;
  let norm2 = parent.norm * parent.norm;
  for (const m of measured) {
    numeric -= m.numeric;
    analytic -= m.analytic;
    error += m.error;
    norm2 -= m.norm * m.norm;
  }
  return { numeric, analytic, error, norm: Math.sqrt(Math.max(0, norm2)) };
}

/**
 * Localises the wrong coordinates of a disagreeing group (depth first, at most `limit` of them).
 *
 * @example
 * const found = (yield* localize(support, measureOfSupport, tests, 10)).found; // e.g. [34179]
 */
export function* localize(
  root: Int32Array,
  rootMeasure: DirectionalMeasure,
  tests: GroupTests,
  limit: number,
): Measurement<Localization> {
  const found: number[] = [];
  let truncated = false;
  let unresolvedGroups = 0;
  const descend = function* (group: Int32Array, measure: DirectionalMeasure, measured: boolean): Measurement<void> {
    if (found.length >= limit) {
      truncated = true;
      return;
    }
    if (group.length === 1) {
      if (yield* tests.confirm(group[0], measured ? measure : undefined)) found.push(group[0]);
      return;
    }
    const parts = tests.split(group);
    const measures: DirectionalMeasure[] = [];
    for (let p = 0; p < parts.length - 1; p++) measures.push(yield* tests.measure(parts[p]));
    measures.push(inferred(measure, measures));
    const cap = scaleOf(measure);
    for (let p = 0; p < measures.length; p++) measures[p] = { ...measures[p], scale: Math.min(scaleOf(measures[p]), cap) };
    let any = false;
    for (let p = 0; p < parts.length; p++) {
      if (!tests.disagrees(measures[p])) continue;
      any = true;
      yield* descend(parts[p], measures[p], p < parts.length - 1);
    }
    if (!any) unresolvedGroups++;
  };
  yield* descend(root, rootMeasure, true);
  return { found, truncated, unresolvedGroups };
}

/**
 * Splits a sorted group of flat indices at the given boundaries (tensor offsets) when it spans
 * several, otherwise in two halves.
 *
 * @example
 * splitGroup(Int32Array.of(0, 1, 2, 3, 4), [0, 3]); // [[0, 1, 2], [3, 4]]
 * splitGroup(Int32Array.of(0, 1, 2, 3), [0]);       // [[0, 1], [2, 3]]
 */
export function splitGroup(group: Int32Array, boundaries: readonly number[]): Int32Array[] {
  const parts: Int32Array[] = [];
  let start = 0;
  for (const b of boundaries) {
    let k = start;
    while (k < group.length && group[k] < b) k++;
    if (k > start && k < group.length) {
      parts.push(group.subarray(start, k));
      start = k;
    }
  }
  if (parts.length > 0) {
    parts.push(group.subarray(start));
    return parts;
  }
  const mid = group.length >> 1;
  return [group.subarray(0, mid), group.subarray(mid)];
}
