import type { Domain } from '../../numeric/domains.js';
import type { FiniteDifferenceMethod } from '../../numeric/methods/method.js';
import type { Precision } from '../../numeric/precision.js';
import type { Params, TreeLayout } from '../../numeric/tree.js';
import type { CheckKind } from './kinds.js';

/** What a check does with an entry it cannot settle (a kink, an unresolved entry). */
export type EntryPolicy = 'report' | 'fail';

/** What a progress callback is told, about once every 100 ms of a long check. */
export interface Progress {
  /** Evaluations of f done so far. */
  readonly done: number;
  /** Evaluations the check is expected to make in all (a projection: re-checks may add some). */
  readonly total: number;
  readonly elapsedMs: number;
  /** Projected time left, from the time per evaluation so far. */
  readonly etaMs: number;
}

/** `progress`: a live line on an interactive terminal (`'auto'`), nothing (`false`), or a callback. */
export type ProgressOption = 'auto' | false | ((progress: Progress) => void);

/** One share of a check's coordinates (`index` from 1 to `count`). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * `sparsity` of checkJacobian and checkHessian: `'auto'` (the analytic matrix's own nonzero
 * pattern), a boolean matrix (rows = outputs, columns = inputs; rows of booleans or 0/1, or one
 * flat row-major array), or `false` (every column).
 */
export type SparsityOption =
  | 'auto'
  | false
  | readonly (readonly (boolean | number)[] | ArrayLike<boolean | number>)[]
  | readonly (boolean | number)[];

/** When a failing matcher attaches its picture (Vitest). */
export type PicturesOption = 'on-failure' | 'always' | false;

/** The settings a check used, after defaults: the public part, copied into every report. */
export interface CheckSettings {
  /** The finite-difference method's name: one of METHOD_NAMES, or a method value's name. */
  readonly method: string;
  /**
   * The method's order of accuracy p (its truncation error is O(hᵖ)): 2 for central
   * differences, 1 for one-sided ones, 4 for `fdm([-2, -1, 1, 2])`; of the stencil an
   * method with its own Richardson ladder starts from.
   */
  readonly order?: number;
  readonly step: number;
  readonly precision: Precision;
  readonly rtol: number;
  readonly atol: number;
  readonly maxRelativeDifference?: number;
  readonly mode: 'full' | 'fast';
  readonly seed: number;
}

/**
 * Every option of every check, resolved once by `resolveSettings`: later stages read only this,
 * never the raw options object.
 * @internal
 */
export interface Settings extends Omit<CheckSettings, 'method'> {
  /** The finite-difference method, as a value. */
  readonly method: FiniteDifferenceMethod;
  /** The public function the user called (`checkVjp`, `toHaveGradient`), for messages. */
  readonly caller: string;
  readonly check: CheckKind;
  /** θ's layout (an empty layout for `allClose`, which has no θ). */
  readonly layout: TreeLayout;
  /** Whether the user chose the step (the Hessian's float32 default depends on it). */
  readonly stepGiven: boolean;
  /** Where f is defined, per entry (only with `bounds`). */
  readonly domain: Domain | undefined;
  readonly adaptive: boolean;
  /** Random directions: fast mode's (default 10) or the Taylor test's (default 3). */
  readonly directions: number;
  /** How many coordinates to sample (full gradient checks only). */
  readonly sample: number | undefined;
  readonly kinks: EntryPolicy;
  readonly unresolved: EntryPolicy;
  /** `cotangents` (checkVjp) or `tangents` (checkJvp) as given: a count, a vector or vectors. */
  readonly probes: unknown;
  /** `checkHessian`'s analytic gradient, when given. */
  readonly gradient: ((theta: Params) => Params) | undefined;
  /** `allClose`: whether NaN equals NaN. */
  readonly equalNaN: boolean;
  readonly pictures: PicturesOption;
  /** How many evaluations may be in flight at once (async checks). */
  readonly concurrency: number;
  readonly progress: ProgressOption;
  /** A time budget in ms for the pre-flight projection (besides the running test's timeout). */
  readonly timeLimit: number | undefined;
  /** The share of the coordinates this check covers (full gradient checks). */
  readonly shard: Shard | undefined;
  /** checkJacobian's and checkHessian's `sparsity` (shape checked once the matrix's is known). */
  readonly sparsity: SparsityOption;
  /** `performance.now()` when the check started, for `report.durationMs`. */
  readonly startedAt: number;
}
