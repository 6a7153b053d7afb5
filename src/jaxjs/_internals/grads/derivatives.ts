/**
 * @internal What `checkGrads` hands to gradcheck's public checks for one jax-js function g: g
 * itself as a function of θ (the list of g's arguments) returning plain values, and g's JVP and
 * VJP by jax-js's own `jvp` and `vjp`. Every array they receive is a fresh copy that jax-js
 * consumes; every array they get back is read and freed, and every pullback disposed.
 */
import { type Params, TreeLayout } from '../../../numeric/tree.js';
import type { JaxArray, JaxFunction, JaxModule } from '../../types.js';
import { isJaxArray, makeArray } from '../arrays.js';
import { disposeTree, readTree } from '../trees.js';
import { deviceOf, randomLike } from './probes.js';

/** The three functions the checks of one level need. */
export interface Derivatives {
  readonly f: (theta: unknown[]) => Params;
  readonly jvp: (theta: unknown[], tangent: unknown[]) => Params;
  readonly vjp: (theta: unknown[], cotangent: Params) => Params;
}

/** A plain tree (ȳ from gradcheck) as jax-js arrays shaped, typed and placed like `like`. */
function arraysLike(jax: JaxModule, plain: Params, like: unknown): unknown {
  if (isJaxArray(like)) {
    const dtype = like.dtype === 'float64' ? 'float64' : 'float32';
    return makeArray(jax, TreeLayout.of(plain).values, like.shape, dtype, like.device);
  }
  if (typeof like === 'number') return plain;
  if (Array.isArray(like)) return like.map((item, i) => arraysLike(jax, (plain as Params[])[i], item));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(like as object))
    out[key] = arraysLike(jax, (plain as Record<string, Params>)[key], item);
  return out;
}

/**
 * g, its JVP and its VJP as gradcheck's checks take them; `name` names g in messages.
 *
 * @example
 * const d = derivatives(jax, f, 'checkGrads', 'f');
 * checkJvp(d.f, d.jvp, { at: args });
 */
export function derivatives(jax: JaxModule, g: JaxFunction, caller: string, name: string): Derivatives {
  return {
    f: (theta) => readTree(g(...theta), caller, name),
    jvp(theta, tangent) {
      const [y, t] = jax.jvp(g, theta, tangent);
      disposeTree(y);
      return readTree(t, caller, `jvp(${name})`);
    },
    vjp(theta, cotangent) {
      const [y, pullback] = jax.vjp(g, theta);
      try {
        const ct = arraysLike(jax, cotangent, y);
        disposeTree(y);
        return readTree(pullback(ct), caller, `vjp(${name})`);
      } finally {
        pullback.dispose();
      }
    },
  };
}

/**
 * f's derivative along one fixed seeded tangent u, as a jax-js function of f's arguments:
 * x ↦ ∂f(x)[u]. Its own JVP is then a second derivative of f.
 *
 * @example
 * const h = tangentOf(jax, f, args, 0); // h(...args) = jvp(f, args, [u])[1]
 */
export function tangentOf(jax: JaxModule, f: JaxFunction, args: readonly unknown[], seed: number): JaxFunction {
  const device = deviceOf(args);
  return (...xs: unknown[]) => {
    const [y, t] = jax.jvp(f, xs, randomLike(jax, args, seed, device) as unknown[]);
    disposeTree(y);
    return t;
  };
}

/**
 * f pulled back along one fixed seeded cotangent c, as a jax-js function of f's arguments:
 * x ↦ J(x)ᵀc (for a scalar f, c·∇f). Its own VJP is then a second derivative of f.
 *
 * @example
 * const g = cotangentOf(jax, f, args, 0); // g(...args) = vjp(f, args)[1](c)
 */
export function cotangentOf(jax: JaxModule, f: JaxFunction, args: readonly unknown[], seed: number): JaxFunction {
  const device = deviceOf(args);
  return (...xs: unknown[]) => {
    const [y, pullback] = jax.vjp(f, xs);
    try {
      const c = randomLike(jax, y as JaxArray, seed, device);
      disposeTree(y);
      return pullback(c);
    } finally {
      pullback.dispose();
    }
  };
}
