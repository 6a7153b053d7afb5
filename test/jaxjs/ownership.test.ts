// jax-js's ownership rules (an array is freed when a function consumes it; `.ref` keeps it):
// a check never consumes the caller's arrays, and frees every array it makes or is handed.
// Counted independently of gradcheck, by jax-js's live buffers (census.ts).
import { grad, numpy as np, vjp } from '@jax-js/jax';
import { GradcheckError, checkGradient } from 'gradcheck';
import { checkGrads, jaxFunction, jaxGradient } from 'gradcheck/jaxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { liveBuffers } from './census.js';
import { matrix, startJax, values } from './setup.js';

beforeAll(startJax);

type A = np.Array;
type P = { W: A; b: A };
const X = () => np.array(matrix(4, 3));

/** A loss over { W, b } that records every array it is given. */
function recordingLoss(x: A) {
  const seen: A[] = [];
  const loss = (p: P) => {
    seen.push(p.W, p.b);
    return np.mean(np.square(np.tanh(np.matmul(x.ref, p.W).add(p.b))));
  };
  return { loss, seen };
}

describe('checkGradient with jaxFunction and jaxGradient', () => {
  it('leaves as many live buffers as before, and the caller arrays as they were', async () => {
    const x = X();
    const at = { W: np.array(matrix(3, 2, 0.5)), b: np.array([0.05, -0.1]) };
    const { loss, seen } = recordingLoss(x);
    const plain = recordingLoss(x).loss;
    const gradSeen: A[] = [];
    const gradient = (p: P) => {
      gradSeen.push(p.W, p.b);
      return grad(plain)(p);
    };
    const before = await liveBuffers();
    const report = checkGradient(jaxFunction(loss), jaxGradient(gradient), { at });
    expect(report.pass).toBe(true);
    expect(report.evaluations).toBe(2 * 8);
    expect(await liveBuffers()).toBe(before);
    // The caller's arrays: not consumed, same values.
    expect([at.W.refCount, at.b.refCount, x.refCount]).toEqual([1, 1, 1]);
    expect(at.b.ref.js()).toEqual([Math.fround(0.05), Math.fround(-0.1)]);
    // f and grad got fresh copies (never the caller's objects), one pair per call, each consumed.
    expect(seen.length).toBe(2 * report.evaluations);
    expect(gradSeen.length).toBe(2);
    for (const a of [...seen, ...gradSeen]) {
      expect(a === at.W || a === at.b).toBe(false);
      expect([a.refCount, a.dtype, a.device]).toEqual([0, 'float32', 'wasm']);
    }
    for (const a of [x, at.W, at.b]) a.dispose();
  });

  it('frees everything on a failing check and on a check that throws', async () => {
    const x = X();
    const at = { W: np.array(matrix(3, 2, 0.5)), b: np.array([0.05, -0.1]) };
    const { loss } = recordingLoss(x);
    const before = await liveBuffers();
    const wrong = (p: P) => {
      const g = grad(loss)(p);
      return { W: g.W, b: g.b.mul(3) };
    };
    expect(checkGradient(jaxFunction(loss), jaxGradient(wrong), { at }).pass).toBe(false);
    expect(await liveBuffers()).toBe(before);
    // f returns the whole [4, 2] activation instead of a scalar loss: refused, and freed.
    const vector = (p: P) => np.tanh(np.matmul(x.ref, p.W).add(p.b));
    expect(() => checkGradient(jaxFunction(vector), jaxGradient(grad(loss)), { at })).toThrow(
      'jaxFunction: f must return a scalar (a jax-js Array of one entry, such as np.sum(…), or a number), but returned a float32[4, 2] jax-js Array on wasm',
    );
    expect(await liveBuffers()).toBe(before);
    expect([at.W.refCount, at.b.refCount]).toEqual([1, 1]);
    for (const a of [x, at.W, at.b]) a.dispose();
  });
});

describe('checkGrads', () => {
  const f = (x: A, w: A) => np.tanh(np.matmul(x, w));
  const args = () => [np.array(matrix(2, 3)), np.array(matrix(3, 2, 0.6))];

  it.each([
    { order: 1, modes: ['fwd', 'rev'] },
    { order: 2, modes: ['fwd'] },
  ] as const)('order $order, modes $modes: no buffer left behind, the arguments untouched', async (options) => {
    const [x, w] = args();
    const before = await liveBuffers();
    expect(checkGrads(f, [x, w], options).pass).toBe(true);
    expect(await liveBuffers()).toBe(before);
    expect([x.refCount, w.refCount]).toEqual([1, 1]);
    x.dispose();
    w.dispose();
  });

  // jax-js 0.1.25 itself keeps 3 buffers per reverse-over-reverse call (vjp of a function that
  // calls a pullback), whoever calls it: measured here on a bare call, so that the check is held
  // to leaking nothing of its own.
  it('order 2, mode rev: leaks only what jax-js itself leaks per vjp-of-vjp call', async () => {
    const [x, w] = args();
    const ones = () => np.ones([2, 2]);
    const inner = (...xs: A[]) => {
      const [y, pullback] = vjp(f, xs as [A, A]);
      y.dispose();
      const ct = pullback(ones());
      pullback.dispose();
      return ct;
    };
    let before = await liveBuffers();
    const [y, pullback] = vjp(inner, [x.ref, w.ref]);
    for (const a of y) a.dispose();
    for (const a of pullback([np.ones([2, 3]), np.ones([3, 2])])) a.dispose();
    pullback.dispose();
    const perCall = (await liveBuffers()) - before;
    expect(perCall).toBe(3);

    before = await liveBuffers();
    const report = checkGrads(f, [x, w], { order: 2, modes: ['rev'], cotangents: 2 });
    expect(report.pass).toBe(true);
    // 2 cotangents: the VJP of VJP check calls jax-js's vjp of the inner pullback twice.
    expect((await liveBuffers()) - before).toBe(2 * perCall);
    x.dispose();
    w.dispose();
  });
});

describe("the caller's arrays", () => {
  it('an array already consumed is refused, naming .ref', () => {
    const x = np.array(values(3));
    const loss = (v: A) => np.sum(np.sin(v));
    np.sum(x); // consumes x
    expect(() => checkGradient(jaxFunction(loss), jaxGradient(grad(loss)), { at: x })).toThrow(
      new GradcheckError(
        'gradcheck/jaxjs: a float32[3] jax-js Array on wasm was already consumed or disposed (refCount 0); pass x.ref where you use an array again after handing it to a function',
      ),
    );
  });

  it('an int32 array is refused, naming the conversion', () => {
    const x = np.array([1, 2, 3], { dtype: np.int32 });
    const loss = (v: A) => np.sum(v);
    expect(() => checkGradient(jaxFunction(loss), jaxGradient(grad(loss)), { at: x })).toThrow(
      'gradcheck/jaxjs: θ or a gradient holds a int32[3] jax-js Array on wasm; only float32 and float64 arrays can be differentiated (convert it with .astype(np.float32) or .astype(np.float64))',
    );
    x.dispose();
  });
});
