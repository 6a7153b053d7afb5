import { GradcheckError } from '../../numeric/errors.js';
import { createRandom } from '../../numeric/random.js';
import { type Params, TreeLayout, displayPath } from '../../numeric/tree.js';
import { requireFinite } from './read.js';

/** Random or explicit vectors shaped like `like` (cotangents shaped like f's output, tangents like θ). */
export interface Probes {
  /** Flat vectors. */
  readonly flat: readonly Float64Array[];
  /** The same vectors in `like`'s structure, to pass to the user's function. */
  readonly trees: readonly Params[];
  /** Whether they were drawn at random. */
  readonly random: boolean;
}

/**
 * Resolves a `cotangents`/`tangents` option: a count of seeded random vectors with standard
 * normal entries (`fallback` when undefined), one vector shaped like `like`, or an array of them.
 *
 * @example
 * resolveProbes(undefined, outputLayout, 3, 0, 'checkVjp', 'cotangents').flat.length; // 3 seeded normal vectors
 */
export function resolveProbes(
  spec: unknown,
  like: TreeLayout,
  fallback: number,
  seed: number,
  caller: string,
  option: string,
): Probes {
  if (spec === undefined || typeof spec === 'number') {
    const count = spec ?? fallback;
    if (!Number.isInteger(count) || count < 1)
      throw new GradcheckError(
        `${caller}: options.${option} must be a whole number ≥ 1 or explicit vectors, but got ${String(spec)}`,
      );
    const rng = createRandom(seed);
    const flat = Array.from({ length: count }, () => Float64Array.from({ length: like.size }, () => rng.normal()));
    return { flat, trees: flat.map((v) => like.unflatten(v)), random: true };
  }
  const single = like.structureMismatch(spec, `options.${option}`);
  const list =
    single === undefined
      ? [spec]
      : Array.isArray(spec) && spec.length > 0 && spec.every((s) => like.structureMismatch(s, '') === undefined)
        ? spec
        : undefined;
  if (!list)
    throw new GradcheckError(
      `${caller}: options.${option} must be a count, one vector shaped like ${option === 'tangents' ? 'θ' : "f's output"}, or an array of them: ${single}`,
    );
  const flat = list.map((s, k) => {
    const values = TreeLayout.of(s as Params).values;
    requireFinite(values, caller, `options.${option}${list.length > 1 ? `[${k}]` : ''}`, (i) => displayPath(like.pathAt(i)));
    return values;
  });
  return { flat, trees: list as Params[], random: false };
}
