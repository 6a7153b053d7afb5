// dtypes and devices: float32 arrays make the check float32, float64 arrays keep it float64, and
// f receives its arrays in the caller's dtype on the caller's device. Facts of jax-js 0.1.25 on
// Node 20 that the adapter works around or reports: a float64 array cannot be made from
// JavaScript data (its type test names the missing Float16Array), and on the wasm device float64
// sin, cos, exp and log are computed in float32.
import { grad, numpy as np } from '@jax-js/jax';
import { checkGradient, flatten } from 'gradcheck';
import { checkGrads, jaxAdapter, jaxFunction, jaxGradient } from 'gradcheck/jaxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startJax, values } from './setup.js';

beforeAll(startJax);

type A = np.Array;
const float64 = (xs: number[], device: 'cpu' | 'wasm') => np.array(xs, { device }).astype(np.float64);

describe('the adapter', () => {
  it('names entries by path and reads without consuming', () => {
    const W = np.array([
      [1, 2],
      [3, 4],
    ]);
    const flat = flatten({ W, b: np.array([5]) });
    expect(flat.paths).toEqual(['W[0][0]', 'W[0][1]', 'W[1][0]', 'W[1][1]', 'b[0]']);
    expect([...flat.values]).toEqual([1, 2, 3, 4, 5]);
    expect(W.refCount).toBe(1);
    expect(jaxAdapter.name).toBe('jax-js Array');
    W.dispose();
  });

  it('makes float64 arrays from data where jax-js alone cannot, and leaves no Float16Array behind', () => {
    expect(() => np.array(new Float64Array([0.1, 0.2]))).toThrow('Float16Array is not defined');
    const like = float64([0, 0], 'cpu');
    const made = jaxAdapter.build(Float64Array.of(0.1, 0.2), like) as A;
    expect([made.dtype, made.device, made.shape]).toEqual(['float64', 'cpu', [2]]);
    expect(made.js()).toEqual([0.1, 0.2]); // exact: not rounded through float32
    expect(typeof (globalThis as { Float16Array?: unknown }).Float16Array).toBe('undefined');
    like.dispose();
  });
});

describe('precision follows the dtype', () => {
  const sines = (x: A) => np.sum(np.sin(x));

  it('float32 arrays: a float32 check (float32 step and tolerances)', () => {
    const report = checkGradient(jaxFunction(sines), jaxGradient(grad(sines)), { at: np.array(values(4)) });
    expect(report.pass).toBe(true);
    expect(report.settings.precision).toBe('float32');
  });

  it('float64 arrays on the cpu device: a float64 check that f computes in float64', () => {
    const seen: string[] = [];
    const f = (x: A) => {
      seen.push(`${x.dtype} on ${x.device}`);
      return sines(x);
    };
    const at = float64(values(4), 'cpu');
    const report = checkGradient(jaxFunction(f), jaxGradient(grad(sines)), { at, rtol: 1e-8 });
    expect(report.settings.precision).toBe('float64');
    expect(report.pass).toBe(true);
    expect(report.maxRelError).toBeLessThan(1e-8);
    expect(new Set(seen)).toEqual(new Set(['float64 on cpu']));
    at.dispose();
  });

  it('float64 arrays on wasm: arithmetic and matmul are float64 …', () => {
    const quadratic = (x: A) => np.sum(np.square(np.matmul(x.ref.reshape([2, 2]), x.reshape([2, 2]))));
    const at = float64(values(4), 'wasm');
    const report = checkGradient(jaxFunction(quadratic), jaxGradient(grad(quadratic)), { at, rtol: 1e-8 });
    expect(report.settings.precision).toBe('float64');
    expect(report.pass).toBe(true);
    at.dispose();
  });

  it('… but sin is float32 there, which a float64 check reports as f computing in float32', () => {
    const at = float64(values(4), 'wasm');
    const report = checkGradient(jaxFunction(sines), jaxGradient(grad(sines)), { at });
    expect(report.settings.precision).toBe('float64');
    expect(report.pass).toBe(false);
    expect(report.diagnoses.map((d) => d.kind)).toContain('float32-in-float64');
    at.dispose();
  });

  it('plain θ leaves reach f as jax-js Arrays in the dtype of their storage, on the default device', () => {
    const seen: string[] = [];
    const cube = (p: { a: A; b: A }) => {
      // (grad calls cube with tracers, which have no device: only the arrays f is given count)
      if (typeof p.a.device === 'string') seen.push(`${p.a.dtype}[${p.a.shape}] and ${p.b.dtype}[${p.b.shape}] on ${p.a.device}`);
      return np.sum(np.power(p.a, 3)).add(np.sum(np.square(p.b)));
    };
    const at = { a: [0.5, -1.5, 2], b: [Float32Array.of(0.1, 0.2), Float32Array.of(0.3, 0.4)] };
    const report = checkGradient(jaxFunction(cube), jaxGradient(grad(cube)), { at, precision: 'float32' });
    expect(report.pass).toBe(true);
    expect(new Set(seen)).toEqual(new Set(['float64[3] and float32[2,2] on wasm']));
  });

  it("checkGrads on float64 cpu arrays: jax-js's derivatives to second order at float64, on the cpu device", () => {
    const devices = new Set<string>();
    const f = (x: A, w: A) => {
      if (typeof x.device === 'string') devices.add(`${x.dtype} ${x.device} ${w.dtype} ${w.device}`);
      return np.sin(np.matmul(x, w));
    };
    const x = float64(values(6), 'cpu').reshape([2, 3]);
    const w = float64(values(3, 0.5), 'cpu').reshape([3, 1]);
    const report = checkGrads(f, [x, w], { order: 2, rtol: 1e-7 });
    expect(report.checks.map((c) => [c.name, c.report.pass, c.report.settings.precision])).toEqual([
      ['JVP', true, 'float64'],
      ['JVP of JVP', true, 'float64'],
      ['VJP', true, 'float64'],
      ['VJP of VJP', true, 'float64'],
    ]);
    expect(devices).toEqual(new Set(['float64 cpu float64 cpu']));
    x.dispose();
    w.dispose();
  });
});
