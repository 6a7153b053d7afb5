import { displayPath } from '../../numeric/tree.js';
import type { EntryGroup } from '../diagnose/types.js';
import type { TensorInfo } from '../report.js';

/**
 * The diagnosis groups of a report's tensors, as `groupsOfLayout` makes them from θ's layout:
 * the merged report has only the reports' data, not θ's layout.
 *
 * @example
 * groupsOfTensors([{ name: 'W', shape: [2, 3], offset: 0, size: 6 }])[0].entryName(4); // 'W[1][1]'
 */
export function groupsOfTensors(tensors: readonly TensorInfo[]): EntryGroup[] {
  return tensors.map((t) => ({
    name: displayPath(t.name),
    shape: t.shape,
    indices: Array.from({ length: t.size }, (_, k) => t.offset + k),
    entryName: (k: number) => entryPath(t, k),
  }));
}

/** `W[1][1]`: the same path as `TreeLayout.pathAt` (row-major over the tensor's shape). */
function entryPath(tensor: TensorInfo, k: number): string {
  if (tensor.shape.length === 0) return displayPath(tensor.name);
  let suffix = '';
  let rest = k;
  for (let d = tensor.shape.length - 1; d >= 0; d--) {
    suffix = `[${rest % tensor.shape[d]}]${suffix}`;
    rest = Math.floor(rest / tensor.shape[d]);
  }
  return tensor.name + suffix;
}
