import { Ladder, type StencilSample, differenceSample, sampleLines, scalarReading } from './apply.js';
import { type Bounds, type Domain, type Side, stencil } from './domains.js';
import { GradcheckError, formatNumber } from './errors.js';
import type { ScalarEvaluator } from './evaluate.js';
import { type Line, coordinateLine } from './line.js';
import type { Measurement } from './measure/protocol.js';
import { ADAPTIVE_LEVELS, ADAPTIVE_START } from './richardson.js';
import { extrapolated, richardson } from './methods/builtins.js';
import type { FiniteDifferenceMethod } from './methods/method.js';
import { type MethodName, methodForSide, resolveMethod } from './methods/resolve.js';
import { type Precision, roundoffError, scaledStep } from './precision.js';
import { type ProbeContext, probeContext, sharedCenter } from './probe.js';
import type { TreeLayout } from './tree.js';

export { place } from './probe.js';
export { defaultRichardsonStep } from './methods/builtins.js';

/**
 * How the derivative along one coordinate is estimated: a method's name, or a method value
 * from `fdm(…)` (a fourth-order central method is `fdm([-2, -1, 1, 2])`).
 */
export type DifferenceMethod = MethodName | FiniteDifferenceMethod;

/** Options shared by every numerical differentiation in gradcheck. */
export interface DiffOptions {
  /**
   * Base step h; each coordinate uses hᵢ = step · max(1, |θᵢ|).
   * @defaultValue 1e-4 in float64 (the seed's ε), ∛ε ≈ 4.9e-3 in float32; 1.25e-2 for `'richardson'`;
   * for a method value, its own `defaultStep(precision)`
   */
  step?: number;
  /**
   * `'central'`: (f(θ+hᵢeᵢ) − f(θ−hᵢeᵢ)) / 2hᵢ, 2n calls of f. `'forward'` / `'backward'`:
   * one-sided, n + 1 calls. `'richardson'`: central differences at hᵢ, hᵢ/2, hᵢ/4, hᵢ/8 (8 calls
   * per coordinate) extrapolated in Ridders' tableau, each entry with its own error estimate
   * (README, "Checking float32 code and choosing a method"). Or a method value from `fdm(…)`:
   * one call per non-zero offset and coordinate, plus f(θ) once when an offset is 0.
   * @defaultValue 'central'
   */
  method?: DifferenceMethod;
  /**
   * Precision f computes in. Inferred as `'float32'` when θ holds a `Float32Array`; decides the
   * default step and tolerances, and in float32 perturbed values are rounded to float32.
   */
  precision?: Precision;
  /**
   * Where f is defined: `[lo, hi]` for every entry, or intervals keyed by parameter path
   * (`{ sigma: [0, Infinity] }`). Near a bound the stencil turns one-sided (forward at a lower
   * bound, backward at an upper one) so that f is never evaluated outside; the report names
   * the entries that went one-sided.
   */
  bounds?: Bounds;
  /**
   * With `method: 'richardson'`: choose the step per coordinate from the extrapolation's own
   * error estimates, starting ADAPTIVE_START (6) times larger than `step` and halving it up to
   * ADAPTIVE_LEVELS (10) times, keeping the estimate with the smallest error (up to 20 calls of f
   * per coordinate instead of 8).
   * @defaultValue false
   */
  adaptive?: boolean;
}

/** Raw one-coordinate differences: the estimate plus what diagnoses need to look deeper. */
export interface Partials {
  /** Numerical derivative per coordinate (NaN where a coordinate was not visited). */
  readonly values: Float64Array;
  /** Step actually taken per coordinate: the half-width of a central stencil, the step of a one-sided one. */
  readonly steps: Float64Array;
  /** f at the smallest positive offset (θ + hᵢeᵢ for the built-ins) per coordinate (NaN where not evaluated). */
  readonly fPlus: Float64Array;
  /** f at the smallest negative offset (θ − hᵢeᵢ) per coordinate (NaN where not evaluated). */
  readonly fMinus: Float64Array;
  /** Round-off estimate of each quotient, from its method's error model (NaN where not visited). */
  readonly roundoff: Float64Array;
  /** f(θ) when the method needed it. */
  readonly f0?: number;
  /**
   * Only with bounds: per coordinate, the side a bound forced (+1 forward, −1 backward), 0 where
   * the method's own stencil was used.
   */
  readonly sides?: Int8Array;
}

/** Resolved settings for one run of differences. */
export interface DifferenceSettings {
  /** Any method without extrapolation (by name or value); `'richardson'` goes through `richardsonPartials`. */
  readonly method: DifferenceMethod;
  readonly step: number;
  readonly precision: Precision;
  /** Bounds per entry: near one, the stencil turns one-sided. */
  readonly domain?: Domain;
}

/**
 * Resolves `DiffOptions` against θ: precision inferred from Float32Array leaves.
 * @example
 * resolvePrecision({}, TreeLayout.of(new Float32Array(3))); // 'float32'
 */
export function resolvePrecision(options: DiffOptions, layout: TreeLayout): Precision {
  return options.precision ?? (layout.dtype === 'float64' ? 'float64' : 'float32');
}

/**
 * The base step: options.step, or the method's default for the precision.
 * @example
 * baseStep({ method: 'richardson' }, 'float64'); // 0.0125
 */
export function baseStep(options: DiffOptions, precision: Precision): number {
  if (options.step !== undefined) return options.step;
  return resolveMethod(options.method).defaultStep(precision);
}

function stepTooSmall(caller: string, path: string, x: number, h: number): GradcheckError {
  return new GradcheckError(
    `${caller}: the step ${formatNumber(h)} does not change ${path} = ${formatNumber(x)} at this precision; use a larger options.step`,
  );
}

/** How far a method's grid reaches from θ, in units of h. */
function reachOf(method: FiniteDifferenceMethod): number {
  return Math.max(Math.abs(method.offsets[0]), Math.abs(method.offsets[method.offsets.length - 1]));
}

/**
 * The method and step for coordinate i: the method's own stencil when it fits inside the
 * bounds, otherwise the one-sided one that does (with the step shortened to the room there is).
 * @internal
 */
export function coordinateStencil(
  method: FiniteDifferenceMethod,
  domain: Domain | undefined,
  i: number,
  x: number,
  h: number,
): { method: FiniteDifferenceMethod; h: number; side: Side } {
  const reach = reachOf(method);
  const fit = stencil(domain, i, x, reach * h, method.side);
  const base = methodForSide(method, fit.side);
  const chosen = base === method || !method.extrapolation ? base : extrapolated(base, method.extrapolation, method.name);
  return { method: chosen, h: Math.min(h, fit.h / reachOf(chosen)), side: fit.side };
}

/** Where a sample's f(θ ± hᵢeᵢ) sit: the smallest positive and negative offsets. */
function neighbours(method: FiniteDifferenceMethod): { plus: number; minus: number } {
  const plus = method.offsets.findIndex((o) => o > 0);
  let minus = -1;
  method.offsets.forEach((o, k) => {
    if (o < 0) minus = k;
  });
  return { plus, minus };
}

/** One pass of differences, as arrays per coordinate. */
function emptyPartials(n: number, withSides: boolean) {
  const nan = () => new Float64Array(n).fill(Number.NaN);
  return {
    values: nan(),
    steps: nan(),
    fPlus: nan(),
    fMinus: nan(),
    roundoff: nan(),
    sides: withSides ? new Int8Array(n) : undefined,
  };
}

/**
 * Differences along the coordinates `indices` (all when omitted), by any method without
 * extrapolation, in batches of points. Exactly one call of f per non-zero offset and
 * coordinate, plus one at θ when an offset is 0 (or a bound forces a one-sided stencil): 2n for
 * central differences, n + 1 for one-sided ones, 4n for `fdm([-2, -1, 1, 2])`.
 * @example
 * runSync(differencePartials(evaluator, layout, { method: 'central', step: 1e-4, precision: 'float64' }, 'numericGradient'), layout).values;
 * @internal
 */
export function* differencePartials(
  evaluator: ScalarEvaluator<unknown>,
  layout: TreeLayout,
  settings: DifferenceSettings,
  caller: string,
  indices?: ArrayLike<number>,
): Measurement<Partials> {
  const { step, precision, domain } = settings;
  const method = resolveMethod(settings.method);
  const ctx = probeContext(evaluator, layout, precision, domain);
  const out = emptyPartials(layout.size, domain !== undefined);
  const center = sharedCenter(ctx);
  // One-sided methods evaluate f(θ) before any coordinate, as the seed's recipe does.
  if (method.offsets.includes(0)) yield* center();
  const count = indices ? indices.length : layout.size;
  // Coordinates go in groups of one stencil each (bounds may change a coordinate's stencil).
  let group: Stencilled[] = [];
  const flush = function* () {
    yield* measureGroup(ctx, group, caller, out);
    group = [];
  };
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    const x = layout.values[i];
    const chosen = coordinateStencil(method, domain, i, x, scaledStep(step, x));
    // Record only what the bounds changed: the side differs from the method's own.
    if (out.sides && chosen.side !== method.side) out.sides[i] = chosen.side;
    if (group.length > 0 && group[0].method !== chosen.method) yield* flush();
    group.push({ i, method: chosen.method, h: chosen.h, line: coordinateLine(ctx, i, center) });
  }
  yield* flush();
  const f0 = method.offsets.includes(0) || out.sides?.some((s) => s !== 0) ? yield* center() : undefined;
  return { ...out, f0 };
}

/** A coordinate with its stencil chosen. */
interface Stencilled {
  readonly i: number;
  readonly method: FiniteDifferenceMethod;
  readonly h: number;
  readonly line: Line<number>;
}

/** The coordinates of one stencil, sampled in batches, and their quotients. */
function* measureGroup(
  ctx: ProbeContext<number>,
  group: readonly Stencilled[],
  caller: string,
  out: ReturnType<typeof emptyPartials>,
): Measurement<void> {
  if (group.length === 0) return;
  const { method } = group[0];
  const samples = yield* sampleLines(
    method,
    group.map((c) => c.line),
    group.map((c) => c.h),
  );
  const { plus, minus } = neighbours(method);
  group.forEach(({ i, h }, k) => {
    const sample: StencilSample<number> = samples[k];
    if (sample.step === 0) throw stepTooSmall(caller, ctx.layout.pathAt(i), ctx.layout.values[i], h);
    const d = differenceSample(method, sample, scalarReading);
    out.values[i] = d.quotient;
    out.steps[i] = d.halfWidth;
    out.roundoff[i] = roundoffError(ctx.precision, d.fScale, sample.step);
    if (plus >= 0) out.fPlus[i] = sample.values[plus];
    if (minus >= 0) out.fMinus[i] = sample.values[minus];
  });
}

/** Richardson estimates per coordinate: values and error estimates (NaN where not visited). */
export interface EstimatedPartials {
  readonly values: Float64Array;
  readonly errors: Float64Array;
  /** Finest half-width (central) or step (one-sided) behind each winning estimate. */
  readonly steps: Float64Array;
  /** Per coordinate, the stencil taken (0 central, ±1 one-sided); only with bounds. */
  readonly sides?: Int8Array;
}

/** Extra settings of `richardsonPartials`. */
export interface RichardsonSettings {
  /** Bounds per entry: near one, the sequence is one-sided. */
  readonly domain?: Domain;
  /** Choose the step per coordinate from the error estimates (see `DiffOptions.adaptive`). */
  readonly adaptive?: boolean;
  /** The extrapolated method. @defaultValue `richardson` (central differences, 4 levels, ratio 2) */
  readonly method?: FiniteDifferenceMethod;
}

/**
 * Richardson-extrapolated differences along `indices` (all when omitted): the method's base
 * stencil at hᵢ, hᵢ/2, hᵢ/4, … (its ladder's levels, fewer when round-off takes over), e.g. 2
 * calls of f per step for central differences. With `adaptive`, the sequence starts
 * ADAPTIVE_START·hᵢ and runs up to ADAPTIVE_LEVELS steps. Near a bound the sequence is
 * one-sided (1 call per step plus f(θ) once).
 * @example
 * runSync(richardsonPartials(evaluator, layout, 1.25e-2, 'float64'), layout).values;
 * @internal
 */
export function* richardsonPartials(
  evaluator: ScalarEvaluator<unknown>,
  layout: TreeLayout,
  step: number,
  precision: Precision,
  indices?: ArrayLike<number>,
  extra: RichardsonSettings = {},
): Measurement<EstimatedPartials> {
  const { domain, adaptive } = extra;
  const given = extra.method ?? richardson;
  const ladder = given.extrapolation ?? richardson.extrapolation;
  const method = adaptive && ladder ? extrapolated(given, { ...ladder, levels: ADAPTIVE_LEVELS }, given.name) : given;
  const start = adaptive ? ADAPTIVE_START * step : step;
  const ctx = probeContext(evaluator, layout, precision, domain);
  const center = sharedCenter(ctx);
  const out = emptyPartials(layout.size, domain !== undefined);
  const errors = new Float64Array(layout.size).fill(Number.NaN);
  const count = indices ? indices.length : layout.size;
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    const x = layout.values[i];
    const chosen = coordinateStencil(method, domain, i, x, scaledStep(start, x));
    if (out.sides) out.sides[i] = chosen.side;
    const estimate = yield* new Ladder(chosen.method, coordinateLine(ctx, i, center), chosen.h).estimate(
      scalarReading,
      precision,
    );
    out.values[i] = estimate.value;
    errors[i] = estimate.error;
    out.steps[i] = estimate.step;
  }
  return { values: out.values, errors, steps: out.steps, sides: out.sides };
}

/**
 * The first pass of a gradient check by any method, with an error estimate per coordinate:
 * a plain method's quotients and their round-off (`differencePartials`), or the estimates of
 * a method with its own ladder and the ladder's error (`richardsonPartials`, adaptive when
 * asked). Undefined fields of `Partials` are NaN for a laddered method.
 *
 * @example
 * const first = yield* firstPass(evaluator, layout, { method: forward, step, precision: 'float64' }, 'checkGradient');
 * first.errors; // round-off per coordinate
 * @internal
 */
export function* firstPass(
  evaluator: ScalarEvaluator<unknown>,
  layout: TreeLayout,
  settings: DifferenceSettings & { readonly adaptive?: boolean },
  caller: string,
  indices?: ArrayLike<number>,
): Measurement<Partials & { readonly errors: Float64Array }> {
  const method = resolveMethod(settings.method);
  if (!method.extrapolation) {
    const partials = yield* differencePartials(evaluator, layout, settings, caller, indices);
    return { ...partials, errors: partials.roundoff };
  }
  const extra = { domain: settings.domain, adaptive: settings.adaptive, method };
  const laddered = yield* richardsonPartials(evaluator, layout, settings.step, settings.precision, indices, extra);
  const nan = () => new Float64Array(layout.size).fill(Number.NaN);
  return { ...laddered, fPlus: nan(), fMinus: nan(), roundoff: nan() };
}
