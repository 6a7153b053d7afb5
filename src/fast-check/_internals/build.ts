import type { Precision } from '../../numeric/precision.js';
import type { LeafShape, ShapeNode } from './shape.js';

/**
 * Builds a θ with the structure of `shape` from flat values (row-major, object keys in
 * insertion order: the order `flatten` reads it back in). In float32 the last dimension of each
 * tensor is a `Float32Array`; a bare number stays a number.
 * @internal
 */
export function buildTheta(shape: ShapeNode, values: ArrayLike<number>, precision: Precision): unknown {
  let offset = 0;
  const build = (node: ShapeNode): unknown => {
    if (node.kind === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of node.entries) out[key] = build(child);
      return out;
    }
    const tensor = buildLeaf(node.leaf, values, offset, precision);
    offset += node.leaf.size;
    return tensor;
  };
  return build(shape);
}

function buildLeaf(leaf: LeafShape, values: ArrayLike<number>, offset: number, precision: Precision): unknown {
  if (leaf.dims.length === 0) return values[offset];
  const nest = (depth: number, start: number): unknown => {
    const n = leaf.dims[depth];
    if (depth === leaf.dims.length - 1) {
      const row = precision === 'float32' ? new Float32Array(n) : new Array<number>(n);
      for (let i = 0; i < n; i++) row[i] = values[start + i];
      return row;
    }
    let stride = 1;
    for (let d = depth + 1; d < leaf.dims.length; d++) stride *= leaf.dims[d];
    return Array.from({ length: n }, (_, i) => nest(depth + 1, start + i * stride));
  };
  return nest(0, offset);
}
