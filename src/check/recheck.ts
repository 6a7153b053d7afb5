import { type StencilSample, applyMethod } from '../numeric/apply.js';
import type { DifferenceSettings, Partials } from '../numeric/differences.js';
import { stencil } from '../numeric/domains.js';
import type { ScalarEvaluator } from '../numeric/evaluate.js';
import { type KinkEvidence, kinkFromLadder } from '../numeric/kinks.js';
import { coordinateLine } from '../numeric/line.js';
import { backward, forward, recheckMethod as recheckOf } from '../numeric/methods/builtins.js';
import type { FiniteDifferenceMethod } from '../numeric/methods/method.js';
import { resolveMethod } from '../numeric/methods/resolve.js';
import { roundoffError, scaledStep } from '../numeric/precision.js';
import { AT_THETA, type Measurement, evaluateOne, look } from '../numeric/measure/protocol.js';
import { probeContext, sharedCenter } from '../numeric/probe.js';
import type { TreeLayout } from '../numeric/tree.js';

export { KINK_GAP_RATIO, KINK_SIDE_SPREAD, type KinkEvidence } from '../numeric/kinks.js';

/**
 * Suspect entries (those the first pass could not confirm) are looked at again with
 * a Richardson ladder over the steps h, h/2, h/4: 4 more calls of f each (2 for
 * one-sided methods), which removes truncation error and yields an error estimate.
 */
export const RECHECK_LEVELS = 3;

/** At most this many suspects are re-checked; the rest keep the first pass's verdict. */
export const RECHECK_LIMIT = 256;

/** A Richardson error estimate this many times the first pass's round-off estimate is noise, not round-off. */
export const NOISE_RATIO = 100;

/** Extra calls of f(θ) when the re-check sees noise, to catch randomness the first two calls missed. */
export const EXTRA_PROBES = 3;

/** What a re-check found for one entry. */
export interface EntryRecheck {
  /** The derivative from the re-check's Richardson ladder. */
  readonly value: number;
  /** Its error estimate (the ladder's plus round-off). */
  readonly error: number;
  /** The first pass's difference quotient at the base step. */
  readonly first: number;
  /** Round-off estimate of the first pass's quotient. */
  readonly firstRoundoff: number;
  /** The first pass's half-width (central) or step (one-sided). */
  readonly firstStep: number;
  readonly kink?: KinkEvidence;
}

/** The outcome of re-checking suspects. */
export interface RecheckOutcome {
  /** f(θ) as first evaluated. */
  readonly f0: number;
  /** Set when f(θ) differed between calls: the values seen. */
  readonly nondeterministic?: readonly number[];
  /** Set when the probe call of f wrote to θ: the first entry it changed, and to what. */
  readonly mutation?: { readonly index: number; readonly after: number };
  /** Re-checked entries by flat index. */
  readonly entries: ReadonlyMap<number, EntryRecheck>;
}

/** Everything a re-check needs from the first pass. @internal */
export interface RecheckContext {
  readonly evaluator: ScalarEvaluator<unknown>;
  readonly layout: TreeLayout;
  readonly settings: DifferenceSettings;
  readonly partials: Partials;
}

/**
 * Evaluates f(θ) twice (a non-deterministic f makes every difference meaningless, and one that
 * writes to θ is caught right after the call), then re-checks each suspect with Richardson
 * ladders and one-sided differences; when those scatter like noise, f(θ) is probed
 * EXTRA_PROBES more times.
 * @internal
 */
export function* recheckSuspects(ctx: RecheckContext, suspects: readonly number[]): Measurement<RecheckOutcome> {
  const atTheta = () => evaluateOne(ctx.evaluator, AT_THETA);
  const first = ctx.partials.f0 ?? (yield* atTheta());
  const second = yield* atTheta();
  // f may write to θ and the perturbation loop restores each entry after it, hiding the damage: look right after a call at θ.
  const mutation = yield* look('now');
  if (mutation) return { f0: first, mutation, entries: new Map() };
  if (second !== first) {
    const third = yield* atTheta();
    return { f0: first, nondeterministic: [first, second, third], entries: new Map() };
  }
  const entries = new Map<number, EntryRecheck>();
  const method = resolveMethod(ctx.settings.method);
  for (const i of suspects) {
    // With bounds, a central first pass may have gone one-sided on some entries (partials.sides).
    const side = ctx.partials.sides?.[i] || method.side;
    if (side !== 0) entries.set(i, yield* recheckOneSided(ctx, i, first, side));
    else if (method.offsets.length === 2) entries.set(i, yield* recheckCentral(ctx, i, first));
    else entries.set(i, yield* recheckMethod(ctx, method, i, first));
  }
  // Quotients scattering far beyond round-off may be randomness the two probes missed (dropout
  // drawing the same mask twice): probe a few more times before blaming the step or the gradient.
  if ([...entries.values()].some((e) => e.error > NOISE_RATIO * e.firstRoundoff)) {
    const seen = [first, second];
    for (let k = 0; k < EXTRA_PROBES; k++) {
      const value = yield* atTheta();
      seen.push(value);
      if (value !== first) return { f0: first, nondeterministic: seen, entries: new Map() };
    }
  }
  return { f0: first, entries };
}

/** The coordinate line of entry i over the re-check's working copy. */
function lineOf(ctx: RecheckContext, i: number, f0: number) {
  const { precision, domain } = ctx.settings;
  const probe = probeContext(ctx.evaluator, ctx.layout, precision, domain);
  return coordinateLine(probe, i, sharedCenter(probe, f0));
}

/** The first pass's sample of entry i for a two-point method, rebuilt from the partials (no call of f). */
function firstSample(ctx: RecheckContext, method: FiniteDifferenceMethod, i: number, f0: number): StencilSample<number> {
  const { partials } = ctx;
  const s = partials.steps[i];
  const valueAt = (o: number) => (o < 0 ? partials.fMinus[i] : o > 0 ? partials.fPlus[i] : f0);
  return { nodes: method.offsets.map((o) => o * s), values: method.offsets.map(valueAt), step: s };
}

/** The re-check's ladder over a method: RECHECK_LEVELS steps, halving. */
function recheckLadder(method: FiniteDifferenceMethod): FiniteDifferenceMethod {
  return recheckOf(method, RECHECK_LEVELS) ?? method;
}

function* recheckCentral(ctx: RecheckContext, i: number, f0: number): Measurement<EntryRecheck> {
  const { settings } = ctx;
  const method = resolveMethod(settings.method);
  // In float32 the base step is already the round-off optimum (∛ε): smaller steps only add
  // noise, so the sequence comes down from 4h to the first pass's h instead of going below it.
  const x = ctx.layout.values[i];
  const top = 2 ** (RECHECK_LEVELS - 1);
  const roomy = !settings.domain || stencil(settings.domain, i, x, top * scaledStep(settings.step, x)).side === 0;
  const up = settings.precision === 'float32' && roomy ? top : 1;
  const level = up === 1 ? 0 : RECHECK_LEVELS - 1;
  const h = scaledStep(settings.step, x) * up;
  const known = { level, sample: firstSample(ctx, method, i, f0) };
  const estimate = yield* applyMethod(recheckLadder(method), lineOf(ctx, i, f0), h, settings.precision, known);
  const ladder = estimate.samples.map((s) => ({
    fMinus: s.values[0],
    dMinus: s.nodes[0],
    fPlus: s.values[1],
    dPlus: s.nodes[1],
  }));
  const kink = kinkFromLadder(f0, ladder, settings.precision);
  return { value: estimate.value, error: estimate.error, ...firstPass(ctx, i, f0), kink };
}

/** A method of more than two points (from fdm): its own ladder from the first pass's step, without reuse. */
function* recheckMethod(ctx: RecheckContext, method: FiniteDifferenceMethod, i: number, f0: number): Measurement<EntryRecheck> {
  const estimate = yield* applyMethod(recheckLadder(method), lineOf(ctx, i, f0), ctx.partials.steps[i], ctx.settings.precision);
  return { value: estimate.value, error: estimate.error, ...firstPass(ctx, i, f0) };
}

/** The first pass's quotient for entry i and its round-off estimate, kept to tell round-off from truncation. */
function firstPass(ctx: RecheckContext, i: number, f0: number): Pick<EntryRecheck, 'first' | 'firstRoundoff' | 'firstStep'> {
  const { partials, settings } = ctx;
  const step = partials.steps[i];
  const fScale = Math.max(Math.abs(partials.fPlus[i] || 0), Math.abs(partials.fMinus[i] || 0), Math.abs(f0));
  const firstRoundoff = Number.isNaN(partials.roundoff[i])
    ? roundoffError(settings.precision, fScale, step)
    : partials.roundoff[i];
  return { first: partials.values[i], firstRoundoff, firstStep: step };
}

/** A one-sided first pass (the method's, or forced by a bound): its ladder, reusing the first step. */
function* recheckOneSided(ctx: RecheckContext, i: number, f0: number, side: number): Measurement<EntryRecheck> {
  const method = side > 0 ? forward : backward;
  const known = { level: 0, sample: firstSample(ctx, method, i, f0) };
  const estimate = yield* applyMethod(
    recheckLadder(method),
    lineOf(ctx, i, f0),
    ctx.partials.steps[i],
    ctx.settings.precision,
    known,
  );
  return { value: estimate.value, error: estimate.error, ...firstPass(ctx, i, f0) };
}
