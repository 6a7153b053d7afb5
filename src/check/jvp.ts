import { place } from '../numeric/differences.js';
import { GradcheckError } from '../numeric/errors.js';
import { type Stencil, StencilSequence, stencilRoundoff } from '../numeric/numericJacobian.js';
import { type Params, type TreeLayout, displayPath } from '../numeric/tree.js';
import { VectorEvaluator, outputName } from '../numeric/vectorEvaluator.js';
import { agrees, mismatchOf, summarize, worstFirst } from './compare.js';
import { buildReport, tensorInfo } from './buildReport.js';
import { type Mutation, callUser, mutationHint, prepare, readLike, resolveProbes, withinGlobal } from './layerShared.js';
import type { CheckOptions } from './options.js';
import { RECHECK_LEVELS } from './recheck.js';
import type { Mismatch, ReportData } from './report.js';

/** Random tangents drawn when `options.tangents` is not given. */
export const DEFAULT_TANGENTS = 3;

/** Options of `checkJvp` and `toHaveJvp`. */
export interface JvpOptions<P extends Params = Params> extends CheckOptions<P> {
  /**
   * The tangents u to push forward: how many seeded random ones (standard normal entries, from
   * `seed`), one tangent shaped like θ, or an array of them. Each costs 2 calls of f.
   * @defaultValue 3
   */
  tangents?: number | Params | readonly Params[];
}

/**
 * The step along a tangent u: every coordinate moves by at most its own step
 * hᵢ = step · max(1, |θᵢ|), i.e. t = step / maxᵢ(|uᵢ| / max(1, |θᵢ|)).
 *
 * @example
 * tangentStep(1e-4, [0.5, 3], [1, 1]); // 1e-4 / max(1/1, 1/3) = 1e-4
 */
export function tangentStep(step: number, theta: ArrayLike<number>, u: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < u.length; i++) worst = Math.max(worst, Math.abs(u[i]) / Math.max(1, Math.abs(theta[i])));
  return step / worst;
}

/**
 * `checkJvp` with the caller's name for messages.
 *
 * @example
 * jvpCheck(f, jvp, { at: θ, tangents: 2 }, 'toHaveJvp').pass;
 * @internal
 */
export function jvpCheck(f: unknown, jvp: unknown, options: unknown, caller: string): ReportData {
  const { layout, settings } = prepare(f, options, caller, 'jvp');
  if (typeof jvp !== 'function')
    throw new GradcheckError(`${caller}: jvp must be a function (θ, u) → ẏ, but got ${jvp === null ? 'null' : typeof jvp}`);
  const { rtol, atol, precision, step } = settings;
  const probes = resolveProbes(settings.probes, layout, DEFAULT_TANGENTS, settings.seed, caller, 'tangents');
  probes.flat.forEach((u, k) => {
    if (u.every((v) => v === 0))
      throw new GradcheckError(
        `${caller}: options.tangents${probes.flat.length > 1 ? `[${k}]` : ''} is all zeros; a tangent needs a direction`,
      );
  });
  const evaluator = new VectorEvaluator(f as (theta: unknown) => unknown, caller);
  const copy = layout.workingCopy();
  const x = layout.values;

  const sequences = probes.flat.map((u, k) => {
    const along = (h: number): Stencil => {
      const moved = (sign: number) => {
        for (let i = 0; i < u.length; i++) if (u[i] !== 0) place(copy, i, x[i] + sign * h * u[i], precision);
        const out = evaluator.call(copy.root(), { path: `θ along tangent ${k}`, delta: sign * h });
        for (let i = 0; i < u.length; i++) copy.set(i, x[i]);
        return out;
      };
      return { plus: moved(1), minus: moved(-1), halfWidth: h };
    };
    return new StencilSequence(along, tangentStep(step, x, u));
  });

  // Numerical J u first (it tells the output's structure), then the analytic ẏ.
  const first = sequences.map((seq) => seq.level(0));
  const out = evaluator.layout as TreeLayout;
  const m = out.size;
  let mutation: Mutation | undefined;
  const analytic = probes.trees.map((u, k) => {
    const called = callUser(jvp as () => unknown, layout, caller, 'jvp', [u]);
    mutation ??= called.mutation;
    return readLike(called.value, out, caller, probes.flat.length > 1 ? `the jvp result for tangent ${k}` : 'the jvp result');
  });
  const numeric = first.map((s) => Float64Array.from({ length: m }, (_, i) => (s.plus[i] - s.minus[i]) / (2 * s.halfWidth)));
  const errors = first.map((s) => Float64Array.from({ length: m }, (_, i) => stencilRoundoff(s, precision, undefined, i)));
  const richardsonOnly = settings.method === 'richardson';
  sequences.forEach((seq, k) => {
    for (let i = 0; i < m; i++) {
      if (!richardsonOnly && agrees(analytic[k][i], numeric[k][i], errors[k][i], rtol, atol)) continue;
      const est = seq.extrapolate(precision, { row: i }, richardsonOnly ? undefined : RECHECK_LEVELS);
      numeric[k][i] = est.value;
      errors[k][i] = est.error;
    }
  });

  const mismatches: Mismatch[] = [];
  for (let i = 0; i < m; i++) {
    let worst: Mismatch | undefined;
    for (let k = 0; k < analytic.length; k++) {
      if (agrees(analytic[k][i], numeric[k][i], errors[k][i], rtol, atol)) continue;
      const mm = mismatchOf(outputName(out, i), i, analytic[k][i], numeric[k][i], errors[k][i], rtol, atol);
      if (!worst || mm.absError / mm.tolerance > worst.absError / worst.tolerance) worst = mm;
    }
    if (worst) mismatches.push(worst);
  }
  mismatches.sort(worstFirst);
  const hints: string[] = [];
  const fChanged = copy.firstDifference(x);
  if (fChanged >= 0)
    hints.push(mutationHint('f', { path: displayPath(layout.pathAt(fChanged)), before: x[fChanged], after: copy.get(fChanged) }));
  if (mutation) hints.push(mutationHint('jvp', mutation));
  const T = probes.flat.length;
  const notes = [
    `Compared ẏ = jvp(θ, u) with (f(θ + t·u) − f(θ − t·u)) / 2t for ${T} ${probes.random ? `random tangent${T > 1 ? 's' : ''} u (standard normal entries, seed ${settings.seed})` : `given tangent${T > 1 ? 's' : ''}`}.`,
  ];
  const allA = Float64Array.from(analytic.flatMap((a) => [...a]));
  const allN = Float64Array.from(numeric.flatMap((a) => [...a]));
  const summary = summarize(allA, allN);
  return buildReport(
    settings,
    'jvp',
    {
      pass: mismatches.length === 0 && fChanged < 0 && !mutation && withinGlobal(settings, summary.relativeDifference),
      evaluations: evaluator.count,
      size: m,
      checked: m,
      ...summary,
      mismatches,
      hints,
      kinks: [],
      unresolved: [],
      analytic: analytic[0],
      numeric: numeric[0],
      errorEstimates: errors[0],
    },
    {
      tensors: out.tensors.map(tensorInfo),
      notes,
      reference: `directional central differences along each tangent (step ${settings.step}·max(1, |θᵢ|) per coordinate, ${precision})`,
    },
  );
}
