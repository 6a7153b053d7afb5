/**
 * What every stage of fast mode shares: the settings, the analytic gradient, one counting
 * evaluator on one private working copy of θ, and the watches the guard stage reads.
 */
import { directionalStep } from '../../numeric/directions.js';
import { ScalarEvaluator } from '../../numeric/evaluate.js';
import { type TreeLayout, type WorkingCopy, displayPath } from '../../numeric/tree.js';
import { evaluationStage } from '../evaluation/index.js';
import type { Float32Watch, Mutation } from '../guards/index.js';
import type { Settings } from '../settings/types.js';

/** One fast check in progress. */
export interface FastRun {
  readonly settings: Settings;
  readonly layout: TreeLayout;
  /** The analytic gradient, flat. */
  readonly g: Float64Array;
  /** Counts every call of f (`report.evaluations`). */
  readonly evaluator: ScalarEvaluator<unknown>;
  readonly copy: WorkingCopy;
  /** Every flat index: the support of a whole direction. */
  readonly all: Int32Array;
  /** The step along a whole direction (`directionalStep`). */
  readonly t: number;
  /** Whether every value of f was float32-exact (read only in float64). */
  readonly float32: Float32Watch;
  /** Whether f wrote into θ on its first call. */
  readonly writes: FirstCallWrites;
}

/**
 * Watches f's first call for writes into the θ it was given. Every move along a whole
 * direction restores all of θ after the call, which would hide the damage, so the copy is
 * compared before and after that call: one O(n) comparison, no extra call of f. (A write on a
 * later call is caught by the look at θ after the determinism probe, when something failed.)
 */
export class FirstCallWrites {
  private watched = false;
  /** The first write f made on its first call, if it made one. */
  mutation: Mutation | undefined;

  constructor(
    private readonly layout: TreeLayout,
    private readonly copy: WorkingCopy,
  ) {}

  /** Calls f on θ, comparing the copy around the call the first time. */
  call(f: (theta: unknown) => unknown, theta: unknown): unknown {
    if (this.watched) return f(theta);
    this.watched = true;
    const before = Float64Array.from({ length: this.layout.size }, (_, i) => this.copy.get(i));
    const value = f(theta);
    const changed = this.copy.firstDifference(before);
    if (changed >= 0) {
      const path = displayPath(this.layout.pathAt(changed));
      this.mutation = { path, before: this.layout.values[changed], after: this.copy.get(changed) };
    }
    return value;
  }
}

/**
 * Starts a fast check: the working copy, f wrapped in the evaluation stage (the float32 watch,
 * progress, the pre-flight) and the first-call write watch, and the directional step.
 *
 * @example
 * const run = startRun(f, analytic.values, settings);
 * run.evaluator.count; // 0
 */
export function startRun(f: (theta: unknown) => unknown, g: Float64Array, settings: Settings): FastRun {
  const { layout, precision } = settings;
  const copy = layout.workingCopy();
  const writes = new FirstCallWrites(layout, copy);
  // 2 calls per direction on a correct gradient; the report stage ends the stage.
  const plan = { total: 2 * settings.directions, what: `fast check (${settings.directions} directions)` };
  const stage = evaluationStage(f, settings, plan);
  const float32 = stage.watch;
  const evaluator = new ScalarEvaluator<unknown>((theta) => writes.call(stage.f, theta), settings.caller);
  const all = Int32Array.from({ length: layout.size }, (_, i) => i);
  const t = directionalStep(settings.step, layout.size, precision);
  return { settings, layout, g, evaluator, copy, all, t, float32, writes };
}
