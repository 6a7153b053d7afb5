import { refuseReleasing, releaseTree } from '../numeric/adapters/release.js';
import { GradcheckError, formatNumber } from '../numeric/errors.js';
import { type Params, TreeLayout, displayPath } from '../numeric/tree.js';

/** The analytic gradient, flattened in θ's order, and whether computing it changed θ. */
export interface AnalyticGradient {
  readonly values: Float64Array;
  /** Set when grad mutated the θ it was given: which path, from what to what. */
  readonly mutation?: { readonly path: string; readonly before: number; readonly after: number };
}

/**
 * Evaluates the user's gradient (a function of θ, or a value) and checks that it has θ's
 * structure. grad receives a private copy of θ, so a mutating grad is caught and named instead
 * of corrupting the check. NaN or ±∞ entries are kept: the check compares them as failing
 * entries and names them in a `non-finite` diagnosis (a bug in grad, not a misuse of the
 * check), unless `requireFinite` asks for an error instead (a Taylor test has no entries to
 * report them in).
 * @internal
 */
export function analyticGradient(
  grad: unknown,
  layout: TreeLayout,
  caller: string,
  label = 'gradient',
  requireFinite = false,
): AnalyticGradient {
  if (typeof grad === 'function') {
    const copy = layout.workingCopy();
    const value: unknown = grad(copy.root());
    const changed = copy.firstDifference(layout.values);
    const read = returnedGradient(value, layout, caller, label, requireFinite);
    if (changed < 0) return read;
    return {
      ...read,
      mutation: { path: displayPath(layout.pathAt(changed)), before: layout.values[changed], after: copy.get(changed) },
    };
  }
  if (grad === undefined || grad === null) {
    throw new GradcheckError(`${caller}: grad must be a function of θ or a ${label} value, but got ${String(grad)}`);
  }
  return readGradient(grad, false, layout, caller, label, requireFinite);
}

/**
 * What a grad function returned, read as the gradient: a Promise or null refused, then read as
 * `analyticGradient` reads a value, and freed (a jax-js gradient's arrays are disposed).
 * @internal
 *
 * @example
 * const read = returnedGradient(yield* callUser(grad, [copy.root()]), layout, 'checkGradient');
 */
export function returnedGradient(
  value: unknown,
  layout: TreeLayout,
  caller: string,
  label = 'gradient',
  requireFinite = false,
): AnalyticGradient {
  refuseReleasing(value, caller, 'grad');
  if (value === undefined || value === null) {
    throw new GradcheckError(`${caller}: grad returned ${String(value)}; it must return the ${label} with θ's structure`);
  }
  return readGradient(value, true, layout, caller, label, requireFinite);
}

function readGradient(
  value: unknown,
  returned: boolean,
  layout: TreeLayout,
  caller: string,
  label: string,
  requireFinite: boolean,
): AnalyticGradient {
  const mismatch = layout.structureMismatch(value, label);
  if (mismatch) throw new GradcheckError(`${caller}: ${mismatch}${swappedHint(returned, value, layout)}`);
  const values = TreeLayout.of(value as Params).values;
  // Read: what grad returned is gradcheck's, and its tensors (jax-js Arrays) are freed.
  if (returned) releaseTree(value);
  const bad = requireFinite ? values.findIndex((v) => !Number.isFinite(v)) : -1;
  if (bad >= 0) {
    throw new GradcheckError(
      `${caller}: the ${label} is ${formatNumber(values[bad])} at ${displayPath(layout.pathAt(bad))}; every entry must be finite`,
    );
  }
  return { values };
}

/**
 * A gradient function that returned one number for a θ of several entries is most often the
 * loss itself: f and grad were passed the wrong way round.
 */
function swappedHint(returned: boolean, value: unknown, layout: TreeLayout): string {
  if (!returned || typeof value !== 'number' || layout.size < 2) return '';
  return '. grad returned one number, as a loss does: are f and grad swapped? The loss comes first: expect(loss).toHaveGradient(grad, { at }) or checkGradient(loss, grad, { at })';
}
