/** Finite-difference methods as values: the interface, `fdm`, the built-ins and their resolution. */
export type { ErrorModel, Extrapolation, FiniteDifferenceMethod } from './method.js';
export { type FdmOptions, balancedStep, fdm } from './fdm.js';
export {
  backward,
  central,
  defaultRichardsonStep,
  extrapolated,
  forward,
  recheckMethod,
  richardson,
} from './builtins.js';
export {
  METHOD_NAMES,
  type MethodName,
  type MethodSpec,
  isFiniteDifferenceMethod,
  methodForSide,
  resolveMethod,
} from './resolve.js';
export { methodCost } from './cost.js';
export { describeMethod } from './describe.js';
export { MAX_GRID_POINTS, accuracyOf, checkedGrid, stencilWeights } from './weights.js';
