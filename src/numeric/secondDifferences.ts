/**
 * Second differences of a scalar f for the Hessian: f moved along one or two coordinates at a
 * time on the probe primitive, Richardson-extrapolated where asked.
 */
import type { ScalarEvaluator } from './evaluate.js';
import { defaultRichardsonStep } from './methods/builtins.js';
import { type Precision, roundoffError, scaledStep } from './precision.js';
import { AT_THETA, type Measurement, type Point, evaluate, evaluateOne } from './measure/protocol.js';
import { type ProbeContext, pointOf, probeContext } from './probe.js';
import { type DifferenceSample, type Estimate, RICHARDSON_LEVELS, Tableau } from './richardson.js';
import type { TreeLayout } from './tree.js';

/**
 * One second-difference stencil of entry (i, j) with half-widths hi, hj: on the diagonal
 * (f(θ + hᵢeᵢ) − 2f(θ) + f(θ − hᵢeᵢ)) / hᵢ², off it the four-point (f(++) − f(+−) − f(−+) +
 * f(−−)) / 4hᵢhⱼ; with the half-widths actually taken, and f's size as the round-off of a
 * quotient over `halfWidth` (for `roundoffError`).
 *
 * @example
 * secondDifferenceAt(ctx, f0, 0, 1, 1e-4, 1e-4).quotient; // ≈ ∂²f/∂θ₀∂θ₁
 */
export function* secondDifferenceAt(
  ctx: ProbeContext<number>,
  f0: number,
  i: number,
  j: number,
  hi: number,
  hj: number,
): Measurement<DifferenceSample> {
  const path = j === i ? ctx.layout.pathAt(i) : `${ctx.layout.pathAt(i)} and ${ctx.layout.pathAt(j)}`;
  const at = (si: number, sj: number) => {
    let di = 0;
    let dj = 0;
    const { point } = pointOf(ctx, {
      support: j === i ? [i] : [i, j],
      delta: (k) => (k === i ? si * hi : sj * hj),
      site: () => ({ path, delta: di }),
      taken: (k, d) => {
        if (k === i) di = d;
        else dj = d;
      },
    });
    return { point, di, dj };
  };
  // The points of the stencil go in one batch; their values come back in order.
  const valued = function* (moves: ReturnType<typeof at>[]) {
    const values = yield* evaluate(
      ctx.target,
      moves.map((m): Point => m.point),
    );
    return moves.map((m, k) => ({ ...m, value: values[k] }));
  };
  if (i === j) {
    const [p, m] = yield* valued([at(1, 0), at(-1, 0)]);
    const h = (p.di - m.di) / 2;
    const scale = Math.max(Math.abs(p.value), Math.abs(m.value), Math.abs(f0));
    // Four values of size `scale` over h²: expressed as the round-off of a quotient over h.
    return { quotient: (p.value + m.value - 2 * f0) / (p.di * -m.di), halfWidth: h, fScale: (4 * scale) / h };
  }
  const [pp, pm, mp, mm] = yield* valued([at(1, 1), at(1, -1), at(-1, 1), at(-1, -1)]);
  const wi = (pp.di - mp.di) / 2;
  const wj = (pp.dj - pm.dj) / 2;
  const scale = Math.max(Math.abs(pp.value), Math.abs(pm.value), Math.abs(mp.value), Math.abs(mm.value));
  return { quotient: (pp.value - pm.value - mp.value + mm.value) / (4 * wi * wj), halfWidth: wi, fScale: scale / wj };
}

/** What `secondDifferences` needs beyond the working copy. */
export interface SecondDifferenceSettings {
  readonly step: number;
  readonly precision: Precision;
  /** Extrapolate every entry (method: 'richardson') instead of one stencil each. */
  readonly extrapolateAll: boolean;
  /** Whether a first-pass entry must be re-checked (it disagrees with the analytic Hessian). */
  readonly isSuspect: (i: number, j: number, value: number, error: number) => boolean;
  /** At most this many suspects are re-checked. */
  readonly recheckLimit: number;
}

/**
 * The numerical Hessian of a scalar f by second differences (2n² + 1 calls: f(θ) once, 2 per
 * diagonal and 4 per off-diagonal entry), n×n row-major with an error estimate per entry;
 * suspects re-checked by Richardson extrapolation from max(step, the Richardson default).
 *
 * @example
 * const { values, errors } = secondDifferences(evaluator, layout, layout.workingCopy(), { step: 1e-4, precision: 'float64', extrapolateAll: false, isSuspect: () => false, recheckLimit: 256 });
 */
export function* secondDifferences(
  evaluator: ScalarEvaluator<unknown>,
  layout: TreeLayout,
  settings: SecondDifferenceSettings,
): Measurement<{ values: Float64Array; errors: Float64Array }> {
  const n = layout.size;
  const x = layout.values;
  const { precision, step } = settings;
  const ctx = probeContext(evaluator, layout, precision);
  const values = new Float64Array(n * n);
  const errors = new Float64Array(n * n);
  const f0 = yield* evaluateOne(evaluator, AT_THETA);
  const set = (i: number, j: number, v: number, e: number) => {
    values[i * n + j] = values[j * n + i] = v;
    errors[i * n + j] = errors[j * n + i] = e;
  };
  const extrapolate = function* (i: number, j: number, h0: number): Measurement<Estimate> {
    const tableau = new Tableau(precision);
    for (let k = 0; k < RICHARDSON_LEVELS; k++) {
      const s = yield* secondDifferenceAt(ctx, f0, i, j, scaledStep(h0, x[i]) / 2 ** k, scaledStep(h0, x[j]) / 2 ** k);
      if (!tableau.add(s)) break;
    }
    return tableau.result();
  };
  const suspects: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const est = settings.extrapolateAll ? yield* extrapolate(i, j, step) : yield* firstPass(ctx, f0, i, j, step);
      set(i, j, est.value, est.error);
      if (!settings.extrapolateAll && settings.isSuspect(i, j, est.value, est.error)) suspects.push([i, j]);
    }
  }
  for (const [i, j] of suspects.slice(0, settings.recheckLimit)) {
    const est = yield* extrapolate(i, j, Math.max(step, defaultRichardsonStep(precision)));
    set(i, j, est.value, est.error);
  }
  return { values, errors };
}

/** One stencil at the base step, with its round-off as the error estimate. */
function* firstPass(ctx: ProbeContext<number>, f0: number, i: number, j: number, step: number): Measurement<Estimate> {
  const x = ctx.layout.values;
  const s = yield* secondDifferenceAt(ctx, f0, i, j, scaledStep(step, x[i]), scaledStep(step, x[j]));
  return { value: s.quotient, error: roundoffError(ctx.precision, s.fScale, s.halfWidth) };
}
