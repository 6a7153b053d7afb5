/**
 * gradcheck: prove, inside your test suite, that a gradient implementation is right.
 * The framework-free core; `gradcheck/vitest` and `gradcheck/jest` register the matchers.
 */
import { provideRuntime } from './check/timeAndProgress/runtime.js';
import { nodeRuntime } from './runtime/index.js';
// The checks read the running test's timeout and the watched terminal through this runtime.
provideRuntime(nodeRuntime);

export { numericGradient } from './numeric/numericGradient.js';
export { numericJacobian } from './numeric/numericJacobian.js';
export { flatten, unflatten } from './numeric/tree.js';
export type { FlatParams, NestedArray, Params, Tensor, Dtype } from './numeric/tree.js';
export { registerTensorAdapter } from './numeric/adapters/registry.js';
export type { Loss, ScalarTensor, TensorAdapter } from './numeric/adapters/types.js';
export type { DiffOptions, DifferenceMethod } from './numeric/differences.js';
export { extrapolated, fdm, isFiniteDifferenceMethod } from './numeric/methods/index.js';
export type { FdmOptions, FiniteDifferenceMethod } from './numeric/methods/index.js';
export type { Precision } from './numeric/precision.js';
export { GradcheckError } from './numeric/errors.js';
export { checkGradient } from './api/checkGradient.js';
export type { GradientSpec } from './check/gradient.js';
export { checkDerivative } from './api/checkDerivative.js';
export { checkConvergence } from './api/checkConvergence.js';
export type { ConvergenceOptions, ConvergenceReport } from './check/convergence.js';
export type { TaylorLadder } from './numeric/convergence.js';
export type { Bounds, Interval } from './numeric/domains.js';
export { allClose } from './api/allClose.js';
export { checkJacobian } from './api/checkJacobian.js';
export type { JacobianOptions, JacobianSpec } from './check/jacobian.js';
export { checkVjp } from './api/checkVjp.js';
export type { VjpOptions } from './check/vjp.js';
export { checkJvp } from './api/checkJvp.js';
export type { JvpOptions } from './check/jvp.js';
export { checkHessian } from './api/checkHessian.js';
export type { HessianOptions, HessianSpec } from './check/hessian.js';
export type { AllCloseOptions } from './check/allClose.js';
export type { CheckOptions } from './check/options.js';
export type {
  BlockInfo,
  CheckSettings,
  Diagnosis,
  DiagnosisKind,
  GradientReport,
  KinkEntry,
  Mismatch,
  OneSidedEntry,
  ReportCheck,
  ReportDetails,
  TensorInfo,
  UnresolvedEntry,
} from './check/report.js';

export { convergenceSvg, reportSvg } from './pictures/index.js';
export type { PictureReport, PicturesOption } from './pictures/index.js';
export { checkGradientAsync } from './api/checkGradientAsync.js';
export { checkJacobianAsync } from './api/checkJacobianAsync.js';
export { checkVjpAsync } from './api/checkVjpAsync.js';
export { checkJvpAsync } from './api/checkJvpAsync.js';
export { checkHessianAsync } from './api/checkHessianAsync.js';
export type { AsyncGradientSpec, AsyncHessianOptions, AsyncMatrixSpec, MaybePromise } from './check/asyncTypes.js';
export { mergeReports } from './api/mergeReports.js';
export type { Progress, ProgressOption, Shard, SparsityOption } from './check/settings/types.js';
export type { ReportShard } from './check/report.js';
export { gradcheckMatchers } from './matchers/index.js';
export type { GradcheckMatchers } from './matchers/types.js';
export type { MatcherContext, MatcherResult } from './matchers/context.js';
