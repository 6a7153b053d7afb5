/**
 * Tangent lines of a vector f: the method applied along θ + t·u for a tangent u (the JVP's
 * numerical side), on the same primitive as columns.
 */
import { sampleMethod } from './apply.js';
import { directionLine } from './line.js';
import type { Measurement } from './measure/protocol.js';
import type { FiniteDifferenceMethod } from './methods/method.js';
import type { Column } from './numericJacobian.js';
import { type ProbeContext, sharedCenter } from './probe.js';

/**
 * The step along a tangent u: `step` over the largest |uᵢ| / max(1, |θᵢ|), so that no entry
 * moves by more than its own coordinate step.
 *
 * @example
 * tangentStep(1e-4, [1, 10], [2, 5]); // 5e-5
 */
export function tangentStep(step: number, theta: ArrayLike<number>, u: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < u.length; i++) worst = Math.max(worst, Math.abs(u[i]) / Math.max(1, Math.abs(theta[i])));
  return step / worst;
}

/**
 * The tangents' lines, each sampled once by the method (f(θ) shared between them).
 *
 * @example
 * const lines = yield* tangentLines(ctx, central, [u0, u1], 1e-4); // 4 calls of f
 */
export function* tangentLines(
  ctx: ProbeContext<Float64Array>,
  method: FiniteDifferenceMethod,
  tangents: readonly ArrayLike<number>[],
  step: number,
): Measurement<Column[]> {
  const center = sharedCenter(ctx);
  const out: Column[] = [];
  for (let k = 0; k < tangents.length; k++) {
    const u = tangents[k];
    const support = Int32Array.from({ length: u.length }, (_, i) => i).filter((i) => u[i] !== 0);
    const line = directionLine(ctx, support, (i) => u[i], `tangent ${k}`, center);
    const h = tangentStep(step, ctx.layout.values, u);
    out.push({ index: k, line, h, sample: yield* sampleMethod(method, line, h) });
  }
  return out;
}
