import type { Params } from '../../numeric/tree.js';
import { TreeLayout } from '../../numeric/tree.js';

/**
 * A seed derived from θ's values (FNV-1a over their bits), for the random choices of a check
 * (`sample`, `mode: 'fast'`) when the caller gives none: each generated θ checks different
 * coordinates, and replaying a θ replays exactly the same check. `undefined` for a non-tree.
 * @internal
 */
export function thetaSeed(theta: Params): number | undefined {
  let values: Float64Array;
  try {
    values = TreeLayout.of(theta).values;
  } catch {
    return undefined; // not a tree: the check itself names what is wrong
  }
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) {
    hash ^= words[i];
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
