/**
 * The async checks: the same plans as the synchronous ones (the same measurement, the same
 * report), run by the async driver — an async f awaited with `settings.concurrency` calls in
 * flight, a batched f (worker pool) sent moves around its resident θ. No replay: every option
 * the synchronous check takes works here, and `report.evaluations` is the synchronous count.
 */
import { GradcheckError } from '../numeric/errors.js';
import { gradientPlan } from './gradient.js';
import { hessianPlan } from './hessian.js';
import { jacobianPlan } from './jacobian.js';
import { jvpPlan } from './jvp.js';
import { runPlanAsync } from './_internals/run.js';
import type { ReportData } from './report.js';
import { vjpPlan } from './vjp.js';

/**
 * The async gradient (or derivative) check.
 *
 * @example
 * const report = await gradientCheckAsync(asyncLoss, grad, { at, concurrency: 4 }, 'checkGradientAsync');
 * @internal
 */
export async function gradientCheckAsync(
  f: unknown,
  grad: unknown,
  options: unknown,
  caller: string,
  subject = 'gradient',
): Promise<ReportData> {
  if (subject === 'derivative') {
    const at = options !== null && typeof options === 'object' ? (options as { at?: unknown }).at : undefined;
    if (at !== undefined && typeof at !== 'number') {
      throw new GradcheckError(`${caller}: options.at must be a number (for a function of several numbers use toHaveGradient)`);
    }
  }
  return runPlanAsync(gradientPlan(f, grad, options, caller, subject));
}

/**
 * The async Jacobian check.
 *
 * @example
 * const report = await jacobianCheckAsync(layer, jac, { at }, 'checkJacobianAsync');
 * @internal
 */
export async function jacobianCheckAsync(f: unknown, jac: unknown, options: unknown, caller: string): Promise<ReportData> {
  return runPlanAsync(jacobianPlan(f, jac, options, caller));
}

/**
 * The async VJP check.
 *
 * @example
 * const report = await vjpCheckAsync(forward, backward, { at }, 'checkVjpAsync');
 * @internal
 */
export async function vjpCheckAsync(f: unknown, vjp: unknown, options: unknown, caller: string): Promise<ReportData> {
  return runPlanAsync(vjpPlan(f, vjp, options, caller));
}

/**
 * The async JVP check.
 *
 * @example
 * const report = await jvpCheckAsync(forward, tangent, { at, tangents: 2 }, 'checkJvpAsync');
 * @internal
 */
export async function jvpCheckAsync(f: unknown, jvp: unknown, options: unknown, caller: string): Promise<ReportData> {
  return runPlanAsync(jvpPlan(f, jvp, options, caller));
}

/**
 * The async Hessian check (f, H and options.gradient may return Promises).
 *
 * @example
 * const report = await hessianCheckAsync(loss, H, { at, gradient }, 'checkHessianAsync');
 * @internal
 */
export async function hessianCheckAsync(f: unknown, H: unknown, options: unknown, caller: string): Promise<ReportData> {
  return runPlanAsync(hessianPlan(f, H, options, caller));
}
