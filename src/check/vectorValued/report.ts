import type { ReportExtras } from '../_internals/buildReport.js';
import type { Summary } from '../compare.js';
import { NOTHING_FOUND, reportTail } from '../_internals/tail.js';
import { AT_THETA, type Measurement, evaluateOne } from '../../numeric/measure/protocol.js';
import { type Float32Watch, type Mutation, guard, probeDeterminism, writesOf } from '../guards/index.js';
import type { TreeLayout } from '../../numeric/tree.js';
import { type VectorEvaluator, outputName } from '../../numeric/vectorEvaluator.js';
import type { Diagnosis, Mismatch, ReportData, UnresolvedEntry } from '../report.js';
import type { Settings } from '../settings/types.js';

/**
 * An entry excused only by its own error estimate while off by more than half the largest
 * analytic value looks like noise, which is what a non-deterministic f makes: it triggers the
 * determinism probe as a wrong entry does. (A correct check whose unresolved entries sit near
 * round-off, such as the zeros of a Hessian, keeps its exact count.)
 */
export const WILD_UNRESOLVED = 0.5;

/** What a layer check (Jacobian, VJP, JVP, Hessian) hands to the shared tail of the pipeline. */
export interface LayerOutcome {
  readonly settings: Settings;
  readonly check: 'jacobian' | 'vjp' | 'jvp' | 'hessian';
  /** f (or options.gradient) at θ itself, through the check's counting evaluator: the determinism probe. */
  readonly atTheta: () => Measurement<Float64Array>;
  /** Calls of f so far (read after the determinism probe). */
  readonly evaluations: () => number;
  /** f at θ, when the check has it already (the probe then needs one call fewer). */
  readonly first?: Float64Array;
  /** Name of output entry i of f, for the non-determinism message. */
  readonly outputName?: (i: number) => string;
  /** The values of f seen, for the float32-in-float64 guard (float64 checks only). */
  readonly watch?: Float32Watch;
  /** Writes into θ by f and by the user's other function. */
  readonly mutations: readonly { readonly who: string; readonly mutation: Mutation | undefined }[];
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
  readonly errors: Float64Array;
  readonly mismatches: readonly Mismatch[];
  readonly unresolved: readonly UnresolvedEntry[];
  /** Summary over every compared value (all probes). */
  readonly summary: Summary;
  readonly size: number;
  readonly checked: number;
  /** Check-specific findings that fail the check (an asymmetric Hessian), stated before the diagnoses. */
  readonly findings?: readonly string[];
  /** The diagnoses of the disagreeing entries, asked for only when f is trustworthy. */
  readonly diagnose: () => { hints: string[]; diagnoses: Diagnosis[] };
  readonly extras?: ReportExtras;
}

/**
 * The shared tail of every layer check: guards (non-determinism probed at θ once something
 * disagrees, so a correct check keeps its exact count; writes into θ; float32 values in a
 * float64 check), then the diagnoses, the verdict and the report.
 *
 * @example
 * return yield* layerReport({ settings, check: 'vjp', atTheta: () => evaluateOne(evaluator, AT_THETA), first: y0, … });
 */
export function* layerReport(o: LayerOutcome): Measurement<ReportData> {
  const { settings, mismatches } = o;
  const failing = mismatches.length > 0;
  const scale = o.analytic.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const suspect = failing || o.unresolved.some((u) => Math.abs(u.analytic - u.numeric) > WILD_UNRESOLVED * scale);
  const repeats = suspect ? yield* probeDeterminism(o.atTheta, o.first) : undefined;
  const float32 = failing && settings.precision === 'float64' && o.watch?.suspected() === true;
  const guards = guard({
    repeats,
    outputName: o.outputName,
    mutations: o.mutations,
    float32Step: float32 ? settings.step : undefined,
  });
  return reportTail({
    ...o,
    evaluations: o.evaluations(),
    guards,
    diagnose: () => (failing ? o.diagnose() : NOTHING_FOUND),
  });
}

/** What the guards of a layer check need from its f: how to call it at θ, its count, its writes. */
export type FEvidence = Pick<LayerOutcome, 'atTheta' | 'evaluations' | 'outputName' | 'watch' | 'mutations'>;

/**
 * The guard evidence of a vector f evaluated on a working copy of θ, and of the user's other
 * function (`jac`, `vjp`, `jvp`): one place for what every vector layer check hands the guards.
 *
 * @example
 * yield* layerReport({ settings, check: 'jvp', ...(yield* fEvidence(evaluator, layout, out, watch, { who: 'jvp', mutation })), … });
 */
export function* fEvidence(
  evaluator: VectorEvaluator,
  layout: TreeLayout,
  out: TreeLayout,
  watch: Float32Watch,
  other: { readonly who: string; readonly mutation: Mutation | undefined },
): Measurement<FEvidence> {
  const written = yield* writesOf(layout);
  return {
    atTheta: () => evaluateOne(evaluator, AT_THETA),
    evaluations: () => evaluator.count,
    outputName: (i) => outputName(out, i),
    watch,
    mutations: [{ who: 'f', mutation: written }, other],
  };
}
