import { formatNumber } from '../../numeric/errors.js';
import { type Measurement, look } from '../../numeric/measure/protocol.js';
import { displayPath, type TreeLayout, type WorkingCopy } from '../../numeric/tree.js';
import type { Diagnosis } from '../report.js';

/** A write into θ by a user function: where, from what, to what. */
export interface Mutation {
  readonly path: string;
  readonly before: number;
  readonly after: number;
}

/**
 * The first entry a user function changed in the private copy of θ it was given.
 *
 * @example
 * const copy = layout.workingCopy();
 * f(copy.root());
 * mutationOf(layout, copy); // { path: 'b[1]', before: -0.2, after: 7 } or undefined
 */
export function mutationOf(layout: TreeLayout, copy: WorkingCopy): Mutation | undefined {
  const changed = copy.firstDifference(layout.values);
  if (changed < 0) return undefined;
  return { path: displayPath(layout.pathAt(changed)), before: layout.values[changed], after: copy.get(changed) };
}

/**
 * The diagnosis of a function that wrote into θ (it fails every check: the differences were
 * taken around a moving point). One wording for f, grad, vjp, jvp, H and options.gradient.
 *
 * @example
 * mutationDiagnosis('vjp', { path: 'b[1]', before: -0.2, after: 7 }).message;
 * // 'vjp mutates θ: vjp changed b[1] from -0.2 to 7 (in the copy gradcheck passed it). vjp must not write to its input; copy θ first (an in-place update or normalisation?).'
 */
export function mutationDiagnosis(who: string, m: Mutation): Diagnosis {
  return {
    kind: 'mutates-input',
    paths: [m.path],
    share: 1,
    message:
      `${who} mutates θ: ${who} changed ${m.path} from ${formatNumber(m.before)} to ${formatNumber(m.after)} (in the copy gradcheck passed it). ` +
      `${who} must not write to its input; copy θ first (an in-place update or normalisation?).`,
  };
}

/**
 * A look for writes into θ by f, through the driver (its copies are put back to θ): `'now'`,
 * or the write of f's very first call.
 *
 * @example
 * const written = yield* writesOf(layout); // { path: 'b[1]', before: -0.2, after: 7 } or undefined
 */
export function* writesOf(layout: TreeLayout, what: 'now' | 'first-call' = 'now'): Measurement<Mutation | undefined> {
  const write = yield* look(what);
  if (!write) return undefined;
  return { path: displayPath(layout.pathAt(write.index)), before: layout.values[write.index], after: write.after };
}
