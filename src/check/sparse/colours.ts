/**
 * The colours' stage: one perturbation per colour moves every column of the colour by its own
 * step hⱼ = step · max(1, |θⱼ|), as the dense check moves one; each output sees at most one of
 * them (the colouring), so output i's J·v is the pattern's entry (i, j) times ṽⱼ. Outputs that
 * have no entry in the colour must read 0: any mass there is an entry the analytic side forgot.
 */
import type { Measurement } from '../../numeric/measure/protocol.js';
import type { Colouring } from '../../numeric/sparsity/index.js';
import { columnRows } from '../../numeric/sparsity/index.js';
import { createRandom } from '../../numeric/random.js';
import { agrees } from '../compare.js';
import { RECHECK_LIMIT } from '../recheck.js';
import { localise } from './localise.js';
import { type AnalyticJv, type Direction, type JvMeasure, analyticJv, numericJv, recheckJv } from './measure.js';
import { type SparseState, largestComponent, rowAgrees, unexplained } from './state.js';

/**
 * The direction of colour c: its columns, each moved by hⱼ = step · max(1, |θⱼ|).
 *
 * @example
 * colourDirection(state, colouring, 0).support; // the columns of colour 0
 */
export function colourDirection(state: SparseState, colouring: Colouring, c: number): Direction {
  const { settings } = state.lines;
  const x = settings.layout.values;
  return {
    support: colouring.members[c],
    component: (j) => Math.max(1, Math.abs(x[j])),
    label: `colour ${c + 1} of ${colouring.count}`,
    step: settings.step,
  };
}

/** No entry of the output in the colour. */
const NONE = -1;

/** Several entries of the output in the colour: only a symmetric colouring's mirrored rows have them. */
const SEVERAL = -2;

/** Output i's entry in a colour: the column, `NONE`, or `SEVERAL` (their sum is what is proved). */
function entriesOf(state: SparseState, dir: Direction): Int32Array {
  const owner = new Int32Array(state.pattern.rows).fill(NONE);
  for (const j of dir.support) for (const i of columnRows(state.pattern, j)) owner[i] = owner[i] === NONE ? j : SEVERAL;
  return owner;
}

/**
 * Measures every colour and writes the pattern's entries. A colour whose outputs disagree (an
 * entry with the analytic one, an output without an entry in the colour with 0) is re-checked
 * by Richardson (the first `RECHECK_LIMIT` colours), then localised: mass at an output without
 * an entry in the colour is pinned on the forgotten entries; for a wrong-looking entry, the
 * colour's other columns are measured once together, and any mass they put on that output (a
 * forgotten entry sharing the colour) is localised and taken out of the entry.
 *
 * @example
 * yield* measureColours(state, greedyColouring(pattern)); // state.values holds every entry of the pattern
 */
export function* measureColours(state: SparseState, colouring: Colouring): Measurement<void> {
  let rechecked = 0;
  for (let c = 0; c < colouring.count; c++) {
    const dir = colourDirection(state, colouring, c);
    const owner = entriesOf(state, dir);
    const measure = yield* numericJv(state.lines, dir);
    if (c === 0) state.checkRows(measure.jv.length);
    const jv = Float64Array.from(measure.jv);
    const errors = Float64Array.from(measure.errors);
    let bad = disagreeing(state, dir, owner, measure.taken, jv, errors);
    if (bad.length > 0 && measure.recheck && rechecked++ < RECHECK_LIMIT) {
      for (const [i, est] of yield* recheckJv(state.lines, measure, bad)) {
        jv[i] = est.value;
        errors[i] = est.error;
      }
      bad = disagreeing(state, dir, owner, measure.taken, jv, errors);
    }
    const owned = bad.filter((i) => owner[i] >= 0);
    if (owned.length > 0) yield* separateSharers(state, dir, owner, owned, { ...measure, jv, errors }, measure);
    const n = state.pattern.cols;
    owner.forEach((j, i) => {
      if (j < 0) return;
      const v = measure.taken(j);
      state.values[i * n + j] = jv[i] / v;
      state.errors[i * n + j] = errors[i] / Math.abs(v);
    });
    const stray = bad.filter((i) => owner[i] < 0);
    if (stray.length === 0) continue;
    const found = yield* localise(state, dir, measure, stray);
    const sums = analyticJv(state.A, state.pattern, dir.support, measure.taken);
    unexplained(state, dir, found.unexplained, jv, (i) => sums.values[i], found.exhausted);
  }
}

/** Rounds of random signs at most, each halving the sharers not seen yet (see separateSharers). */
const SIGN_ROUNDS = 4;

/**
 * A wrong-looking entry (i, j) may be right, with a forgotten entry (i, k) of the same colour
 * added to it. One more line along the colour tells (2 calls): the colour less the columns of the
 * wrong-looking entries, along which such an output must not move. A sharer among those columns
 * (two or more of them) shows along the colour with random signs, along which an output with no
 * sharer moves by its entry times the sign (each sharer shows with probability ½; rounds repeat
 * while they find some). Outputs with a sharer are localised, and the sharers' share taken out of
 * the colour's J·v (`colour`, corrected in place; `first` is the colour's first pass, same step).
 */
function* separateSharers(
  state: SparseState,
  dir: Direction,
  owner: Int32Array,
  owned: number[],
  colour: JvMeasure,
  first: JvMeasure,
): Measurement<void> {
  const suspects = new Set(owned.map((i) => owner[i]));
  const support = dir.support.filter((j) => !suspects.has(j));
  let pending = owned;
  if (support.length > 0 && state.budget-- > 0) {
    const others: Direction = { ...dir, support, label: `${dir.label} without the columns of its wrong-looking entries` };
    const m = yield* numericJv(state.lines, others);
    const norm = largestComponent(others);
    const sharing = owned.filter((i) => !rowAgrees(state, 0, m.jv[i], m.errors[i], norm, 0));
    yield* takeOut(state, dir, owner, sharing, colour, first);
    const seen = new Set(sharing);
    pending = owned.filter((i) => !seen.has(i));
  }
  // A sharer that is itself the column of a wrong-looking entry (a forgotten Hᵢⱼ between two
  // columns of one colour) needs two such columns, and random signs to show.
  if (suspects.size < 2) return;
  for (let round = 0; round < SIGN_ROUNDS && pending.length > 0 && state.budget-- > 0; round++) {
    const sharing = yield* sharersBySigns(state, dir, owner, pending, first, round);
    if (sharing.length === 0) return;
    yield* takeOut(state, dir, owner, sharing, colour, first);
    const seen = new Set(sharing);
    pending = pending.filter((i) => !seen.has(i));
  }
}

/** The outputs among `rows` whose entry reads differently along the colour with random signs. */
function* sharersBySigns(
  state: SparseState,
  dir: Direction,
  owner: Int32Array,
  rows: readonly number[],
  first: JvMeasure,
  round: number,
): Measurement<number[]> {
  const { rtol, atol, seed } = state.lines.settings;
  const rng = createRandom(seed + 7919 * (round + 1) + dir.support[0]);
  const signs = new Map(Array.from(dir.support, (j) => [j, rng.next() < 0.5 ? -1 : 1]));
  const component = (j: number) => (signs.get(j) as number) * dir.component(j);
  const m = yield* numericJv(state.lines, { ...dir, component, label: `${dir.label} with random signs` });
  return rows.filter((i) => {
    const j = owner[i];
    const [v, w] = [first.taken(j), m.taken(j)];
    const error = first.errors[i] / Math.abs(v) + m.errors[i] / Math.abs(w);
    return !agrees(first.jv[i] / v, m.jv[i] / w, error, rtol, atol);
  });
}

/** Localises the sharers of `rows` in the colour and takes their share out of the colour's J·v. */
function* takeOut(
  state: SparseState,
  dir: Direction,
  owner: Int32Array,
  rows: number[],
  colour: JvMeasure,
  first: JvMeasure,
): Measurement<void> {
  if (rows.length === 0) return;
  const found = yield* localise(state, dir, first, rows);
  if (found.exhausted) {
    const n = state.pattern.cols;
    const analytic = (i: number) => state.A[i * n + owner[i]] * first.taken(owner[i]);
    unexplained(state, dir, found.unexplained, first.jv, analytic, true);
  }
  for (const e of found.found) {
    if (e.col === owner[e.row]) continue;
    const v = colour.taken(e.col);
    colour.jv[e.row] -= e.value * v;
    colour.errors[e.row] += e.error * Math.abs(v);
  }
}

/** Outputs whose J·v along the colour disagrees with their one entry (with 0, with the analytic sum of several). */
function disagreeing(
  state: SparseState,
  dir: Direction,
  owner: Int32Array,
  taken: (j: number) => number,
  jv: Float64Array,
  errors: Float64Array,
): number[] {
  const { A, pattern } = state;
  const { rtol, atol } = state.lines.settings;
  const norm = largestComponent(dir);
  const sums = owner.includes(SEVERAL) ? analyticJv(A, pattern, dir.support, taken) : undefined;
  const bad: number[] = [];
  for (let i = 0; i < jv.length; i++) {
    const j = owner[i];
    if (j === NONE) {
      if (!rowAgrees(state, 0, jv[i], errors[i], norm, 0)) bad.push(i);
    } else if (j === SEVERAL) {
      const a = sums as AnalyticJv;
      if (!rowAgrees(state, a.values[i], jv[i], errors[i] + a.errors[i], norm, a.scales[i])) bad.push(i);
    } else {
      const v = taken(j);
      if (!agrees(A[i * pattern.cols + j], jv[i] / v, errors[i] / Math.abs(v), rtol, atol)) bad.push(i);
    }
  }
  return bad;
}
