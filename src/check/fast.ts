import { GradcheckError } from '../numeric/errors.js';
import type { TreeLayout } from '../numeric/tree.js';
import type { CheckOptions } from './options.js';
import type { CheckSettings, GradientReport } from './report.js';

/**
 * Fast mode: directional derivatives along seeded random directions (cost independent of n).
 * @internal
 */
export function fastGradientCheck(
  _f: (theta: unknown) => unknown,
  _grad: unknown,
  _layout: TreeLayout,
  _settings: CheckSettings,
  _options: CheckOptions,
  caller: string,
): GradientReport {
  throw new GradcheckError(`${caller}: mode 'fast' is being built (issue 4)`);
}
