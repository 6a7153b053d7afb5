/**
 * The localise stage of fast mode: group testing along the first confirmed disagreeing
 * direction, each coordinate found confirmed by its own central difference (and re-check).
 */
import { type DirectionProbe, type DirectionalMeasure, directionalStep } from '../../numeric/directions.js';
import { type GroupTests, type Localization, localize, splitGroup } from '../../numeric/groupTesting.js';
import type { Measurement } from '../../numeric/measure/protocol.js';
import { displayPath } from '../../numeric/tree.js';
import { agrees, mismatchOf, worstFirst } from '../compare.js';
import type { KinkEntry, Mismatch } from '../report.js';
import { type DirectionResult, FAST_RECHECK_LEVELS, directionProbe, disagrees } from './directions.js';
import { kinkAt } from './kinks.js';
import { type FastRun, noiseStep } from './run.js';

/** At most this many wrong coordinates are localised; the rest are summarised by tensor. */
export const LOCALIZE_LIMIT = 10;

/** What localisation found along one direction. */
export interface Localised {
  /** The direction it descended. */
  readonly index: number;
  readonly found: Localization;
  /** Calls of f it took. */
  readonly cost: number;
  /** Localised coordinates that disagree, worst first. */
  readonly mismatches: readonly Mismatch[];
  /** Localised coordinates at kinks (failing only with `kinks: 'fail'` or when neither side matches). */
  readonly kinks: readonly KinkEntry[];
  /** Partial derivatives of the coordinates confirmed one by one (NaN elsewhere). */
  readonly numeric: Float64Array;
  readonly errors: Float64Array;
}

/** The coordinates confirmed so far along one descent. */
interface Confirmation {
  readonly run: FastRun;
  readonly probe: DirectionProbe;
  /** f(θ), for the one-sided quotients at kinks. */
  readonly f0: number;
  readonly numeric: Float64Array;
  readonly errors: Float64Array;
  readonly mismatches: Mismatch[];
  readonly kinks: KinkEntry[];
}

/**
 * Coordinate i's own central difference (a one-coordinate measure is one, at hᵢ = step·max(1,
 * |θᵢ|)), re-checked by Richardson when it disagrees; records the value, and a mismatch or kink.
 * Returns whether coordinate i is wrong.
 */
function* confirmCoordinate(c: Confirmation, i: number, measured: DirectionalMeasure | undefined): Measurement<boolean> {
  const { run, probe } = c;
  const { step, rtol, atol, kinks: policy } = run.settings;
  const a = run.g[i];
  const di = probe.component(i);
  const stepHere = Math.max(step, noiseStep(run, 1));
  let m = measured ?? (yield* probe.central(Int32Array.of(i), stepHere));
  if (!agrees(a, m.numeric / di, m.error / Math.abs(di), rtol, atol)) {
    m = yield* probe.richardson(Int32Array.of(i), stepHere, FAST_RECHECK_LEVELS, m);
  }
  const value = m.numeric / di;
  const err = m.error / Math.abs(di);
  c.numeric[i] = value;
  c.errors[i] = err;
  if (agrees(a, value, err, rtol, atol)) return false;
  const kink = kinkAt(run, i, m, di, c.f0);
  if (kink) c.kinks.push(kink);
  if (kink?.matchesOneSide && policy === 'report') return false;
  c.mismatches.push(mismatchOf(displayPath(run.layout.pathAt(i)), i, a, value, err, rtol, atol));
  return true;
}

/** Group testing's view of the run: measure a part at its own directional step, split at tensor boundaries. */
function groupTests(c: Confirmation): GroupTests {
  const { settings, layout } = c.run;
  const boundaries = layout.tensors.map((tensor) => tensor.offset);
  return {
    measure: (group) =>
      c.probe.central(
        group,
        Math.max(directionalStep(settings.step, group.length, settings.precision), noiseStep(c.run, group.length)),
      ),
    disagrees: (m) => disagrees(m, settings),
    split: (group) => splitGroup(group, boundaries),
    confirm: (i, measured) => confirmCoordinate(c, i, measured),
  };
}

/**
 * Localises the wrong coordinates behind a disagreeing direction (about 2·log₂ n calls of f
 * each, at most LOCALIZE_LIMIT of them).
 *
 * @example
 * const found = yield* localiseDirection(run, directions[confirmed], guards.f0);
 * found.mismatches.map((m) => m.path); // ['[34179]']
 */
export function* localiseDirection(run: FastRun, direction: DirectionResult, f0: number): Measurement<Localised> {
  const n = run.layout.size;
  const c: Confirmation = {
    run,
    probe: directionProbe(run, direction.signs, direction.index),
    f0,
    numeric: new Float64Array(n).fill(Number.NaN),
    errors: new Float64Array(n).fill(Number.NaN),
    mismatches: [],
    kinks: [],
  };
  const before = run.evaluator.count;
  const found = yield* localize(run.all, direction.measure, groupTests(c), LOCALIZE_LIMIT);
  c.mismatches.sort(worstFirst);
  const { numeric, errors, mismatches, kinks } = c;
  return { index: direction.index, found, cost: run.evaluator.count - before, mismatches, kinks, numeric, errors };
}
