import { GradcheckError, formatNumber } from './errors.js';
import { METHOD_NAMES, isFiniteDifferenceMethod } from './methods/resolve.js';
import { type Params, TreeError, TreeLayout, displayPath } from './tree.js';

/** Throws unless `value` is a function; `what` names the argument (`f`, `grad`). */
export function requireFunction(value: unknown, caller: string, what: string): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function') {
    throw new GradcheckError(`${caller}: ${what} must be a function, but got ${value === null ? 'null' : typeof value}`);
  }
}

/** Throws unless `options` is a plain object (or undefined when `optional`). */
export function requireOptions(options: unknown, caller: string, hint: string): Record<string, unknown> {
  if (options === undefined || options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new GradcheckError(`${caller}: options must be an object with the point θ as options.at, e.g. ${hint}`);
  }
  return options as Record<string, unknown>;
}

/**
 * Reads any parameter tree (possibly empty or non-finite); a value that is not one becomes a
 * `GradcheckError` naming `what` and the path (`expected → W[0][1]: …`).
 */
export function readTree<P extends Params>(value: unknown, caller: string, what: string): TreeLayout<P> {
  try {
    return TreeLayout.of(value as P);
  } catch (error) {
    if (error instanceof TreeError)
      throw new GradcheckError(`${caller}: ${what}${error.path ? ` → ${error.path}` : ''}: ${error.message}`);
    throw error;
  }
}

/**
 * Reads a parameter tree that must be non-empty and finite; `what` names it in messages
 * (`options.at`). Returns its layout.
 */
export function readTheta<P extends Params>(value: unknown, caller: string, what: string): TreeLayout<P> {
  if (value === undefined) {
    throw new GradcheckError(`${caller}: ${what} is required (the point θ at which to check)`);
  }
  const layout = readTree<P>(value, caller, what);
  if (layout.size === 0) throw new GradcheckError(`${caller}: ${what} is empty; there is nothing to check`);
  const bad = layout.values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new GradcheckError(
      `${caller}: ${what} must be finite, but ${displayPath(layout.pathAt(bad))} is ${formatNumber(layout.values[bad])}`,
    );
  }
  return layout;
}

/** Throws unless `value` is a finite positive number (for steps and counts). */
export function requirePositive(value: unknown, caller: string, what: string): void {
  if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
    throw new GradcheckError(`${caller}: ${what} must be a finite number > 0, but got ${String(value)}`);
  }
}

/** Throws unless `value` is undefined or one of `allowed`. */
export function requireOneOf(value: unknown, allowed: readonly string[], caller: string, what: string): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    throw new GradcheckError(
      `${caller}: ${what} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, but got ${JSON.stringify(value)}`,
    );
  }
}

/**
 * Throws unless `value` is undefined, a method's name or a method value from `fdm(…)`.
 * @example
 * requireMethod('centre', 'numericGradient'); // throws: numericGradient: options.method must be one of 'central', … or a method from fdm(…), but got "centre"
 */
export function requireMethod(value: unknown, caller: string): void {
  if (value === undefined || isFiniteDifferenceMethod(value)) return;
  if (typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value)) return;
  const shown = typeof value === 'object' && value !== null ? 'an object that is no method' : JSON.stringify(value);
  throw new GradcheckError(
    `${caller}: options.method must be one of ${METHOD_NAMES.map((a) => `'${a}'`).join(', ')} or a method from fdm(…), but got ${shown}`,
  );
}

/** Whether a method spec extrapolates (`'richardson'` or an `extrapolated(…)` value). */
function extrapolates(method: unknown): boolean {
  return method === 'richardson' || (isFiniteDifferenceMethod(method) && method.extrapolation !== undefined);
}

/**
 * Validates the `DiffOptions` part of an options object.
 * @example
 * validateDiffOptions({ step: 0 }, 'numericGradient'); // throws: numericGradient: options.step must be a finite number > 0, but got 0
 */
export function validateDiffOptions(options: Record<string, unknown>, caller: string): void {
  requirePositive(options.step, caller, 'options.step');
  requireMethod(options.method, caller);
  requireOneOf(options.precision, ['float64', 'float32'], caller, 'options.precision');
  if (options.adaptive !== undefined && typeof options.adaptive !== 'boolean') {
    throw new GradcheckError(`${caller}: options.adaptive must be true or false, but got ${String(options.adaptive)}`);
  }
  if (options.adaptive === true && !extrapolates(options.method)) {
    throw new GradcheckError(
      `${caller}: options.adaptive chooses the step of method: 'richardson'; add method: 'richardson' or drop adaptive`,
    );
  }
}
