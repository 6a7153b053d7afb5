import { type TreeLayout, displayPath } from '../../numeric/tree.js';
import type { EntryGroup } from './types.js';

/**
 * θ's tensors as diagnosis groups: name, shape, flat indices, entry paths.
 *
 * @example
 * groupsOfLayout(TreeLayout.of({ W: [[1, 2]], b: [0] })).map((g) => g.name); // ['W', 'b']
 */
export function groupsOfLayout(layout: TreeLayout): EntryGroup[] {
  return layout.tensors.map((t) => ({
    name: displayPath(t.name),
    shape: t.shape,
    indices: Array.from({ length: t.size }, (_, k) => t.offset + k),
    entryName: (k: number) => displayPath(layout.pathAt(t.offset + k)),
  }));
}
