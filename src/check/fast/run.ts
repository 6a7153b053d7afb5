/**
 * What every stage of fast mode shares: the settings, the analytic gradient, one counting
 * evaluator, the method, and the watches the guard stage reads.
 */
import { directionalStep } from '../../numeric/directions.js';
import { ScalarEvaluator } from '../../numeric/evaluate.js';
import type { Measurement } from '../../numeric/measure/protocol.js';
import type { FiniteDifferenceMethod } from '../../numeric/methods/method.js';
import { resolveMethod } from '../../numeric/methods/resolve.js';
import { probeContext, sharedCenter } from '../../numeric/probe.js';
import type { TreeLayout } from '../../numeric/tree.js';
import { differenceEvaluations, evaluationStage } from '../timeAndProgress/index.js';
import type { Float32Watch } from '../guards/index.js';
import type { Settings } from '../settings/types.js';

/** One fast check in progress. */
export interface FastRun {
  readonly settings: Settings;
  readonly layout: TreeLayout;
  /** The analytic gradient, flat. */
  readonly g: Float64Array;
  /** Counts every call of f (`report.evaluations`). */
  readonly evaluator: ScalarEvaluator<unknown>;
  /** Every flat index: the support of a whole direction. */
  readonly all: Int32Array;
  /** The step along a whole direction (`directionalStep`). */
  readonly t: number;
  /** Whether every value of f was float32-exact (read only in float64). */
  readonly float32: Float32Watch;
  /** The method every direction and coordinate is measured with. */
  readonly method: FiniteDifferenceMethod;
  /** f(θ), evaluated once and shared (a grid with 0). */
  readonly center: () => Measurement<number>;
  /** f's noise σ, measured along the first direction that disagreed (undefined before). */
  readonly noise: { sigma?: number };
  /** Ends the evaluation stage (progress). */
  end(): void;
}

/**
 * Starts a fast check: f's evaluator with the evaluation stage around each call (the float32
 * watch, progress, the time budget), f(θ) shared by the directions when the method's grid
 * holds 0, and the directional step.
 *
 * @example
 * const run = startRun(f, analytic.values, settings);
 * run.evaluator.count; // 0
 */
export function startRun(f: (theta: unknown) => unknown, g: Float64Array, settings: Settings): FastRun {
  const { layout, precision } = settings;
  const method = resolveMethod(settings.method);
  const plan = {
    total: differenceEvaluations(method, settings.directions),
    what: `fast check (${settings.directions} directions)`,
  };
  const stage = evaluationStage(settings, plan);
  const evaluator = new ScalarEvaluator<unknown>(f, settings.caller, 'f', stage.hooks);
  const all = Int32Array.from({ length: layout.size }, (_, i) => i);
  const t = directionalStep(settings.step, layout.size, precision);
  const center = sharedCenter(probeContext(evaluator, layout, precision));
  return { settings, layout, g, evaluator, all, t, float32: stage.watch, method, center, noise: {}, end: () => stage.end() };
}

/**
 * The step along a direction of `support` entries that f's measured noise asks for: where the
 * noise's share of a central difference (∝ σ/t) meets its truncation (∝ t²·√support for a
 * third derivative of order one per entry, the signs random): (3σ/√support)^⅓; 0 before the
 * noise is measured. A sum over 10⁶ terms (σ ≈ 1e-8) gets 3.4e-4 instead of step/√n = 1e-7.
 *
 * @example
 * noiseStep({ ...run, noise: { sigma: 1.3e-8 } }, 1e6); // ≈ 3.4e-4
 */
export function noiseStep(run: Pick<FastRun, 'noise'>, support: number): number {
  const sigma = run.noise.sigma ?? 0;
  return sigma > 0 ? Math.cbrt((3 * sigma) / Math.sqrt(Math.max(1, support))) : 0;
}
