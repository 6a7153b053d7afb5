/**
 * Tangent stencils for forward-mode checks (JVP): f on both sides of θ along a tangent u, as a
 * lazily evaluated Richardson sequence. Built on the probe primitive.
 */
import { sampleMethod } from './apply.js';
import { directionLine } from './line.js';
import { central } from './methods/builtins.js';
import { StencilSequence } from './numericJacobian.js';
import type { Precision } from './precision.js';
import { probeContext, sharedCenter } from './probe.js';
import type { TreeLayout, WorkingCopy } from './tree.js';
import type { VectorEvaluator } from './vectorEvaluator.js';

/**
 * The step along a tangent u: every coordinate moves by at most its own step
 * hᵢ = step · max(1, |θᵢ|), i.e. t = step / maxᵢ(|uᵢ| / max(1, |θᵢ|)).
 *
 * @example
 * tangentStep(1e-4, [0.5, 3], [1, 1]); // 1e-4 / max(1/1, 1/3) = 1e-4
 */
export function tangentStep(step: number, theta: ArrayLike<number>, u: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < u.length; i++) worst = Math.max(worst, Math.abs(u[i]) / Math.max(1, Math.abs(theta[i])));
  return step / worst;
}

/**
 * Central stencils of f along the tangent u (θ ± t·u, 2 calls per level, + first), starting at
 * t = tangentStep(step, θ, u) and halving: the JVP's first difference is `level(0)`, its
 * Richardson re-check `extrapolate`.
 *
 * @example
 * const seq = tangentSequence(evaluator, layout, layout.workingCopy(), 'float64', u, 1e-4, 'tangent 0');
 * seq.level(0); // { plus: f(θ + t·u), minus: f(θ − t·u), halfWidth: t }
 */
export function tangentSequence(
  evaluator: VectorEvaluator,
  layout: TreeLayout,
  copy: WorkingCopy,
  precision: Precision,
  u: ArrayLike<number>,
  step: number,
  label: string,
): StencilSequence {
  const ctx = probeContext(evaluator, layout, copy, precision);
  const support = Int32Array.from({ length: u.length }, (_, i) => i).filter((i) => u[i] !== 0);
  const line = directionLine(ctx, support, (i) => u[i], label, sharedCenter(ctx));
  return new StencilSequence(
    (h) => {
      const s = sampleMethod(central, line, h);
      return { plus: s.values[1], minus: s.values[0], halfWidth: h };
    },
    tangentStep(step, layout.values, u),
  );
}
