/**
 * Neighbouring floating-point values, for bounds that must hold exactly after rounding.
 * @internal
 */

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** The next float64 above x (x finite). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  i64[0] += x > 0 ? 1n : -1n;
  return f64[0];
}

/** The next float64 below x (x finite). */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** The smallest float32 value ≥ x. */
export function roundUp32(x: number): number {
  const r = Math.fround(x);
  if (r >= x) return r;
  return nextUp32(r);
}

/** The largest float32 value ≤ x. */
export function roundDown32(x: number): number {
  return -roundUp32(-x);
}

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** The next float32 above a float32 value x. */
function nextUp32(x: number): number {
  if (x === 0) return 2 ** -149;
  f32[0] = x;
  i32[0] += x > 0 ? 1 : -1;
  return f32[0];
}
