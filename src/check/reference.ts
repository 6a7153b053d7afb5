import { describeMethod } from '../numeric/methods/describe.js';
import type { Settings } from './settings/types.js';

/**
 * `report.details.reference`: how the reference values were obtained, in words — the method
 * that ran (read from the method value), along what, the step and the precision.
 *
 * @example
 * referenceOf(settings, 'of f along each entry of θ');
 * // 'forward differences of f along each entry of θ, step 1.5e-8·max(1, |θᵢ|), float64'
 */
export function referenceOf(settings: Settings, along: string): string {
  return `${describeMethod(settings.method)} ${along}, step ${settings.step}·max(1, |θᵢ|), ${settings.precision}`;
}
