/**
 * Seeded random directions and directional derivatives of a scalar f, the measuring
 * instrument of fast mode: one direction costs 2 calls of f whatever the number of parameters.
 */
import { Ladder, type StencilSample, coefficientsAt, differenceSample, scalarReading } from './apply.js';
import type { ScalarEvaluator } from './evaluate.js';
import { type Line, directionLine } from './line.js';
import { type Measurement, evaluate } from './measure/protocol.js';
import { noiseLevel } from './noise.js';
import { central, extrapolated } from './methods/builtins.js';
import type { FiniteDifferenceMethod } from './methods/method.js';
import { FLOAT64_EPSILON, type Precision } from './precision.js';
import { type ProbeContext, probeContext } from './probe.js';
import type { Random } from './random.js';
import { type Estimate, RICHARDSON_RATIO } from './richardson.js';
import type { TreeLayout } from './tree.js';

/**
 * Rademacher signs rᵢ ∈ {−1, +1}. With dᵢ = rᵢ·sᵢ every coordinate enters each direction with
 * the same weight, so a single wrong entry shifts every directional derivative by exactly
 * |error|·sᵢ: whether it is caught depends only on its size, not on luck with the direction.
 *
 * @example
 * rademacher(4, createRandom(1)); // e.g. Int8Array [1, -1, -1, 1]
 */
export function rademacher(n: number, rng: Random): Int8Array {
  const signs = new Int8Array(n);
  for (let i = 0; i < n; i++) signs[i] = rng.next() < 0.5 ? -1 : 1;
  return signs;
}

/**
 * Step along a direction with `support` non-zero entries dᵢ = ±max(1, |θᵢ|).
 *
 * float64: t = step / √support. Every coordinate moves by t·max(1, |θᵢ|), so the whole
 * displacement has the length of a single-coordinate step: truncation error stays that of one
 * coordinate, and round-off grows only as √support (still far below the tolerance).
 *
 * float32: t = step. Round-off dominates there (f carries ~1e-7 relative error), and a
 * directional derivative is √support times smaller relative to f's rounding than a partial
 * one; moving every coordinate by its full step keeps the change of f well above its rounding,
 * and the Richardson re-check removes the larger truncation error. (Measured on P7: at
 * step/√n a sign flip of one entry hides in the round-off; at step it is caught and localised.)
 *
 * @example
 * directionalStep(1e-4, 10_000); // 1e-6 (float64)   directionalStep(4.9e-3, 10_000, 'float32'); // 4.9e-3
 */
export function directionalStep(step: number, support: number, precision: Precision = 'float64'): number {
  return precision === 'float32' ? step : step / Math.sqrt(Math.max(1, support));
}

/** A directional derivative measured along d restricted to a set of coordinates. */
export interface DirectionalMeasure {
  /** Finite-difference directional derivative D ≈ ⟨∇f, d_S⟩. */
  readonly numeric: number;
  /** ⟨g, d_S⟩ for the analytic gradient g, along the displacement actually taken. */
  readonly analytic: number;
  /** Estimated error of `numeric` plus the rounding of the analytic sum. */
  readonly error: number;
  /** ‖d_S‖₂ (for the absolute tolerance). */
  readonly norm: number;
  /**
   * Magnitude the relative tolerance applies to; max(|numeric|, |analytic|) when absent. Group
   * testing keeps it from growing down a descent, so that a part does not hide behind a larger
   * random projection than the direction it came from.
   */
  readonly scale?: number;
  /** Largest |f| seen (for the round-off of later refinements). */
  readonly fScale?: number;
  /** The central stencils behind the estimate, coarsest first (for one-sided looks at kinks). */
  readonly stencils?: readonly DirectionalStencil[];
  /** The first sample behind the estimate (reused by a re-check's ladder). */
  readonly sample?: StencilSample<number>;
}

/** f on both sides of θ along the direction at half-width t. */
export interface DirectionalStencil {
  readonly t: number;
  readonly fPlus: number;
  readonly fMinus: number;
}

/** Standard deviations of f's measured noise a directional measure allows for. */
export const NOISE_SIGMAS = 4;

/** Rounding error allowed in the analytic sum ⟨g, d⟩, in units of ε·Σ|gᵢdᵢ|. */
export const ANALYTIC_SUM_ULPS = 4;

/**
 * Measures directional derivatives of a scalar f along d = r ⊙ s (r: signs, s = max(1, |θ|))
 * restricted to sets of coordinates, with any method (`method`, central by default): the
 * method applied on the line t ↦ f(θ + t·d_S). Displacements are rounded to the working
 * precision and the analytic side is projected on the displacement actually taken, so float32
 * rounding does not masquerade as a gradient error.
 *
 * @example
 * const probe = new DirectionProbe(evaluator, layout, 'float64', rademacher(n, rng), g, 'random direction 0', center);
 * const m = yield* probe.central(all, directionalStep(1e-4, n)); // m.numeric ≈ m.analytic for a correct g
 * @internal
 */
export class DirectionProbe {
  private readonly context: ProbeContext<number>;

  constructor(
    evaluator: ScalarEvaluator<unknown>,
    private readonly layout: TreeLayout,
    private readonly precision: Precision,
    private readonly signs: Int8Array,
    private readonly analyticGradient: ArrayLike<number>,
    /** Name of the direction in error messages (`random direction 3`). */
    private readonly label: string,
    /** f(θ), shared by every direction (a grid with 0). */
    private readonly center: () => Measurement<number>,
    private readonly method: FiniteDifferenceMethod = central,
  ) {
    this.context = probeContext(evaluator, layout, precision);
  }

  /** f's noise σ, once measured (`noiseAlong`): every measure's error then includes NOISE_SIGMAS of it. */
  noise = 0;

  /** dᵢ. */
  component(i: number): number {
    return this.signs[i] * Math.max(1, Math.abs(this.layout.values[i]));
  }

  private norm(support: ArrayLike<number>): number {
    let sum = 0;
    for (let k = 0; k < support.length; k++) sum += this.component(support[k]) ** 2;
    return Math.sqrt(sum);
  }

  /** The line along d_S, with ⟨g, δ⟩ and Σ|gᵢδᵢ| of each point actually taken, by step. */
  private line(support: ArrayLike<number>): { line: Line<number>; projections: Map<number, { proj: number; abs: number }> } {
    const g = this.analyticGradient;
    const projections = new Map<number, { proj: number; abs: number }>([[0, { proj: 0, abs: 0 }]]);
    const line = directionLine(
      this.context,
      support,
      (i) => this.component(i),
      this.label,
      this.center,
      (i, delta, s) => {
        let p = projections.get(s);
        if (!p) projections.set(s, (p = { proj: 0, abs: 0 }));
        p.proj += g[i] * delta;
        p.abs += Math.abs(g[i] * delta);
      },
    );
    return { line, projections };
  }

  /**
   * The analytic side on a sample: the method's formula over ⟨g, δ⟩ at each node, and the
   * rounding of those sums.
   */
  private analyticOf(
    method: FiniteDifferenceMethod,
    sample: StencilSample<number>,
    projections: Map<number, { proj: number; abs: number }>,
  ): { analytic: number; error: number } {
    const at = (s: number) => projections.get(s) ?? { proj: 0, abs: 0 };
    const proj = { ...sample, values: sample.nodes.map((s) => at(s).proj) };
    const abs = sample.nodes.reduce((sum, s) => sum + at(s).abs, 0);
    const d = differenceSample(method, proj, scalarReading);
    return { analytic: d.quotient, error: (ANALYTIC_SUM_ULPS * FLOAT64_EPSILON * abs) / (2 * d.halfWidth) };
  }

  /** What f's measured noise adds to a quotient: NOISE_SIGMAS·σ·Σ|cₖ| / |divisor|. */
  private noiseError(method: FiniteDifferenceMethod, sample: StencilSample<number>): number {
    if (this.noise === 0) return 0;
    const { coefficients, divisor } = coefficientsAt(method, sample.nodes, sample.step);
    const weight = coefficients.reduce((s, c) => s + Math.abs(c), 0);
    return (NOISE_SIGMAS * this.noise * weight) / Math.abs(divisor);
  }

  /**
   * A measure with f's noise, known now, added to its error estimate.
   *
   * @example
   * probe.noise = sigma; probe.withNoise(measure).error; // measure.error + 4σ/t for central differences
   */
  withNoise(m: DirectionalMeasure): DirectionalMeasure {
    return m.sample ? { ...m, error: m.error + this.noiseError(this.method, m.sample) } : m;
  }

  /**
   * f's noise along d_S: f at θ + s·d_S for s = −3t, …, 3t (f(θ) shared; 6 more calls) through
   * `noiseLevel`. Sets `noise` for every later measure of this probe, and returns it.
   */
  *noiseAlong(support: ArrayLike<number>, t: number): Measurement<number> {
    const { line } = this.line(support);
    const points = [-3, -2, -1, 1, 2, 3].map((k) => line.at(k * t).point);
    const moved = yield* evaluate(this.context.target, points);
    const f0 = yield* this.center();
    this.noise = noiseLevel([...moved.slice(0, 3), f0, ...moved.slice(3)]);
    return this.noise;
  }

  /** f on both sides of θ at one step, when the grid has ±1 (for one-sided looks at kinks). */
  private stencilOf(sample: StencilSample<number>): DirectionalStencil[] {
    const plus = this.method.offsets.indexOf(1);
    const minus = this.method.offsets.indexOf(-1);
    if (plus < 0 || minus < 0) return [];
    return [{ t: sample.nodes[plus], fPlus: sample.values[plus], fMinus: sample.values[minus] }];
  }

  /**
   * The method's difference at step t (2 calls of f for central differences, 1 for one-sided
   * ones with f(θ) shared).
   */
  *central(support: ArrayLike<number>, t: number): Measurement<DirectionalMeasure> {
    const { line, projections } = this.line(support);
    const ladder = new Ladder(this.method, line, t);
    const sample = yield* ladder.level(0);
    const { analytic, error } = this.analyticOf(this.method, sample, projections);
    // A plain method: the quotient and its round-off; one with its own ladder: its estimate.
    const estimate = yield* ladder.estimate(scalarReading, this.precision);
    const fScale = Math.max(...sample.values.map(Math.abs));
    return {
      numeric: estimate.value,
      analytic,
      error: estimate.error + error + this.noiseError(this.method, sample),
      norm: this.norm(support),
      fScale,
      stencils: this.stencilOf(sample),
      sample,
    };
  }

  /**
   * Richardson extrapolation of the method over t, t/2, …: one stencil per level (`levels` at
   * most); the first level reuses `first`, a measure already taken at step t.
   */
  *richardson(
    support: ArrayLike<number>,
    t: number,
    levels: number,
    first?: DirectionalMeasure,
  ): Measurement<DirectionalMeasure & Estimate> {
    const { line, projections } = this.line(support);
    const method = extrapolated(this.method, { ratio: RICHARDSON_RATIO, levels }, this.method.name);
    const known = first?.sample && { level: 0, sample: first.sample };
    const ladder = new Ladder(method, line, t, known);
    const estimate = yield* ladder.estimate(scalarReading, this.precision);
    const taken = ladder.taken();
    const finest = taken[taken.length - 1];
    // The analytic projection of the smallest step taken (exact in float64); of `first` at level 0.
    const side =
      finest === first?.sample && first
        ? { analytic: first.analytic, error: 0 }
        : this.analyticOf(this.method, finest, projections);
    return {
      ...estimate,
      numeric: estimate.value,
      analytic: side.analytic,
      error: estimate.error + side.error + this.noiseError(this.method, finest),
      norm: this.norm(support),
      stencils: taken.flatMap((s) => this.stencilOf(s)),
    };
  }
}
