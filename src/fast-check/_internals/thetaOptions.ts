import { GradcheckError } from '../../numeric/errors.js';
import type { Precision } from '../../numeric/precision.js';
import type { CoordinateConstraints } from './coordinates.js';

/** Options of `theta`. */
export interface ThetaOptions {
  /**
   * Lower bound of every entry (inclusive).
   * @defaultValue -1
   */
  min?: number;
  /**
   * Upper bound of every entry (inclusive).
   * @defaultValue 1
   */
  max?: number;
  /**
   * `'float32'`: tensors are `Float32Array` rows holding float32 values (a check then infers
   * float32 precision, its step and tolerances).
   * @defaultValue 'float64'
   */
  precision?: Precision;
  /**
   * Points no entry may come near, such as `[0]` for ReLU or |x|: every entry keeps at least
   * `margin` from each of them, also while shrinking.
   * @defaultValue []
   */
  avoid?: readonly number[];
  /**
   * Distance kept from each avoided point.
   * @defaultValue twice the widest stencil half-width of a check at its default step around an
   * avoided point p: 2e-4 · max(1, |p|) in float64, 8·∛ε ≈ 3.9e-2 · max(1, |p|) in float32 (where
   * the re-check steps up to 4h), so no central difference straddles the kink.
   * Raise it when the check uses a larger `step` or `method: 'richardson'`.
   */
  margin?: number;
}

const KNOWN = new Set(['min', 'max', 'precision', 'avoid', 'margin']);

/** Largest finite float32. */
const FLOAT32_MAX = 3.4028234663852886e38;

function finite(value: unknown, caller: string, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new GradcheckError(
      `${caller}: ${what} must be a finite number, but got ${typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value))}`,
    );
  }
  return value;
}

/**
 * Validates `theta`'s options and resolves their defaults; throws a `GradcheckError` naming
 * the option.
 * @internal
 */
export function resolveThetaOptions(options: unknown, caller: string): CoordinateConstraints {
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new GradcheckError(
      `${caller}: options must be an object such as { min: -1, max: 1 }, but got ${options === null ? 'null' : typeof options}`,
    );
  }
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!KNOWN.has(key))
      throw new GradcheckError(`${caller}: unknown option ${JSON.stringify(key)}; known options are ${[...KNOWN].join(', ')}`);
  }
  const precision = o.precision ?? 'float64';
  if (precision !== 'float64' && precision !== 'float32') {
    throw new GradcheckError(
      `${caller}: options.precision must be one of 'float64', 'float32', but got ${JSON.stringify(precision)}`,
    );
  }
  const min = finite(o.min, caller, 'options.min') ?? -1;
  const max = finite(o.max, caller, 'options.max') ?? 1;
  if (min > max)
    throw new GradcheckError(`${caller}: options.min must be smaller or equal to options.max, but got min ${min} > max ${max}`);
  if (precision === 'float32' && Math.max(Math.abs(min), Math.abs(max)) > FLOAT32_MAX) {
    throw new GradcheckError(
      `${caller}: options.min and options.max must lie within the float32 range (±3.4e38) with precision 'float32'`,
    );
  }
  let avoid: number[] = [];
  if (o.avoid !== undefined) {
    if (!Array.isArray(o.avoid))
      throw new GradcheckError(`${caller}: options.avoid must be an array of numbers such as [0], but got ${typeof o.avoid}`);
    avoid = o.avoid.map((p, i) => finite(p, caller, `options.avoid[${i}]`) as number);
  }
  const margin = finite(o.margin, caller, 'options.margin');
  if (margin !== undefined && margin < 0) throw new GradcheckError(`${caller}: options.margin must be ≥ 0, but got ${margin}`);
  return { min, max, precision, avoid, margin };
}
