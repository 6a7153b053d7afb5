import { toBeAllClose } from './toBeAllClose.js';
import { toHaveDerivative } from './toHaveDerivative.js';
import { toHaveGradient } from './toHaveGradient.js';

/**
 * Every gradcheck matcher, for `expect.extend(gradcheckMatchers)` in Vitest or Jest.
 *
 * @example
 * import { expect } from 'vitest';
 * import { gradcheckMatchers } from 'gradcheck';
 * expect.extend(gradcheckMatchers);
 */
export const gradcheckMatchers = {
  toHaveGradient,
  toHaveDerivative,
  toBeAllClose,
};
