import { GradcheckError } from '../numeric/errors.js';
import { coordinateSequence, scanColumns, type Stencil, stencilRoundoff } from '../numeric/numericJacobian.js';
import { scaledStep } from '../numeric/precision.js';
import { type Params, type TreeLayout, displayPath } from '../numeric/tree.js';
import { VectorEvaluator } from '../numeric/vectorEvaluator.js';
import { agrees, mismatchOf, summarize, worstFirst } from './compare.js';
import { buildReport } from './buildReport.js';
import {
  type Mutation,
  callUser,
  groupHints,
  mutationHint,
  prepare,
  readLike,
  resolveProbes,
  squareOf,
  withinGlobal,
} from './layerShared.js';
import type { CheckOptions } from './options.js';
import { RECHECK_LEVELS, RECHECK_LIMIT } from './recheck.js';
import type { Mismatch, ReportData } from './report.js';

/** Random cotangents drawn when `options.cotangents` is not given. */
export const DEFAULT_COTANGENTS = 3;

/** Options of `checkVjp` and `toHaveVjp`. */
export interface VjpOptions<P extends Params = Params> extends CheckOptions<P> {
  /**
   * The cotangents ȳ to pull back: how many seeded random ones (standard normal entries, from
   * `seed`), one cotangent shaped like f's output, or an array of them. More cotangents cost
   * no extra calls of f, only calls of vjp.
   * @defaultValue 3
   */
  cotangents?: number | Params | readonly Params[];
}

/**
 * `checkVjp` with the caller's name for messages.
 *
 * @example
 * vjpCheck(forward, backward, { at: { x, W, b } }, 'toHaveVjp').pass;
 * @internal
 */
export function vjpCheck(f: unknown, vjp: unknown, options: unknown, caller: string): ReportData {
  const { layout, settings } = prepare(f, options, caller, 'vjp');
  if (typeof vjp !== 'function')
    throw new GradcheckError(`${caller}: vjp must be a function (θ, ȳ) → θ̄, but got ${vjp === null ? 'null' : typeof vjp}`);
  const n = layout.size;
  const { rtol, atol, precision, step } = settings;
  const evaluator = new VectorEvaluator(f as (theta: unknown) => unknown, caller);
  const copy = layout.workingCopy();
  const y0 = evaluator.call(copy.root(), {});
  const out = evaluator.layout as TreeLayout;
  const probes = resolveProbes(settings.probes, out, DEFAULT_COTANGENTS, settings.seed, caller, 'cotangents');
  const C = probes.flat.length;

  // The analytic θ̄ = vjp(θ, ȳ) per cotangent.
  let mutation: Mutation | undefined;
  const analytic = probes.trees.map((yBar, c) => {
    const called = callUser(vjp as () => unknown, layout, caller, 'vjp', [yBar]);
    mutation ??= called.mutation;
    return readLike(called.value, layout, caller, C > 1 ? `the vjp result for cotangent ${c}` : 'the vjp result');
  });

  // The numerical θ̄ = Jᵀȳ column by column; suspect columns keep their stencil for the re-check.
  const numeric = probes.flat.map(() => new Float64Array(n));
  const errors = probes.flat.map(() => new Float64Array(n));
  const contract = (s: Stencil, w: Float64Array) => {
    let plus = 0;
    let minus = 0;
    for (let i = 0; i < w.length; i++) {
      plus += w[i] * s.plus[i];
      minus += w[i] * s.minus[i];
    }
    return (plus - minus) / (2 * s.halfWidth);
  };
  const suspects = new Map<number, Stencil | undefined>();
  if (settings.method === 'richardson') {
    for (let j = 0; j < n; j++) suspects.set(j, undefined);
  } else {
    scanColumns(
      evaluator,
      layout,
      copy,
      { method: settings.method, step, precision },
      caller,
      (col) => {
        const j = col.index;
        let suspect = false;
        for (let c = 0; c < C; c++) {
          numeric[c][j] = contract(col, probes.flat[c]);
          errors[c][j] = stencilRoundoff(col, precision, probes.flat[c]);
          if (!agrees(analytic[c][j], numeric[c][j], errors[c][j], rtol, atol)) suspect = true;
        }
        if (suspect) suspects.set(j, settings.method === 'central' ? col : undefined);
      },
      { f0: y0 },
    );
  }
  let budget = settings.method === 'richardson' ? n : RECHECK_LIMIT;
  for (const [j, first] of suspects) {
    if (budget-- <= 0) break;
    const seq = coordinateSequence(evaluator, layout, copy, j, scaledStep(step, layout.values[j]), precision, first);
    const levels = settings.method === 'richardson' ? undefined : RECHECK_LEVELS;
    for (let c = 0; c < C; c++) {
      const est = seq.extrapolate(precision, { weights: probes.flat[c] }, levels);
      numeric[c][j] = est.value;
      errors[c][j] = est.error;
    }
  }

  // One mismatch per entry of θ̄: its worst cotangent.
  const mismatches: Mismatch[] = [];
  const failing = new Set<number>();
  for (let j = 0; j < n; j++) {
    let worst: Mismatch | undefined;
    for (let c = 0; c < C; c++) {
      const a = analytic[c][j];
      const v = numeric[c][j];
      if (agrees(a, v, errors[c][j], rtol, atol)) continue;
      const m = mismatchOf(displayPath(layout.pathAt(j)), j, a, v, errors[c][j], rtol, atol);
      if (!worst || m.absError / m.tolerance > worst.absError / worst.tolerance) worst = m;
    }
    if (worst) {
      mismatches.push(worst);
      failing.add(j);
    }
  }
  mismatches.sort(worstFirst);

  const hints: string[] = [];
  const fChanged = copy.firstDifference(layout.values);
  if (fChanged >= 0)
    hints.push(
      mutationHint('f', {
        path: displayPath(layout.pathAt(fChanged)),
        before: layout.values[fChanged],
        after: copy.get(fChanged),
      }),
    );
  if (mutation) hints.push(mutationHint('vjp', mutation));
  if (mismatches.length > 0) {
    for (const tensor of layout.tensors) {
      const idx = Array.from({ length: tensor.size }, (_, k) => tensor.offset + k);
      if (!idx.some((i) => failing.has(i))) continue;
      const name = displayPath(tensor.name);
      // A pattern counts when every cotangent shows it.
      const perCotangent = analytic.map((a, c) =>
        groupHints(name, 'vector–Jacobian product', a, numeric[c], idx, squareOf(tensor)),
      );
      const common = perCotangent[0].filter((h) =>
        perCotangent.every((hs) => hs.some((x) => x.split(':')[0] === h.split(':')[0])),
      );
      hints.push(...common);
    }
  }
  const notes = [
    `Compared θ̄ = vjp(θ, ȳ) with Jᵀȳ from finite differences of f for ${C} ${probes.random ? `random cotangent${C > 1 ? 's' : ''} ȳ (standard normal entries, seed ${settings.seed})` : `given cotangent${C > 1 ? 's' : ''}`}.`,
  ];
  const allA = concat(analytic);
  const allN = concat(numeric);
  const summary = summarize(allA, allN);
  return buildReport(
    settings,
    'vjp',
    {
      pass: mismatches.length === 0 && fChanged < 0 && !mutation && withinGlobal(settings, summary.relativeDifference),
      evaluations: evaluator.count,
      size: n,
      checked: n,
      ...summary,
      mismatches,
      hints,
      kinks: [],
      unresolved: [],
      analytic: analytic[0],
      numeric: numeric[0],
      errorEstimates: errors[0],
    },
    { notes },
  );
}

function concat(arrays: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((s, a) => s + a.length, 0));
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
}
