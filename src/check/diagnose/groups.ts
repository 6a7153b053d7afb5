import { type TreeLayout, displayPath } from '../../numeric/tree.js';
import type { EntryGroup } from './types.js';

/**
 * A tree's tensors as diagnosis groups: name, shape, flat indices, entry paths. The tree is θ
 * unless `display` names another (`displayOutputPath` for f's output: `out`, `out.y[1]`).
 *
 * @example
 * groupsOfLayout(TreeLayout.of({ W: [[1, 2]], b: [0] })).map((g) => g.name); // ['W', 'b']
 */
export function groupsOfLayout(layout: TreeLayout, display: (path: string) => string = displayPath): EntryGroup[] {
  return layout.tensors.map((t) => ({
    name: display(t.name),
    shape: t.shape,
    indices: Array.from({ length: t.size }, (_, k) => t.offset + k),
    entryName: (k: number) => display(layout.pathAt(t.offset + k)),
  }));
}
