import { formatNumber } from '../../numeric/errors.js';
import type { Measurement } from '../../numeric/measure/protocol.js';
import type { Diagnosis } from '../report.js';

/** Calls of f at θ itself that the determinism probe makes, beyond one it already has. */
export const DETERMINISM_PROBES = 2;

/**
 * Calls f at θ until two calls disagree or `DETERMINISM_PROBES` more calls agreed with the
 * first: a check runs it only once something failed, so a correct check keeps its exact count.
 *
 * @example
 * yield* probeDeterminism(atTheta, first); // undefined when f is pure, else the values seen
 */
export function* probeDeterminism(
  evaluate: () => Measurement<Float64Array>,
  known?: Float64Array,
): Measurement<readonly Float64Array[] | undefined> {
  const first = known ?? (yield* evaluate());
  const seen = [first];
  for (let k = 0; k < DETERMINISM_PROBES; k++) {
    const next = yield* evaluate();
    seen.push(next);
    if (!sameValues(first, next)) return seen;
  }
  return undefined;
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/** The output entry whose values spread most over the calls. */
function widestEntry(samples: readonly Float64Array[]): { index: number; spread: number } {
  let index = 0;
  let spread = -1;
  for (let i = 0; i < samples[0].length; i++) {
    const values = samples.map((s) => s[i]);
    const s = Math.max(...values) - Math.min(...values);
    if (s > spread) [index, spread] = [i, s];
  }
  return { index, spread };
}

/**
 * The diagnosis of an f that returned different values at the same θ (dropout, sampling,
 * state kept between calls): every difference is then meaningless, so the check fails. One
 * wording for scalar and vector f (`outputName` names the entry of a vector output).
 *
 * @example
 * nondeterministicDiagnosis([Float64Array.of(1), Float64Array.of(1.02)]).message;
 * // 'f is not deterministic: f(θ) returned 1, 1.02 on 2 calls at the same θ (spread 0.02). …'
 */
export function nondeterministicDiagnosis(samples: readonly Float64Array[], outputName?: (i: number) => string): Diagnosis {
  const { index, spread } = widestEntry(samples);
  const values = samples.map((s) => formatNumber(s[index])).join(', ');
  const where = samples[0].length > 1 || outputName ? ` in ${outputName ? outputName(index) : `out[${index}]`}` : '';
  return {
    kind: 'nondeterministic',
    paths: ['θ'],
    share: 1,
    message:
      `f is not deterministic: f(θ) returned ${values}${where} on ${samples.length} calls at the same θ (spread ${formatNumber(spread)}). ` +
      'Finite differences need a pure function: turn off dropout and random sampling (or fix their seed inside f), and reset any state kept between calls.',
  };
}
