import { type Finding, finding } from '../finding.js';
import { compared, failingOf, fullyCompared } from '../scope.js';
import { num, residualText } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';
import { permutationMatch } from './permutation.js';

const sameShape = (p: EntryGroup, q: EntryGroup) =>
  p.shape.length === q.shape.length && p.shape.every((d, k) => d === q.shape[k]);

/**
 * Two same-shaped tensors' gradients exchanged: the analytic values of A are the numerical ones
 * of B and the other way round (a term c·θ added correctly afterwards allowed), each by a
 * permutation match within the check's tolerance.
 *
 * @example
 * // return { W1: gW2, W2: gW1 } with two 4×4 layers:
 * swappedDetector(input, [W1, W2])?.paths; // ['W1', 'W2']
 */
export function swappedDetector(input: DiagnosisInput, p: EntryGroup, q: EntryGroup): Finding | undefined {
  if (!sameShape(p, q) || p.indices.length < 2 || !fullyCompared(input, p) || !fullyCompared(input, q)) return undefined;
  const failing = [...failingOf(input, compared(input, p)), ...failingOf(input, compared(input, q))];
  if (failing.length < 2) return undefined;
  const pq = permutationMatch(input, p.indices, q.indices);
  const qp = pq && permutationMatch(input, q.indices, p.indices);
  if (!pq || !qp || pq.misses.length + qp.misses.length > 0) return undefined;
  const term = pq.c !== 0 ? ` (the term ${num(pq.c)}·θ added afterwards is right)` : '';
  return finding({
    kind: 'swapped',
    paths: [p.name, q.name],
    message: `Swapped ${p.name} and ${q.name}: the analytic values of ${p.name} are the numerical ones of ${q.name} and the other way round${term}. The two gradients were returned in each other's place (a mixed-up return order or key)?`,
    evidence: `exact match of all ${p.indices.length} entries both ways, ${residualText(Math.max(pq.residual, qp.residual))}`,
    explained: failing.length,
    failingCount: failing.length,
  });
}
