/**
 * Second-order probes for a sparse Hessian measured by second differences of f alone: along a
 * random direction d, the mixed second difference B(S, T) ≈ d_Sᵀ H d_T (four calls of f; two
 * when S = T, f(θ) shared) is compared with the matrix measured so far. A disagreement is
 * localised by bisection, first over the rows S (T = everything), then, per row found, over the
 * columns T: an entry the analytic Hessian forgot, named and measured.
 */
import { directionalStep, rademacher } from '../../numeric/directions.js';
import { formatNumber } from '../../numeric/errors.js';
import { type Precision, roundoffError } from '../../numeric/precision.js';
import { type Measurement, type Point, evaluate } from '../../numeric/measure/protocol.js';
import { type ProbeContext, pointOf } from '../../numeric/probe.js';
import type { Estimate } from '../../numeric/richardson.js';
import { createRandom } from '../../numeric/random.js';
import { type Pattern, holds, rowColumns, sortedHas } from '../../numeric/sparsity/index.js';
import type { Settings } from '../settings/types.js';
import { LOCALISE_BUDGET } from './state.js';

/** A Hessian measured so far: values on the pattern and at the entries found outside it. */
export interface HessianSoFar {
  readonly values: Float64Array;
  readonly errors: Float64Array;
  readonly pattern: Pattern;
  /** Entries k = i·n + j outside the pattern found by localisation (both triangles). */
  readonly extra: Set<number>;
  readonly findings: string[];
}

/** What the probes work with. */
interface Probing {
  readonly ctx: ProbeContext<number>;
  readonly f0: number;
  readonly settings: Settings;
  readonly H: HessianSoFar;
  /** The direction's components over all of θ. */
  readonly d: Float64Array;
  readonly t: number;
  readonly label: string;
  /** Entry (i, k) by second differences at the coordinates' own steps, as the pattern's entries are. */
  readonly entry: (i: number, k: number) => Measurement<Estimate>;
  budget: number;
}

/** B(S, T) by finite differences and from the matrix so far, with their error estimates. */
interface Bilinear {
  readonly numeric: number;
  readonly known: number;
  readonly error: number;
  /** Σ |dᵢ Hᵢₖ dₖ| over the known terms: the relative tolerance applies to them. */
  readonly scale: number;
}

/**
 * Runs `settings.directions` second-order probes; what disagrees is localised and written into
 * the matrix (both triangles), or stated as a finding.
 *
 * @example
 * yield* secondOrderProbes(ctx, f0, settings, soFar, entry); // soFar.values holds any forgotten entry found
 */
export function* secondOrderProbes(
  ctx: ProbeContext<number>,
  f0: number,
  settings: Settings,
  H: HessianSoFar,
  entry: Probing['entry'],
): Measurement<void> {
  const n = settings.layout.size;
  const x = settings.layout.values;
  const rng = createRandom(settings.seed);
  const all = Int32Array.from({ length: n }, (_, j) => j);
  // As the first-order probes' step: independent of the pattern (see probeStep).
  const t = directionalStep(settings.step, n, settings.precision);
  const state = { budget: LOCALISE_BUDGET };
  for (let p = 0; p < settings.directions; p++) {
    const signs = rademacher(n, rng);
    const d = Float64Array.from(signs, (s, j) => s * Math.max(1, Math.abs(x[j])));
    const probing: Probing = { ctx, f0, settings, H, d, t, label: `random direction ${p}`, entry, budget: state.budget };
    const root = yield* bilinear(probing, all, all);
    if (!disagrees(probing, root)) continue;
    const rows = yield* search(probing, all, all, root, 'rows');
    for (const [i, b] of rows) yield* search(probing, Int32Array.of(i), all, b, 'columns');
    state.budget = probing.budget;
    if (rows.length === 0)
      H.findings.push(
        `Along ${probing.label}, dᵀHd = ${formatNumber(root.numeric)} by second differences but ${formatNumber(root.known)} by the analytic Hessian; no single entry explains it (entries that cancel, or the localisation budget ran out).`,
      );
  }
}

/**
 * Bisects S (`axis: 'rows'`) or T (`'columns'`) while B disagrees, measuring one half and taking
 * the other as the difference. Rows: returns the single rows found with their B. Columns:
 * measures and writes each entry found.
 */
function* search(
  p: Probing,
  S: Int32Array,
  T: Int32Array,
  b: Bilinear,
  axis: 'rows' | 'columns',
): Measurement<[number, Bilinear][]> {
  const cut = axis === 'rows' ? S : T;
  if (cut.length === 1) {
    if (axis === 'rows') return [[S[0], b]];
    yield* record(p, S[0], T[0]);
    return [];
  }
  if (p.budget-- <= 0) return [];
  const mid = cut.length >> 1;
  const [first, second] = [cut.subarray(0, mid), cut.subarray(mid)];
  const part = (c: Int32Array) => (axis === 'rows' ? ([c, T] as const) : ([S, c] as const));
  const b1 = yield* bilinear(p, ...part(first));
  const known2 = knownBilinear(p, ...part(second));
  const b2 = { ...known2, numeric: b.numeric - b1.numeric, error: b.error + b1.error + known2.error };
  const found: [number, Bilinear][] = [];
  if (disagrees(p, b1)) found.push(...(yield* search(p, ...part(first), b1, axis)));
  if (disagrees(p, b2)) found.push(...(yield* search(p, ...part(second), b2, axis)));
  return found;
}

/**
 * Writes entry (i, k) (and (k, i)), pinned down by B({i}, {k}): measured again at the
 * coordinates' own steps (4 calls), since the probes' step is too small for an accurate value.
 */
function* record(p: Probing, i: number, k: number): Measurement<void> {
  const { H } = p;
  const n = H.pattern.cols;
  const { value, error } = yield* p.entry(i, k);
  for (const [r, c] of [
    [i, k],
    [k, i],
  ]) {
    H.values[r * n + c] = value;
    H.errors[r * n + c] = error;
    if (!holds(H.pattern, r, c)) H.extra.add(r * n + c);
  }
}

function disagrees(p: Probing, b: Bilinear): boolean {
  const { rtol, atol } = p.settings;
  const size = Math.max(Math.abs(b.known), Math.abs(b.numeric), b.scale);
  return Math.abs(b.known - b.numeric) > atol * maxAbs(p.d) ** 2 + rtol * size + b.error;
}

function maxAbs(d: Float64Array): number {
  return d.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

/** d_Sᵀ H d_T from the matrix so far alone (no call of f), as a `Bilinear` with no numerical side. */
function knownBilinear(p: Probing, S: Int32Array, T: Int32Array): Bilinear {
  const { known, knownError, scale } = knownProduct(p, S, T);
  return { numeric: 0, known, error: knownError, scale };
}

/**
 * B(S, T): the four-point mixed second difference along t·d_S and t·d_T (f(θ) for a point that
 * does not move; the moved points in one batch), and d_Sᵀ H d_T from the matrix so far.
 */
function* bilinear(p: Probing, S: Int32Array, T: Int32Array): Measurement<Bilinear> {
  const { known, knownError, scale: knownScale } = knownProduct(p, S, T);
  const support = union(S, T);
  const signs: [number, number][] = [
    [1, 1],
    [1, -1],
    [-1, 1],
    [-1, -1],
  ];
  const atTheta = ([a, b]: [number, number]) => S === T && a === -b;
  const points: Point[] = signs
    .filter((ab) => !atTheta(ab))
    .map(
      ([a, b]) =>
        pointOf(p.ctx, {
          support,
          delta: (i) => p.t * p.d[i] * (a * (sortedHas(S, i) ? 1 : 0) + b * (sortedHas(T, i) ? 1 : 0)),
          site: { path: `θ along ${p.label}`, delta: p.t },
        }).point,
    );
  const moved = yield* evaluate(p.ctx.target, points);
  const [pp, pm, mp, mm] = signs.map((ab) => (atTheta(ab) ? p.f0 : (moved.shift() as number)));
  const scale = Math.max(Math.abs(pp), Math.abs(pm), Math.abs(mp), Math.abs(mm));
  const numeric = (pp - pm - mp + mm) / (4 * p.t * p.t);
  return { numeric, known, error: knownError + roundoff(p.settings.precision, scale, p.t), scale: knownScale };
}

/** Four values of size `scale` over 4t²: as the round-off of a quotient over t. */
function roundoff(precision: Precision, scale: number, t: number): number {
  return roundoffError(precision, (4 * scale) / t, t);
}

/** d_Sᵀ H d_T over the matrix so far (its pattern and the entries found), with the values' errors. */
function knownProduct(p: Probing, S: Int32Array, T: Int32Array): { known: number; knownError: number; scale: number } {
  const { H, d } = p;
  const n = H.pattern.cols;
  let known = 0;
  let knownError = 0;
  let scale = 0;
  const add = (i: number, k: number) => {
    const term = d[i] * H.values[i * n + k] * d[k];
    known += term;
    scale += Math.abs(term);
    knownError += Math.abs(d[i] * d[k]) * H.errors[i * n + k];
  };
  for (const i of S) for (const k of rowColumns(H.pattern, i)) if (sortedHas(T, k)) add(i, k);
  for (const e of H.extra) {
    const [i, k] = [Math.floor(e / n), e % n];
    if (sortedHas(S, i) && sortedHas(T, k)) add(i, k);
  }
  return { known, knownError, scale };
}

/** The union of two ascending index lists, ascending. */
function union(S: Int32Array, T: Int32Array): Int32Array {
  if (S === T) return S;
  const out: number[] = [];
  let [a, b] = [0, 0];
  while (a < S.length || b < T.length) {
    if (b >= T.length || (a < S.length && S[a] < T[b])) out.push(S[a++]);
    else if (a >= S.length || T[b] < S[a]) out.push(T[b++]);
    else {
      out.push(S[a++]);
      b++;
    }
  }
  return Int32Array.from(out);
}
