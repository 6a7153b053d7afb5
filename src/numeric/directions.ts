/**
 * Seeded random directions and directional derivatives of a scalar f, the measuring
 * instrument of fast mode: one direction costs 2 calls of f whatever the number of parameters.
 */
import type { ScalarEvaluator } from './evaluate.js';
import { FLOAT64_EPSILON, type Precision, roundoffError } from './precision.js';
import type { Random } from './random.js';
import { type Estimate, richardson } from './richardson.js';
import { type ProbeContext, probe, probeContext } from './probe.js';
import type { TreeLayout, WorkingCopy } from './tree.js';

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
}

/** f on both sides of θ along the direction at half-width t. */
export interface DirectionalStencil {
  readonly t: number;
  readonly fPlus: number;
  readonly fMinus: number;
}

/** Rounding error allowed in the analytic sum ⟨g, d⟩, in units of ε·Σ|gᵢdᵢ|. */
export const ANALYTIC_SUM_ULPS = 4;

/**
 * Measures directional derivatives of a scalar f along d = r ⊙ s (r: signs, s = max(1, |θ|))
 * restricted to sets of coordinates, on a private working copy. Displacements are rounded to
 * the working precision and the analytic side is projected on the displacement actually
 * taken, so float32 rounding does not masquerade as a gradient error.
 *
 * @example
 * const probe = new DirectionProbe(evaluator, layout, copy, 'float64', rademacher(n, rng), g, 'random direction 0');
 * const m = probe.central(all, directionalStep(1e-4, n)); // m.numeric ≈ m.analytic for a correct g
 * @internal
 */
export class DirectionProbe {
  constructor(
    evaluator: ScalarEvaluator<unknown>,
    private readonly layout: TreeLayout,
    copy: WorkingCopy,
    private readonly precision: Precision,
    private readonly signs: Int8Array,
    private readonly analyticGradient: ArrayLike<number>,
    /** Name of the direction in error messages (`random direction 3`). */
    private readonly label: string,
  ) {
    this.context = probeContext(evaluator, layout, copy, precision);
  }

  private readonly context: ProbeContext<number>;

  /** dᵢ. */
  component(i: number): number {
    return this.signs[i] * Math.max(1, Math.abs(this.layout.values[i]));
  }

  /** f(θ + t·d_S), one call on the probe primitive, with the projections of the move actually taken. */
  private moved(support: ArrayLike<number>, t: number): { f: number; proj: number; absProj: number } {
    const g = this.analyticGradient;
    let proj = 0;
    let absProj = 0;
    const f = probe(this.context, {
      support,
      delta: (i) => t * this.component(i),
      site: { path: `θ along ${this.label}`, delta: t },
      taken: (i, delta) => {
        proj += g[i] * delta;
        absProj += Math.abs(g[i] * delta);
      },
    });
    return { f, proj, absProj };
  }

  private norm(support: ArrayLike<number>): number {
    let sum = 0;
    for (let k = 0; k < support.length; k++) sum += this.component(support[k]) ** 2;
    return Math.sqrt(sum);
  }

  /** Central difference with half-width t: exactly 2 calls of f. */
  central(support: ArrayLike<number>, t: number): DirectionalMeasure {
    const p = this.moved(support, t);
    const m = this.moved(support, -t);
    const numeric = (p.f - m.f) / (2 * t);
    const analytic = (p.proj - m.proj) / (2 * t);
    const error =
      roundoffError(this.precision, Math.max(Math.abs(p.f), Math.abs(m.f)), t) +
      (ANALYTIC_SUM_ULPS * FLOAT64_EPSILON * (p.absProj + m.absProj)) / (2 * t);
    const stencils = [{ t, fPlus: p.f, fMinus: m.f }];
    return { numeric, analytic, error, norm: this.norm(support), fScale: Math.max(Math.abs(p.f), Math.abs(m.f)), stencils };
  }

  /**
   * Richardson extrapolation over t, t/2, …: 2 calls of f per level (`levels` at most); the
   * first level reuses `first`, a central measure already taken at half-width t.
   */
  richardson(support: ArrayLike<number>, t: number, levels: number, first?: DirectionalMeasure): DirectionalMeasure & Estimate {
    let analytic = 0;
    let analyticError = 0;
    const stencils: DirectionalStencil[] = [];
    const estimate = richardson(
      (k) => {
        const tk = t / 2 ** k;
        if (k === 0 && first) {
          analytic = first.analytic;
          if (first.stencils) stencils.push(first.stencils[0]);
          return { quotient: first.numeric, halfWidth: t, fScale: first.fScale ?? 0 };
        }
        const p = this.moved(support, tk);
        const m = this.moved(support, -tk);
        // The analytic projection of the smallest step taken (exact in float64).
        analytic = (p.proj - m.proj) / (2 * tk);
        analyticError = (ANALYTIC_SUM_ULPS * FLOAT64_EPSILON * (p.absProj + m.absProj)) / (2 * tk);
        stencils.push({ t: tk, fPlus: p.f, fMinus: m.f });
        return { quotient: (p.f - m.f) / (2 * tk), halfWidth: tk, fScale: Math.max(Math.abs(p.f), Math.abs(m.f)) };
      },
      levels,
      this.precision,
    );
    return {
      ...estimate,
      numeric: estimate.value,
      analytic,
      error: estimate.error + analyticError,
      norm: this.norm(support),
      stencils,
    };
  }
}
