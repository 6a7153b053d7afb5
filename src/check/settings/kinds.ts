/**
 * The checks gradcheck runs. Every option in the schema (`schema.ts`) lists the checks that
 * accept it, and every report says which check made it, so `format` can word it.
 */
export type CheckKind = 'gradient' | 'derivative' | 'jacobian' | 'vjp' | 'jvp' | 'hessian' | 'allClose' | 'convergence';

/** The checks that take a point θ and differentiate f there (all but `allClose`). */
export const DIFFERENTIATING: readonly CheckKind[] = ['gradient', 'derivative', 'jacobian', 'vjp', 'jvp', 'hessian'];

/** The layer checks: every entry of a matrix or a product is compared, no sampling. */
export const LAYER_CHECKS: readonly CheckKind[] = ['jacobian', 'vjp', 'jvp', 'hessian'];

/** The checks of a scalar f's gradient (full or fast mode). */
export const GRADIENT_CHECKS: readonly CheckKind[] = ['gradient', 'derivative'];
