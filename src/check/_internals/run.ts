import { runAsync } from '../../numeric/measure/asyncDriver.js';
import type { Measurement } from '../../numeric/measure/protocol.js';
import { runSync } from '../../numeric/measure/syncDriver.js';
import type { ReportData } from '../report.js';
import type { Settings } from '../settings/types.js';

/**
 * A check ready to run: its resolved settings and its measurement, which a driver runs — the
 * synchronous loop for `checkGradient`, the async pool for `checkGradientAsync`.
 *
 * @example
 * const { settings, measurement } = gradientPlan(f, grad, { at }, 'checkGradient');
 * const report = runSync(measurement, settings.layout);
 */
export interface CheckPlan {
  readonly settings: Settings;
  readonly measurement: Measurement<ReportData>;
}

/**
 * Runs a plan synchronously.
 *
 * @example
 * const report = runPlan(gradientPlan(f, grad, { at }, 'checkGradient'));
 */
export function runPlan(plan: CheckPlan): ReportData {
  return runSync(plan.measurement, plan.settings.layout);
}

/**
 * Runs a plan on an async f (or a batched one), `settings.concurrency` evaluations in flight.
 *
 * @example
 * const report = await runPlanAsync(gradientPlan(asyncF, grad, { at, concurrency: 8 }, 'checkGradientAsync'));
 */
export function runPlanAsync(plan: CheckPlan): Promise<ReportData> {
  return runAsync(plan.measurement, plan.settings.layout, { concurrency: plan.settings.concurrency });
}
