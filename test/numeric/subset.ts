/**
 * Restricts a flat problem to a subset of its coordinates: φ ↦ f(θ with θ[indices] = φ). A check
 * of the restricted problem is the check of exactly those coordinates of the full one, which lets
 * a test visit the coordinates a bug touches plus a random sample, without the full 2n calls.
 */
export interface Restricted<V extends Float32Array | Float64Array> {
  readonly at: V;
  f(phi: V): number;
  grad(phi: V): V;
}

/** The problem (f, grad) at θ restricted to `indices` (θ's array type is kept). */
export function restrict<V extends Float32Array | Float64Array>(
  f: (theta: V) => number,
  grad: (theta: V) => V,
  theta: V,
  indices: readonly number[],
): Restricted<V> {
  const full = (phi: V): V => {
    const t = theta.slice() as V;
    indices.forEach((i, k) => (t[i] = phi[k]));
    return t;
  };
  const pick = (v: V): V => {
    const out = theta.slice(0, indices.length) as V;
    indices.forEach((i, k) => (out[k] = v[i]));
    return out;
  };
  return { at: pick(theta), f: (phi) => f(full(phi)), grad: (phi) => pick(grad(full(phi))) };
}
