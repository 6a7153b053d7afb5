/** The seed's base step, scaled per coordinate: hᵢ = 1e-4 · max(1, |θᵢ|). */
export const bareStep = (x: number): number => 1e-4 * Math.max(1, Math.abs(x));

/**
 * The bare loop a user would write: 2n central differences at hᵢ = 1e-4·max(1, |θᵢ|), the
 * baseline the benchmarks compare gradcheck's checks with.
 *
 * @example
 * bareLoop(p.f, p.theta0); // the numerical gradient, in exactly 2n calls of f
 */
export function bareLoop(f: (theta: Float64Array) => number, theta0: Float64Array): Float64Array {
  const theta = Float64Array.from(theta0);
  const out = new Float64Array(theta.length);
  for (let i = 0; i < theta.length; i++) {
    const x = theta[i];
    const h = bareStep(x);
    theta[i] = x + h;
    const fp = f(theta);
    theta[i] = x - h;
    const fm = f(theta);
    theta[i] = x;
    out[i] = (fp - fm) / (2 * h);
  }
  return out;
}
