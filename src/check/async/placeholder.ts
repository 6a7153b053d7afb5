import { type Params, TreeLayout, TreeError } from '../../numeric/tree.js';
import type { Point } from './keys.js';

/**
 * Thrown through a synchronous check when a placeholder's shape is not known yet (the first
 * call of a vector-valued f): the run stops there, its pending calls are evaluated, and the
 * next run goes further. Not an Error: nothing in a check catches it, and it needs no stack.
 * @internal
 */
export class Suspend {}

/** A real result and where it was computed: what a model is anchored to. */
export interface Anchor {
  readonly value: unknown;
  /** θ's numbers at that call. */
  readonly flat: Float64Array;
  /** The entries moved from the base θ, when few (see `Point`). */
  readonly moved: readonly number[] | undefined;
}

/**
 * How to stand in for a value not yet computed, so that a collecting run goes on and asks for
 * the points the real run will ask for — and no others. The placeholder is a first-order (for
 * a Hessian, second-order) model built from the *analytic* derivative being checked, anchored
 * at a real result when one is known (f(θ), else the first real call):
 * y(p) = y(a) + J·(p − a) (+ ½ δᵀHδ differences). Finite differences of it reproduce the
 * analytic values, also between a real value and a placeholder, so a collecting run sees every
 * entry agree and requests no speculative re-checks; the real values then decide what needs
 * re-checking. Before anything is known every part is zero, which agrees with a zero
 * placeholder of the analytic side in the same way.
 * @internal
 */
export interface Model {
  /** A value shaped like the result (its numbers are ignored), or undefined when unknown yet (suspends). */
  readonly shape: () => unknown;
  /** A real result to anchor the model to, when one is known. */
  readonly anchor?: () => Anchor | undefined;
  /** The derivative J of the result, m×n row-major (m = 1: a gradient), when known. */
  readonly slope?: () => Float64Array | undefined;
  /** The Hessian H of a scalar result, n×n row-major, when known. */
  readonly curvature?: () => Float64Array | undefined;
}

/** Model values: layouts are cached by the template object they came from. */
export class Placeholders {
  private template: unknown;
  private layout: TreeLayout | undefined;

  constructor(private readonly base: Float64Array) {}

  /**
   * The model's value at `point`, shaped like the template.
   *
   * @example
   * placeholders.at({ shape: () => 0, slope: () => g }, point); // Σ gⱼ δⱼ
   */
  at(model: Model, point: Point): unknown {
    const template = model.shape();
    if (template === undefined) throw new Suspend();
    const layout = this.layoutOf(template);
    if (!layout) return template;
    const values = new Float64Array(layout.size);
    const anchor = model.anchor?.();
    const J = model.slope?.();
    const H = values.length === 1 ? model.curvature?.() : undefined;
    if (anchor) {
      const y = TreeLayout.of(anchor.value as Params).values;
      if (y.length === values.length) values.set(y);
      this.addSlope(values, J, anchor, -1);
      if (H) values[0] -= this.quadratic(H, anchor);
    }
    this.addSlope(values, J, point, 1);
    if (H) values[0] += this.quadratic(H, point);
    return typeof template === 'number' ? values[0] : layout.unflatten(values);
  }

  private layoutOf(template: unknown): TreeLayout | undefined {
    if (template !== this.template) {
      this.template = template;
      try {
        this.layout = TreeLayout.of(template as Params);
      } catch (error) {
        if (!(error instanceof TreeError)) throw error;
        this.layout = undefined;
      }
    }
    return this.layout;
  }

  /** values += sign · J·δ, δ = p − θ, over the moved entries only when the point says which. */
  private addSlope(values: Float64Array, J: Float64Array | undefined, p: Anchor | Point, sign: number): void {
    const n = this.base.length;
    if (!J || J.length !== values.length * n || p.flat.length !== n) return;
    const visit = (j: number) => {
      const d = sign * (p.flat[j] - this.base[j]);
      if (d !== 0) for (let i = 0; i < values.length; i++) values[i] += J[i * n + j] * d;
    };
    if (p.moved) for (const j of p.moved) visit(j);
    else for (let j = 0; j < n; j++) visit(j);
  }

  /** ½ δᵀHδ over the moved entries (dense points are left first-order: O(n²) for nothing). */
  private quadratic(H: Float64Array, p: Anchor | Point): number {
    const n = this.base.length;
    if (!p.moved || H.length !== n * n || p.flat.length !== n) return 0;
    let sum = 0;
    for (const j of p.moved) {
      for (const k of p.moved) sum += (p.flat[j] - this.base[j]) * H[j * n + k] * (p.flat[k] - this.base[k]);
    }
    return sum / 2;
  }
}
