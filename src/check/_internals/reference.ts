import { describeMethod } from '../../numeric/methods/describe.js';
import { formatValue } from '../../numeric/numberText.js';
import type { Settings } from '../settings/types.js';

/**
 * `report.details.reference`: how the reference values were obtained, in words — the method
 * that ran (read from the method value), along what, the step and the precision.
 *
 * @example
 * referenceOf(settings);                               // 'central differences, step 1e-4·max(1, |θᵢ|), float64'
 * referenceOf(settings, ' of f along each tangent');   // 'forward differences of f along each tangent, step 2.98023e-8·…'
 */
export function referenceOf(settings: Settings, along = ''): string {
  return `${describeMethod(settings.method)}${along}, step ${formatValue(settings.step)}·max(1, |θᵢ|), ${settings.precision}`;
}
