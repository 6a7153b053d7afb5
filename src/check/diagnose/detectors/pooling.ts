import { tolerance } from '../../compare.js';
import { errorAt } from '../scope.js';
import type { DiagnosisInput } from '../types.js';
import type { GroupView, Region } from './regionView.js';

/** Window sizes tried: the usual pooling windows. */
const WINDOWS = [2, 3] as const;

/**
 * Pooling windows whose gradient went to the wrong positions: the last two axes cut into p×p
 * windows (stride p), every window holding a wrong entry has the right total (Σ analytic =
 * Σ numerical ≠ 0) spread over other positions. A max-pooling switch
 * routed to the wrong position, or an average pool's share spread unevenly.
 *
 * @example
 * poolingRegion(input, view)[0]?.where; // 'in 5 of the 2×2 pooling windows, each with the right total at the wrong positions'
 */
export function poolingRegion(input: DiagnosisInput, v: GroupView): Region[] {
  const { shape, indices } = v.group;
  const r = shape.length;
  if (r < 2) return [];
  const [H, W] = [shape[r - 2], shape[r - 1]];
  const { analytic: a, numeric: n, settings } = input;
  const out: Region[] = [];
  for (const p of WINDOWS) {
    if (H % p !== 0 || W % p !== 0 || H === p || W === p) continue;
    const windowOf = (k: number) => {
      const idx = v.idx(k);
      return `${idx.slice(0, r - 2).join(',')}|${Math.floor(idx[r - 2] / p)},${Math.floor(idx[r - 1] / p)}`;
    };
    const sums = new Map<string, { a: number; n: number; tol: number }>();
    v.group.indices.forEach((i, k) => {
      const key = windowOf(k);
      const s = sums.get(key) ?? { a: 0, n: 0, tol: 0 };
      sums.set(key, {
        a: s.a + a[i],
        n: s.n + n[i],
        tol: s.tol + tolerance(a[i], n[i], settings.rtol, settings.atol) + errorAt(input, i),
      });
    });
    const wrong = new Set([...v.failing].map(windowOf));
    const moved = [...wrong].every((key) => {
      const s = sums.get(key) as { a: number; n: number; tol: number };
      return s.n !== 0 && Math.abs(s.a - s.n) <= s.tol;
    });
    if (!moved || wrong.size < 1 || indices.length !== v.compared.length) continue;
    out.push({
      where: `in ${wrong.size} of the ${p}×${p} pooling windows (stride ${p}), each with the right total at the wrong positions`,
      cause:
        'Pooling switches routed wrong: the gradient sent to another position than the one that won the max (an argmax recorded per row instead of per window, a stale or mis-indexed switch), or an average pool spreading its 1/p² unevenly?',
      inside: (k) => wrong.has(windowOf(k)),
      mayCoverAll: true,
    });
  }
  return out;
}
