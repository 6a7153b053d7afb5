/** Blocks of a Jacobian-shaped matrix (output tensor × input tensor) and their names. */
import { type Tensor, displayOutputPath } from '../../numeric/tree.js';

/** A block of a Jacobian-shaped matrix: one row tensor against one column tensor. */
export interface Block {
  readonly name: string;
  readonly row: Tensor;
  readonly col: Tensor;
}

/**
 * Every block of a matrix whose rows follow `rows`' tensors and columns `cols`' tensors.
 *
 * @example
 * blocksOf(out.tensors, layout.tensors, (r, c) => `∂${outputTensorName(r)}/∂${inputTensorName(c)}`); // ∂out/∂x, ∂out/∂W, ∂out/∂b
 */
export function blocksOf(rows: readonly Tensor[], cols: readonly Tensor[], name: (row: Tensor, col: Tensor) => string): Block[] {
  return rows.flatMap((row) => cols.map((col) => ({ name: name(row, col), row, col })));
}

/**
 * Name of a row (output) tensor in a block: `out`, `out[0]`, `out.logits`.
 *
 * @example
 * outputTensorName({ name: 'logits', offset: 0, size: 3, shape: [3], dtype: 'float64' }); // 'out.logits'
 */
export function outputTensorName(tensor: Tensor): string {
  return displayOutputPath(tensor.name);
}

/**
 * Name of a column (input) tensor in a block: `θ`, `θ[0]`, `W`.
 *
 * @example
 * inputTensorName({ name: '', offset: 0, size: 3, shape: [3], dtype: 'float64' }); // 'θ'
 */
export function inputTensorName(tensor: Tensor): string {
  if (tensor.name === '') return 'θ';
  return tensor.name.startsWith('[') ? `θ${tensor.name}` : tensor.name;
}
