import type { Domain } from '../numeric/domains.js';
import { formatNumber } from '../numeric/errors.js';
import { ScalarEvaluator } from '../numeric/evaluate.js';
import { AT_THETA, type Measurement, evaluateOne } from '../numeric/measure/protocol.js';
import { type NestedArray, type Params, type TreeLayout, displayPath } from '../numeric/tree.js';
import { requireFunction } from '../numeric/validate.js';
import { analyticGradientOf } from './_internals/analyticOf.js';
import { summarize, tolerance } from './compare.js';
import { type DiagnosisInput, explain, groupsOfLayout, kinkDiagnosis } from './diagnose/index.js';
import { type NumericEstimate, type Visit, estimateNumeric } from './estimate.js';
import { resolveMethod } from '../numeric/methods/resolve.js';
import { differenceEvaluations, evaluationStage, groupDigits } from './timeAndProgress/index.js';
import { fastGradientCheck } from './fast.js';
import { type GuardOutcome, type Mutation, atThetaWhenNonFinite, guard, probeFloat32Storage, writesOf } from './guards/index.js';
import { type CheckPlan, runPlan } from './_internals/run.js';
import { referenceOf } from './_internals/reference.js';
import { reportTail } from './_internals/tail.js';
import { type Compared, comparedCoordinates, shardNote } from './shards/shard.js';
import type { Diagnosis, OneSidedEntry, ReportData } from './report.js';
import { publicSettings, resolveSettings } from './settings/resolve.js';
import type { Settings } from './settings/types.js';
import { type EntryVerdicts, judgeEntries } from './verdict.js';

/** A gradient: a function of θ returning a tree shaped like θ, or such a tree itself. */
export type GradientSpec<P extends Params = Params> = ((theta: P) => GradientLike<P>) | GradientLike<P>;

/** Whether a type has function-valued keys: a class instance (a tensor type), not plain data. */
type HasMethods<T> = { [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T] extends never
  ? false
  : true;

/**
 * What a gradient may be for θ of type P: θ's structure with numeric leaves in any form (a
 * `number[]` leaf may come back as a `Float64Array`, a matrix as rows of typed arrays), so that
 * a `0` where θ holds an array, or a missing key, is a compile error. Tensor objects of other
 * libraries (ml-matrix, ndarray, …) are checked at run time.
 */
export type GradientLike<P> = P extends number
  ? number
  : P extends Float64Array | Float32Array | readonly number[]
    ? ArrayLike<number>
    : P extends readonly (infer E)[]
      ? readonly GradientLike<E>[]
      : P extends object
        ? HasMethods<P> extends true
          ? Params
          : { readonly [K in keyof P]: GradientLike<P[K]> } | TensorData
        : Params;

/**
 * A leaf given as plain numbers: for a tensor type registered as plain data (`{ rows, cols,
 * cells }`), whose shape only the adapter knows.
 */
type TensorData = NestedArray | readonly ArrayLike<number>[] | ArrayLike<number>;

/** What the full check measured: the numerical gradient and how it was obtained. */
interface Measured extends NumericEstimate {
  readonly evaluations: number;
  readonly indices: Int32Array | undefined;
  /** Coordinates the whole check compares (over all shards). */
  readonly coordinates: number;
  readonly visit: Visit;
  /** Where f wrote into θ (its working copy), if it did. */
  readonly fMutation: Mutation | undefined;
  /** Whether every value of f was float32-exact (float64 checks only). */
  readonly float32: boolean;
}

/**
 * `checkGradient` as a plan: the resolved settings and the measurement (fast mode branches off
 * to `fastGradientCheck`), for a driver to run. Settings → analytic gradient → measure → judge
 * → guards → diagnoses → report.
 * @internal
 */
export function gradientPlan(f: unknown, grad: unknown, options: unknown, caller: string, subject = 'gradient'): CheckPlan {
  requireFunction(f, caller, 'f (the function under test)');
  const settings = resolveSettings(options, subject === 'derivative' ? 'derivative' : 'gradient', caller);
  const fn = f as (theta: unknown) => unknown;
  const full = (s: Settings) => fullGradientCheck(fn, grad, s, subject);
  return { settings, measurement: settings.mode === 'fast' ? fastGradientCheck(fn, grad, settings, full) : full(settings) };
}

/**
 * `checkGradient` with the name of the public function that was called, for messages.
 * @internal
 */
export function gradientCheck(f: unknown, grad: unknown, options: unknown, caller: string, subject = 'gradient'): ReportData {
  return runPlan(gradientPlan(f, grad, options, caller, subject));
}

/** The full check: analytic gradient → measure → judge → guards → diagnoses → report. */
function* fullGradientCheck(
  fn: (theta: unknown) => unknown,
  grad: unknown,
  settings: Settings,
  subject: string,
): Measurement<ReportData> {
  const { caller } = settings;
  const analytic = yield* analyticGradientOf(grad, settings.layout, caller);
  const a = analytic.values;
  const atTheta = () => evaluateOne(new ScalarEvaluator(fn, caller), AT_THETA);
  const measured = yield* atThetaWhenNonFinite(measure(fn, settings, a), atTheta);
  const verdicts = judgeEntries(
    a,
    measured.numeric,
    measured.errors,
    measured.recheck,
    settings.layout,
    settings,
    settings.kinks,
    measured.visit,
  );
  // A float64 f can still keep θ in float32 (weights copied into a Float32Array): probe it once entries disagree.
  const storage = storageSuspected(verdicts, settings, measured.float32)
    ? yield* probeFloat32Storage(fn, settings, a)
    : undefined;
  const m = storage ? { ...measured, evaluations: measured.evaluations + storage.calls } : measured;
  const guards = guard({
    float32Storage: storage?.path === undefined ? undefined : { path: storage.path, step: settings.step },
    repeats: m.recheck?.nondeterministic?.map((v) => Float64Array.of(v)),
    mutations: [
      { who: 'f', mutation: m.fMutation },
      { who: 'grad', mutation: analytic.mutation },
    ],
    float32Step: m.float32 && leansOnError(a, m, verdicts, settings) ? settings.step : undefined,
  });
  const notRechecked = guards.invalid ? 0 : verdicts.mismatches.filter((x) => !m.recheck?.entries.has(x.index)).length;
  return finish(settings, subject, { a, m, verdicts, guards, notRechecked });
}

/**
 * Rounding θ to float32 moves each difference by about ε₃₂·|θᵢ|/hᵢ relative (≈ 6e-4 at the
 * default step, 7e-5 seen on P4-small): disagreements all below this look like float32 storage,
 * larger ones like a bug, which the storage probe would only cost 2 calls to confirm.
 */
const STORAGE_SUSPECT_REL_ERROR = 0.01;

/** Whether a float64 check's disagreements look like float32 storage (all small, f not float32 itself). */
function storageSuspected(verdicts: EntryVerdicts, settings: Settings, float32Values: boolean): boolean {
  const { mismatches } = verdicts;
  if (settings.precision !== 'float64' || float32Values || mismatches.length === 0) return false;
  return mismatches.every((x) => x.relError < STORAGE_SUSPECT_REL_ERROR);
}

/** The numerical gradient at the settings' method and step, with re-checks. */
function* measure(f: (theta: unknown) => unknown, settings: Settings, a: Float64Array): Measurement<Measured> {
  const { layout, caller } = settings;
  const compared = comparedCoordinates(layout.size, settings);
  const { indices } = compared;
  // Around each call of f, the evaluation stage: the float32 watch (float64 checks), progress, the time budget.
  const stage = evaluationStage(settings, evaluationPlan(settings, compared));
  const evaluator = new ScalarEvaluator(f, caller, 'f', stage.hooks);
  const visit: Visit = (fn) => {
    if (indices) for (const i of indices) fn(i);
    else for (let i = 0; i < layout.size; i++) fn(i);
  };
  const context = { evaluator, layout, settings, domain: settings.domain, adaptive: settings.adaptive, indices, visit, caller };
  let estimate: NumericEstimate;
  try {
    estimate = yield* estimateNumeric(context, a);
  } finally {
    stage.end();
  }
  const recheckMutation = estimate.recheck?.mutation;
  const fMutation = recheckMutation
    ? {
        path: displayPath(layout.pathAt(recheckMutation.index)),
        before: layout.values[recheckMutation.index],
        after: recheckMutation.after,
      }
    : yield* writesOf(layout);
  const { coordinates } = compared;
  return { ...estimate, evaluations: evaluator.count, indices, coordinates, visit, fMutation, float32: stage.watch.suspected() };
}

/** The full check's evaluations (2 per compared coordinate for central differences) and its name in messages. */
function evaluationPlan(settings: Settings, compared: Compared) {
  const k = compared.indices ? compared.indices.length : settings.layout.size;
  const entries = `${groupDigits(k)} entries`;
  const what = settings.shard
    ? `shard ${settings.shard.index} of ${settings.shard.count} of a full check (${entries})`
    : `full check of ${entries}`;
  return { total: differenceEvaluations(resolveMethod(settings.method), k), what, coordinates: k };
}

/**
 * A float32 f in a float64 check fails the check when entries disagree, or agree only thanks to
 * a float32-sized error estimate: they were not checked to the precision asked for.
 */
function leansOnError(a: Float64Array, m: Measured, verdicts: EntryVerdicts, settings: Settings): boolean {
  if (verdicts.mismatches.length > 0) return true;
  let leaning = false;
  m.visit((i) => {
    if (Math.abs(a[i] - m.numeric[i]) > tolerance(a[i], m.numeric[i], settings.rtol, settings.atol)) leaning = true;
  });
  return leaning;
}

/** What the diagnosis registry sees of the full check: θ's tensors as groups, θ's values for term fits. */
function diagnosisInput(
  settings: Settings,
  a: Float64Array,
  m: Measured,
  verdicts: EntryVerdicts,
  notRechecked: number,
): DiagnosisInput {
  // Entries outside a sample carry NaN: the registry takes finite reference values as compared.
  let numeric = m.numeric;
  if (m.indices) {
    numeric = new Float64Array(a.length).fill(Number.NaN);
    for (const i of m.indices) numeric[i] = m.numeric[i];
  }
  return {
    analytic: a,
    numeric,
    errors: m.errors,
    failing: verdicts.failing,
    groups: groupsOfLayout(settings.layout),
    theta: settings.layout.values,
    settings: publicSettings(settings),
    rechecked: m.recheck?.entries,
    unresolved: verdicts.unresolved.map((u) => u.index),
    notRechecked,
    kinks: verdicts.kinks,
    kinkPolicy: settings.kinks,
    float32Values: m.float32 && settings.precision === 'float64',
  };
}

/** Everything the report stage of the full check needs. */
interface Outcome {
  readonly a: Float64Array;
  readonly m: Measured;
  readonly verdicts: EntryVerdicts;
  readonly guards: GuardOutcome;
  readonly notRechecked: number;
}

/**
 * The report, through the one report tail: kinks named as such count in no summary figure;
 * the registry's diagnoses when f can be trusted, only the kinks when it cannot.
 */
function finish(settings: Settings, subject: string, o: Outcome): ReportData {
  const { a, m, verdicts, guards } = o;
  const summary = summarize(a, m.numeric, judgedIndices(m, verdicts, settings));
  const oneSided = oneSidedEntries(m.sides, settings.layout, settings.domain);
  const checked = m.indices ? m.indices.length : settings.layout.size;
  const notes = [...oneSidedNotes(oneSided), ...(settings.shard ? [shardNote(settings.shard, checked, m.coordinates)] : [])];
  const said = (found: { diagnoses: readonly Diagnosis[]; notes: readonly string[] }) => ({
    diagnoses: found.diagnoses,
    hints: [...found.diagnoses.map((d) => d.message), ...found.notes],
  });
  return reportTail({
    settings,
    check: subject === 'derivative' ? 'derivative' : 'gradient',
    evaluations: m.evaluations,
    size: settings.layout.size,
    checked,
    summary,
    mismatches: verdicts.mismatches,
    kinks: verdicts.kinks,
    unresolved: verdicts.unresolved,
    analytic: a,
    numeric: m.numeric,
    errors: m.errors,
    guards,
    diagnose: () => said(explain(diagnosisInput(settings, a, m, verdicts, o.notRechecked))),
    untrusted: () => said({ diagnoses: verdicts.kinks.map((k) => kinkDiagnosis(k, settings.kinks)), notes: [] }),
    body: { ...(oneSided.length > 0 ? { oneSided } : {}), ...shardFields(settings, m) },
    extras: { notRechecked: o.notRechecked, notes, reference: referenceOf(settings) },
  });
}

/** A shard's report carries its share and θ, for `mergeReports`; other reports carry neither. */
function shardFields(settings: Settings, m: Measured) {
  if (!settings.shard) return {};
  const { index, count } = settings.shard;
  return { shard: { index, count, coordinates: m.coordinates }, theta: Float64Array.from(settings.layout.values) };
}

/**
 * The compared entries minus the kinks that were named and passed: a correct ReLU at 0 has a
 * large |a − n| that says nothing about the gradient, so it counts in no summary figure.
 */
function judgedIndices(m: Measured, verdicts: EntryVerdicts, settings: Settings): Int32Array | undefined {
  const excused = new Set(verdicts.kinks.filter((k) => k.matchesOneSide && settings.kinks === 'report').map((k) => k.index));
  if (excused.size === 0) return m.indices;
  const out: number[] = [];
  m.visit((i) => {
    if (!excused.has(i)) out.push(i);
  });
  return Int32Array.from(out);
}

/** The entries whose stencil turned one-sided at a bound. */
function oneSidedEntries(sides: Int8Array | undefined, layout: TreeLayout, domain: Domain | undefined): OneSidedEntry[] {
  const out: OneSidedEntry[] = [];
  if (!sides || !domain) return out;
  for (let i = 0; i < sides.length; i++) {
    if (sides[i] === 0) continue;
    const side = sides[i] > 0 ? 'forward' : 'backward';
    out.push({
      path: displayPath(layout.pathAt(i)),
      index: i,
      side,
      bound: side === 'forward' ? domain.lower[i] : domain.upper[i],
    });
  }
  return out;
}

/** How many entries to name in the one-sided note. */
const ONE_SIDED_SHOWN = 5;

function oneSidedNotes(entries: readonly OneSidedEntry[]): string[] {
  if (entries.length === 0) return [];
  const shown = entries.slice(0, ONE_SIDED_SHOWN).map((e) => `${e.path} (${e.side}, bound ${formatNumber(e.bound)})`);
  const more = entries.length > ONE_SIDED_SHOWN ? `, …and ${entries.length - ONE_SIDED_SHOWN} more` : '';
  const verb = entries.length === 1 ? 'entry sits' : 'entries sit';
  return [
    `One-sided differences: ${entries.length} ${verb} within a step of its bound, so f was not evaluated across it: ${shown.join(', ')}${more}.`,
  ];
}
