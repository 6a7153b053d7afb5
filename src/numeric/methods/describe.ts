import type { FiniteDifferenceMethod } from './method.js';

function sameGrid(offsets: readonly number[], grid: readonly number[]): boolean {
  return offsets.length === grid.length && offsets.every((o, k) => o === grid[k]);
}

/** The stencil in words: the three classic grids by their names, any other by its grid and order. */
function stencilWords(method: FiniteDifferenceMethod): string {
  const { offsets } = method;
  if (method.derivative === 1 && sameGrid(offsets, [-1, 1])) return 'central differences';
  if (method.derivative === 1 && sameGrid(offsets, [0, 1])) return 'forward differences';
  if (method.derivative === 1 && sameGrid(offsets, [-1, 0])) return 'backward differences';
  return `differences on the grid [${offsets.join(', ')}] (order ${method.order})`;
}

/**
 * A method in words, for reports: what ran, read from the method value itself.
 *
 * @example
 * describeMethod(central);    // 'central differences'
 * describeMethod(richardson); // 'Richardson-extrapolated central differences (4 steps, ratio 2)'
 * describeMethod(fdm([-2, -1, 1, 2])); // 'differences on the grid [-2, -1, 1, 2] (order 4)'
 */
export function describeMethod(method: FiniteDifferenceMethod): string {
  const ladder = method.extrapolation;
  if (!ladder) return stencilWords(method);
  return `Richardson-extrapolated ${stencilWords(method)} (${ladder.levels} steps, ratio ${ladder.ratio})`;
}
