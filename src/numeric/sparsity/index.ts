/** Sparsity patterns and column colourings, for sparse Jacobians and Hessians. */
export { type Colouring, clashOf, greedyColouring } from './colouring.js';
export {
  type Pattern,
  columnRows,
  holds,
  nonzeros,
  patternWhere,
  rowColumns,
  sortedHas,
  symmetric,
  widestRow,
} from './pattern.js';
export { MAX_MIRRORED, type SymmetricColouring, symmetricColouring, unrecoverableEntry } from './symmetric.js';
