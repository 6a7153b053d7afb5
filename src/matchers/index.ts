import { toBeAllClose } from './toBeAllClose.js';
import { toHaveDerivative } from './toHaveDerivative.js';
import { toHaveGradient } from './toHaveGradient.js';
import { toHaveHessian } from './toHaveHessian.js';
import { toHaveJacobian } from './toHaveJacobian.js';
import { toHaveJvp } from './toHaveJvp.js';
import { toHaveVjp } from './toHaveVjp.js';

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
  toHaveJacobian,
  toHaveVjp,
  toHaveJvp,
  toHaveHessian,
};
