/**
 * Shared set-up of the jax-js suite: jax-js 0.1.25 on Node 20 starts with `init('cpu', 'wasm')`
 * (a bare `init()` also probes WebGPU and throws "navigator is not defined"), and the live-buffer
 * census starts before any test makes an array.
 */
import { init } from '@jax-js/jax';
import { liveBuffers } from './census.js';

/** Call in `beforeAll`. */
export async function startJax(): Promise<void> {
  await init('cpu', 'wasm');
  await liveBuffers();
}

/** Deterministic, kink-free values: 0.1·sin-like spread scaled by `scale`, shifted by `shift`. */
export function values(n: number, scale = 1, shift = 0): number[] {
  return Array.from({ length: n }, (_, i) => shift + scale * Math.sin(1.3 * i + 0.4));
}

/** A rows × cols matrix of `values`. */
export function matrix(rows: number, cols: number, scale = 1): number[][] {
  return Array.from({ length: rows }, (_, i) => values(cols, scale, 0.1 * i));
}
