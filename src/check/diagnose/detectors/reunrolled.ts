import { type Finding, finding } from '../finding.js';
import { compared, failingOf } from '../scope.js';
import { residualText } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';
import { permutationMatch } from './permutation.js';

/** Blocks larger than this are not searched (the cost grows with their divisors). */
const MAX_BLOCK = 1 << 20;

/** Block position k of an r×c matrix unrolled row-major ↦ its position unrolled column-major. */
function unroll(r: number, c: number): (k: number) => number {
  return (k) => (k % c) * r + Math.floor(k / c);
}

function factorPairs(size: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let r = 2; r * 2 <= size; r++) if (size % r === 0) pairs.push([r, size / r]);
  return pairs;
}

/** Candidate blocks [s, e) of group positions: the failing span, widened by one (a transpose keeps its ends), and the whole group. */
function candidateBlocks(first: number, last: number, size: number): [number, number][] {
  const blocks = new Map<string, [number, number]>();
  const add = (s: number, e: number) => {
    if (s >= 0 && e <= size && e - s >= 4 && e - s <= MAX_BLOCK && s <= first && e > last) blocks.set(`${s}:${e}`, [s, e]);
  };
  for (const s of [first, first - 1]) for (const e of [last + 1, last + 2]) add(s, e);
  add(0, size);
  return [...blocks.values()];
}

/**
 * A contiguous block re-unrolled: the numerical block is an R×C matrix unrolled one way, the
 * analytic block the same matrix unrolled the other way (for a flat θ the two orders are also
 * each other's transpose). Found by an exact permutation match over every entry of the block.
 *
 * @example
 * // the course network's Theta2 gradient unrolled row-major into the column-major 38-vector:
 * reunrolledDetector(input, theta)?.message; // 'Layout mix-up in θ ([20]…[37]): the right values in the wrong order: …'
 */
export function reunrolledDetector(input: DiagnosisInput, group: EntryGroup): Finding | undefined {
  const all = compared(input, group);
  const failing = failingOf(input, all);
  // Unrolling is a flat vector's (or a matrix's) story: in a feature map a swap inside a window is pooling's.
  if (failing.length < 2 || input.sparse || group.shape.length > 2) return undefined;
  const pos = new Map(group.indices.map((i, k) => [i, k]));
  const ks = failing.map((i) => pos.get(i) as number);
  for (const [s, e] of candidateBlocks(Math.min(...ks), Math.max(...ks), group.indices.length)) {
    const targets = group.indices.slice(s, e);
    for (const [r, c] of factorPairs(e - s)) {
      const perm = unroll(r, c);
      const match = permutationMatch(
        input,
        targets,
        targets.map((_, k) => targets[perm(k)]),
      );
      if (!match || match.misses.length > 0) continue;
      // unroll(r, c): numeric = column-major of an r×c matrix, analytic = its row-major. Name the shape with rows ≤ cols.
      const [R, C, numOrder, anaOrder] = r <= c ? [r, c, 'column-major', 'row-major'] : [c, r, 'row-major', 'column-major'];
      const block = `${group.entryName(s)}…${group.entryName(e - 1)}`;
      return finding({
        kind: 'layout',
        paths: [group.name],
        alternatives: ['transposed'],
        message:
          `Layout mix-up in ${group.name} (${block}): the right values in the wrong order: the numerical block is a ${R}×${C} matrix unrolled ${numOrder}, ` +
          `the analytic block the same matrix unrolled ${anaOrder} (equivalently, the ${C}×${R} transpose).`,
        evidence: `${group.name}: exact permutation match on all ${e - s} entries of ${block}, ${residualText(match.residual)}`,
        explained: failing.length,
        failingCount: failing.length,
      });
    }
  }
  return undefined;
}
