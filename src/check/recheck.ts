import { type DifferenceSettings, type Partials, place } from '../numeric/differences.js';
import { stencil } from '../numeric/domains.js';
import type { ScalarEvaluator } from '../numeric/evaluate.js';
import { roundoffError, scaledStep } from '../numeric/precision.js';
import { type DifferenceSample, centralSample, richardson } from '../numeric/richardson.js';
import type { TreeLayout, WorkingCopy } from '../numeric/tree.js';

/**
 * Suspect entries (those the first pass could not confirm) are looked at again with
 * Richardson extrapolation over the steps h, h/2, h/4: 4 more calls of f each (2 for
 * one-sided methods), which removes truncation error and yields an error estimate.
 */
export const RECHECK_LEVELS = 3;

/** At most this many suspects are re-checked; the rest keep the first pass's verdict. */
export const RECHECK_LIMIT = 256;

/**
 * A kink shows as one-sided derivatives whose gap does not shrink with the step: for a smooth
 * f the gap at h/4 is a quarter of the gap at h, at a kink it stays. Above this ratio, a kink.
 */
export const KINK_GAP_RATIO = 0.6;

/** A Richardson error estimate this many times the first pass's round-off estimate is noise, not round-off. */
export const NOISE_RATIO = 100;

/** Extra calls of f(θ) when the re-check sees noise, to catch randomness the first two calls missed. */
export const EXTRA_PROBES = 3;

/** A side whose last two quotients differ by more than this fraction of the gap is noise, not a kink. */
export const KINK_SIDE_SPREAD = 0.25;

/** One-sided derivatives of an entry at a non-differentiable point. */
export interface KinkEvidence {
  readonly left: number;
  readonly right: number;
  readonly leftError: number;
  readonly rightError: number;
}

/** What a re-check found for one entry. */
export interface EntryRecheck {
  /** The extrapolated derivative. */
  readonly value: number;
  /** Its error estimate (extrapolation plus round-off). */
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
  readonly copy: WorkingCopy;
  readonly settings: DifferenceSettings;
  readonly partials: Partials;
}

/** f at θ with entry i moved by about `delta`; returns f and the displacement actually taken. */
function moved(ctx: RecheckContext, i: number, delta: number): { f: number; d: number } {
  const x = ctx.layout.values[i];
  const stored = place(ctx.copy, i, x + delta, ctx.settings.precision, ctx.settings.domain);
  const f = ctx.evaluator.call(ctx.copy.root(), { path: ctx.layout.pathAt(i), delta: stored - x });
  ctx.copy.set(i, x);
  return { f, d: stored - x };
}

/**
 * Evaluates f(θ) twice (a non-deterministic f makes every difference meaningless, and one that
 * writes to θ is caught right after the call), then re-checks each suspect with Richardson
 * extrapolation and one-sided differences; when those scatter like noise, f(θ) is probed
 * EXTRA_PROBES more times.
 * @internal
 */
export function recheckSuspects(ctx: RecheckContext, suspects: readonly number[]): RecheckOutcome {
  const root = ctx.copy.root();
  const first = ctx.partials.f0 ?? ctx.evaluator.call(root, {});
  const second = ctx.evaluator.call(ctx.copy.root(), {});
  // f may write to θ and the perturbation loop restores each entry after it, hiding the damage: look right after a call at θ.
  const changed = ctx.copy.firstDifference(ctx.layout.values);
  if (changed >= 0) {
    const mutation = { index: changed, after: ctx.copy.get(changed) };
    for (let i = 0; i < ctx.layout.size; i++) ctx.copy.set(i, ctx.layout.values[i]);
    return { f0: first, mutation, entries: new Map() };
  }
  if (second !== first) {
    const third = ctx.evaluator.call(ctx.copy.root(), {});
    return { f0: first, nondeterministic: [first, second, third], entries: new Map() };
  }
  const entries = new Map<number, EntryRecheck>();
  for (const i of suspects) {
    // With bounds, a central first pass may have gone one-sided on some entries (partials.sides).
    const oneSided = ctx.settings.method !== 'central' || (ctx.partials.sides?.[i] ?? 0) !== 0;
    entries.set(i, oneSided ? recheckOneSided(ctx, i, first) : recheckCentral(ctx, i, first));
  }
  // Quotients scattering far beyond round-off may be randomness the two probes missed (dropout
  // drawing the same mask twice): probe a few more times before blaming the step or the gradient.
  if ([...entries.values()].some((e) => e.error > NOISE_RATIO * e.firstRoundoff)) {
    const seen = [first, second];
    for (let k = 0; k < EXTRA_PROBES; k++) {
      const value = ctx.evaluator.call(ctx.copy.root(), {});
      seen.push(value);
      if (value !== first) return { f0: first, nondeterministic: seen, entries: new Map() };
    }
  }
  return { f0: first, entries };
}

function recheckCentral(ctx: RecheckContext, i: number, f0: number): EntryRecheck {
  const { partials, settings } = ctx;
  // In float32 the base step is already the round-off optimum (∛ε): smaller steps only add
  // noise, so the sequence comes down from 4h to the first pass's h instead of going below it.
  const x = ctx.layout.values[i];
  const top = 2 ** (RECHECK_LEVELS - 1);
  const roomy = !settings.domain || stencil(settings.domain, i, x, top * scaledStep(settings.step, x)).side === 0;
  const up = settings.precision === 'float32' && roomy ? top : 1;
  const reused = up === 1 ? 0 : RECHECK_LEVELS - 1;
  const h = scaledStep(settings.step, ctx.layout.values[i]) * up;
  const plus: { f: number; d: number }[] = [];
  const minus: { f: number; d: number }[] = [];
  const estimate = richardson(
    (level): DifferenceSample => {
      if (level === reused) {
        const halfWidth = partials.steps[i];
        plus.push({ f: partials.fPlus[i], d: halfWidth });
        minus.push({ f: partials.fMinus[i], d: -halfWidth });
        return centralSample(partials.fPlus[i], partials.fMinus[i], halfWidth);
      }
      const hk = h / 2 ** level;
      const p = moved(ctx, i, hk);
      const m = moved(ctx, i, -hk);
      plus.push(p);
      minus.push(m);
      return centralSample(p.f, m.f, (p.d - m.d) / 2);
    },
    RECHECK_LEVELS,
    settings.precision,
  );
  return { value: estimate.value, error: estimate.error, ...firstPass(ctx, i, f0), kink: kinkEvidence(ctx, f0, plus, minus) };
}

/** The first pass's quotient for entry i and its round-off estimate, kept to tell round-off from truncation. */
function firstPass(ctx: RecheckContext, i: number, f0: number): Pick<EntryRecheck, 'first' | 'firstRoundoff' | 'firstStep'> {
  const { partials, settings } = ctx;
  const fScale = Math.max(Math.abs(partials.fPlus[i] || 0), Math.abs(partials.fMinus[i] || 0), Math.abs(f0));
  const step = partials.steps[i];
  return { first: partials.values[i], firstRoundoff: roundoffError(settings.precision, fScale, step), firstStep: step };
}

/**
 * One-sided derivatives from the samples at h, h/2, h/4: a kink when their gap does not
 * shrink with the step. Each side is extrapolated (2·D(h/4) − D(h/2)) to cancel its O(h) term.
 */
function kinkEvidence(
  ctx: RecheckContext,
  f0: number,
  plus: readonly { f: number; d: number }[],
  minus: readonly { f: number; d: number }[],
): KinkEvidence | undefined {
  const levels = Math.min(plus.length, minus.length);
  if (levels < 3) return undefined;
  const right = plus.map((p) => (p.f - f0) / p.d);
  const left = minus.map((m) => (m.f - f0) / m.d);
  const gapFirst = Math.abs(right[0] - left[0]);
  const gapLast = Math.abs(right[levels - 1] - left[levels - 1]);
  const fScale = Math.max(Math.abs(f0), ...plus.map((p) => Math.abs(p.f)), ...minus.map((m) => Math.abs(m.f)));
  const noise = 2 * roundoffError(ctx.settings.precision, fScale, plus[levels - 1].d);
  if (!(gapLast > KINK_GAP_RATIO * gapFirst && gapLast > 10 * noise)) return undefined;
  const extrapolate = (d: readonly number[]) => 2 * d[levels - 1] - d[levels - 2];
  const sideError = (d: readonly number[]) => Math.abs(d[levels - 1] - d[levels - 2]) + noise;
  // Each side of a kink settles (its quotients change by O(h)); noise in f (an iteration stopped at a
  // tolerance, quantised values) makes both sides jump by as much as their gap: that is no kink.
  if (Math.max(sideError(left), sideError(right)) > KINK_SIDE_SPREAD * gapLast) return undefined;
  return { left: extrapolate(left), right: extrapolate(right), leftError: sideError(left), rightError: sideError(right) };
}

function recheckOneSided(ctx: RecheckContext, i: number, f0: number): EntryRecheck {
  const { partials, settings } = ctx;
  const sign = partials.sides?.[i] || (settings.method === 'forward' ? 1 : -1);
  // The step the first pass took (bounds may have shortened it).
  const h = partials.steps[i];
  const estimate = richardson(
    (level): DifferenceSample => {
      if (level === 0) {
        const fs = sign > 0 ? partials.fPlus[i] : partials.fMinus[i];
        return { quotient: partials.values[i], halfWidth: partials.steps[i], fScale: Math.max(Math.abs(fs), Math.abs(f0)) };
      }
      const s = moved(ctx, i, (sign * h) / 2 ** level);
      return { quotient: (s.f - f0) / s.d, halfWidth: Math.abs(s.d), fScale: Math.max(Math.abs(s.f), Math.abs(f0)) };
    },
    RECHECK_LEVELS,
    settings.precision,
    'all',
  );
  return { value: estimate.value, error: estimate.error, ...firstPass(ctx, i, f0) };
}
