/**
 * The probes: a few seeded random directions (Rademacher signs times max(1, |θⱼ|), as fast
 * mode draws them) along which every output's numerical J·v is compared with the analytic one.
 * The colours prove the pattern's entries and see most mass outside it themselves; the probes
 * see what the colours cannot: forgotten entries of one output whose shares cancel within a
 * colour (random signs split them with probability ½ per probe), and localise them.
 */
import { directionalStep, rademacher } from '../../numeric/directions.js';
import type { Measurement } from '../../numeric/measure/protocol.js';
import { createRandom } from '../../numeric/random.js';
import { RECHECK_LIMIT } from '../recheck.js';
import type { Settings } from '../settings/types.js';
import { localise } from './localise.js';
import { type Direction, analyticJv, numericJv, recheckJv } from './measure.js';
import { type SparseState, failingRows, largestComponent, rowAgrees, unexplained } from './state.js';

/**
 * The step t of the probes: fast mode's directional step over all of θ (step/√n in float64),
 * so that the whole move has the length of one coordinate's step, whatever the pattern.
 *
 * @example
 * probeStep(settings); // 1e-6 for 10 000 entries at the default step
 */
export function probeStep(settings: Settings): number {
  return directionalStep(settings.step, settings.layout.size, settings.precision);
}

/**
 * The random directions: every entry of θ moves, by t · max(1, |θⱼ|).
 *
 * @example
 * probeDirections(state, 10); // 10 directions over all of θ
 */
export function probeDirections(state: SparseState, count: number): Direction[] {
  const { settings } = state.lines;
  const x = settings.layout.values;
  const n = x.length;
  const rng = createRandom(settings.seed);
  const all = Int32Array.from({ length: n }, (_, j) => j);
  const step = probeStep(settings);
  return Array.from({ length: count }, (_, p) => {
    const signs = rademacher(n, rng);
    return { support: all, component: (j) => signs[j] * Math.max(1, Math.abs(x[j])), label: `random direction ${p}`, step };
  });
}

/**
 * Measures the probes: 2 calls each (central) on a correct matrix. Each output's J·v is compared
 * with the analytic J·v, except at outputs that fail already (an entry named wrong): they would
 * only be found again. What disagrees is re-checked by Richardson, then localised; what
 * localisation cannot pin on entries is a finding.
 *
 * @example
 * yield* measureProbes(state, 10); // state.values holds the forgotten entries found, by (output, column)
 */
export function* measureProbes(state: SparseState, count: number): Measurement<void> {
  let rechecked = 0;
  for (const dir of probeDirections(state, count)) {
    const measure = yield* numericJv(state.lines, dir);
    state.checkRows(measure.jv.length);
    const a = analyticJv(state.A, state.pattern, dir.support, measure.taken);
    const jv = Float64Array.from(measure.jv);
    const errors = Float64Array.from(measure.errors, (e, i) => e + a.errors[i]);
    const norm = largestComponent(dir);
    const failing = failingRows(state);
    const disagree = () =>
      [...jv.keys()].filter((i) => !failing.has(i) && !rowAgrees(state, a.values[i], jv[i], errors[i], norm, a.scales[i]));
    let bad = disagree();
    if (bad.length > 0 && measure.recheck && rechecked++ < RECHECK_LIMIT) {
      for (const [i, est] of yield* recheckJv(state.lines, measure, bad)) {
        jv[i] = est.value;
        errors[i] = est.error + a.errors[i];
      }
      bad = disagree();
    }
    if (bad.length === 0) continue;
    const found = yield* localise(state, dir, measure, bad);
    unexplained(state, dir, found.unexplained, jv, (i) => a.values[i], found.exhausted);
  }
}
