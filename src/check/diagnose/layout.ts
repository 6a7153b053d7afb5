import { type DiagnosisInput, type Group, matches, rangeText, residualText } from './input.js';

/** Shifts tried for an off-by-one layout: the analytic entry k holds the numerical entry k + d. */
const SHIFTS = [1, -1] as const;

/** Blocks larger than this are not searched for re-unrolling (cost grows with their divisors). */
const MAX_BLOCK = 1 << 20;

/**
 * Checks whether the analytic block [offset, offset + size) is the numerical one permuted:
 * analytic[offset + k] agrees with numeric[offset + perm(k)] on every entry, within the check's
 * tolerance. Returns the relative residual ‖a − Pn‖ / ‖a‖, or undefined when any entry differs.
 */
function permuted(input: DiagnosisInput, offset: number, size: number, perm: (k: number) => number): number | undefined {
  const { analytic: a, numeric: n, errors } = input;
  let r = 0;
  let aa = 0;
  for (let k = 0; k < size; k++) {
    const i = offset + k;
    const j = offset + perm(k);
    if (!matches(input, i, n[j], errors[j])) return undefined;
    r += (a[i] - n[j]) ** 2;
    aa += a[i] * a[i];
  }
  return aa === 0 ? undefined : Math.sqrt(r / aa);
}

/** a[i·cols + j] ↔ n[j·rows + i]: the analytic block is the row-major unrolling of the rows×cols matrix the numerical block unrolls column-major. */
function unroll(rows: number, cols: number): (k: number) => number {
  return (k) => (k % cols) * rows + Math.floor(k / cols);
}

function factorPairs(size: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let r = 2; r * 2 <= size; r++) if (size % r === 0) pairs.push([r, size / r]);
  return pairs;
}

/** Whether every entry of [offset, offset + size) was compared. */
function fullyCompared(group: Group, offset: number, size: number): boolean {
  if (group.compared.length === group.tensor.size) return true;
  const set = new Set(group.compared);
  for (let k = 0; k < size; k++) if (!set.has(offset + k)) return false;
  return true;
}

/** A 2-D tensor of known shape: transposed, or unrolled in the other order. */
function shapedTensor(input: DiagnosisInput, group: Group): string | undefined {
  const { tensor } = group;
  if (tensor.shape.length !== 2) return undefined;
  const [rows, cols] = tensor.shape;
  const at = `${group.name} (${rows}×${cols})`;
  // A[i][j] = N[j][i] when square; in general A read row by row = N read column by column.
  const colMajor = permuted(input, tensor.offset, tensor.size, unroll(cols, rows));
  if (colMajor !== undefined) {
    return rows === cols
      ? `Transposed: the analytic ${at} is the transpose of the numerical one (exact match on all ${tensor.size} entries, ${residualText(colMajor)}). Did you compute Wᵀ's gradient, e.g. x·δᵀ instead of δ·xᵀ?`
      : `Layout mix-up: the analytic ${at}, read row by row, holds the numerical one read column by column (exact match on all ${tensor.size} entries, ${residualText(colMajor)}): unrolled column-major, reshaped row-major.`;
  }
  const rowMajor = rows === cols ? undefined : permuted(input, tensor.offset, tensor.size, unroll(rows, cols));
  if (rowMajor !== undefined) {
    return `Layout mix-up: the analytic ${at}, read column by column, holds the numerical one read row by row (exact match on all ${tensor.size} entries, ${residualText(rowMajor)}): unrolled row-major, reshaped column-major.`;
  }
  return undefined;
}

/**
 * A contiguous block re-unrolled: the numerical block is an R×C matrix unrolled one way, the
 * analytic block the same matrix unrolled the other way (for a flat θ that is also its
 * transpose). Blocks tried: the group, and the span of failing entries widened by one entry
 * (a transpose keeps its first and last entries in place).
 */
function reUnrolledBlock(input: DiagnosisInput, group: Group): string | undefined {
  const f = group.failing;
  const lo = group.tensor.offset;
  const hi = lo + group.tensor.size;
  const blocks = new Map<string, [number, number]>();
  const add = (s: number, e: number) => {
    if (s >= lo && e <= hi && e - s >= 4 && e - s <= MAX_BLOCK && s <= f[0] && e > f[f.length - 1])
      blocks.set(`${s}:${e}`, [s, e]);
  };
  for (const s of [f[0], f[0] - 1]) for (const e of [f[f.length - 1] + 1, f[f.length - 1] + 2]) add(s, e);
  add(lo, hi);
  for (const [s, e] of blocks.values()) {
    const size = e - s;
    if (!fullyCompared(group, s, size)) continue;
    for (const [r, c] of factorPairs(size)) {
      const residual = permuted(input, s, size, unroll(r, c));
      if (residual === undefined) continue;
      // unroll(r, c): numeric = column-major of an r×c matrix M, analytic = its row-major. Name the shape with rows ≤ cols.
      const [R, C, numOrder, anaOrder] = r <= c ? [r, c, 'column-major', 'row-major'] : [c, r, 'row-major', 'column-major'];
      return (
        `Layout mix-up: ${rangeText(input.layout, s, e - 1)} (${size} entries) hold the right values in the wrong order: the numerical block is a ${R}×${C} matrix unrolled ${numOrder}, ` +
        `the analytic block the same matrix unrolled ${anaOrder} (equivalently, the ${C}×${R} transpose) (exact match, ${residualText(residual)}).`
      );
    }
  }
  return undefined;
}

/** Shift by one: analytic[k] = numeric[k + d] over the failing span, one end entry allowed to differ. */
function shifted(input: DiagnosisInput, group: Group): string | undefined {
  const f = group.failing;
  if (f.length < 3) return undefined;
  const lo = group.tensor.offset;
  const hi = lo + group.tensor.size;
  const first = f[0];
  const last = f[f.length - 1];
  if (!fullyCompared(group, Math.max(lo, first - 1), Math.min(hi, last + 2) - Math.max(lo, first - 1))) return undefined;
  const { analytic: a, numeric: n, errors } = input;
  for (const d of SHIFTS) {
    const misses: number[] = [];
    let r = 0;
    let aa = 0;
    for (let k = first; k <= last; k++) {
      const j = k + d;
      if (j < lo || j >= hi || !matches(input, k, n[j], errors[j])) {
        misses.push(k);
        continue;
      }
      r += (a[k] - n[j]) ** 2;
      aa += a[k] * a[k];
    }
    const explained = last - first + 1 - misses.length;
    if (misses.length > 1 || explained < 3 || aa === 0) continue;
    if (misses.length === 1 && misses[0] !== first && misses[0] !== last) continue;
    const from = first + (misses[0] === first ? 1 : 0);
    const to = last - (misses[0] === last ? 1 : 0);
    const except = misses.length === 1 ? ` (except ${rangeText(input.layout, misses[0], misses[0])})` : '';
    return (
      `Shifted by one: the analytic entries ${rangeText(input.layout, from, to)} hold the numerical values of ${rangeText(input.layout, from + d, to + d)}${except} ` +
      `(exact match, ${residualText(Math.sqrt(r / aa))}): an off-by-one index when filling or unrolling the gradient.`
    );
  }
  return undefined;
}

/**
 * Layout mix-ups, each by an exact permutation match within the check's tolerance: a 2-D tensor
 * transposed or unrolled in the other order, a contiguous block re-unrolled row- vs column-major,
 * or entries shifted by one.
 *
 * @example
 * // P3 with Theta2's gradient unrolled row-major in the flat 38-vector:
 * // "Layout mix-up: [20]…[37] (18 entries) hold the right values in the wrong order: the numerical block is a 3×6 matrix unrolled column-major, …"
 */
export function layoutHint(input: DiagnosisInput, group: Group): string | undefined {
  if (group.failing.length < 2) return undefined;
  return (
    (fullyCompared(group, group.tensor.offset, group.tensor.size) ? shapedTensor(input, group) : undefined) ??
    reUnrolledBlock(input, group) ??
    shifted(input, group)
  );
}
