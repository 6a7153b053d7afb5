// checkGradient(f, grad(f), { at }) with f and grad written with jax-js and nothing around them:
// the scalar Array f returns is read as its loss, everything grad returns is freed once read,
// and the seed arrays gradcheck builds for its working copies are freed too.
import { grad, jvp, numpy as np, vjp } from '@jax-js/jax';
import { checkConvergence, checkGradient, checkGradientAsync, checkHessian, checkJvp, checkVjp } from 'gradcheck';
import 'gradcheck/jaxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { liveBuffers } from './census.js';
import { matrix, startJax } from './setup.js';

beforeAll(startJax);

type A = np.Array;
type P = { W: A; b: A };

const data = () => np.array(matrix(4, 3));
const lossOf = (X: A) => (p: P) => np.mean(np.square(np.tanh(np.matmul(X.ref, p.W).add(p.b))));
const at = () => ({ W: np.array(matrix(3, 2, 0.5)), b: np.array([0.05, -0.1]) });

describe('jax-js functions given to the checks as they are', () => {
  it('checkGradient(loss, grad(loss), { at }): passes, a wrong gradient fails, nothing is left', async () => {
    const X = data();
    const loss = lossOf(X);
    const theta = at();
    const before = await liveBuffers();
    const report = checkGradient(loss, grad(loss), { at: theta });
    expect([report.pass, report.settings.precision, report.evaluations]).toEqual([true, 'float32', 16]);
    const halfB = (p: P) => {
      const g = grad(loss)(p);
      return { W: g.W, b: g.b.mul(0.5) };
    };
    const wrong = checkGradient(loss, halfB, { at: theta });
    expect(wrong.pass).toBe(false);
    expect(wrong.mismatches.map((m) => m.path).sort()).toEqual(['b[0]', 'b[1]']);
    expect(loss).toHaveGradient(grad(loss), { at: theta });
    expect(await liveBuffers()).toBe(before);
    expect([theta.W.refCount, theta.b.refCount, X.refCount]).toEqual([1, 1, 1]);
  });

  it('the same report as through jaxFunction and jaxGradient, which still work', async () => {
    const { jaxFunction, jaxGradient } = await import('gradcheck/jaxjs');
    const X = data();
    const loss = lossOf(X);
    const theta = at();
    const before = await liveBuffers();
    const direct = checkGradient(loss, grad(loss), { at: theta });
    const wrapped = checkGradient(jaxFunction(loss), jaxGradient(grad(loss)), { at: theta });
    expect([direct.pass, direct.evaluations]).toEqual([wrapped.pass, wrapped.evaluations]);
    expect([...direct.numeric]).toEqual([...wrapped.numeric]);
    expect([...direct.analytic]).toEqual([...wrapped.analytic]);
    expect(await liveBuffers()).toBe(before);
  });

  it('async reads: an async loss and grad, checkGradientAsync gives the synchronous report, nothing is left', async () => {
    const X = data();
    const loss = lossOf(X);
    const theta = at();
    const sync = checkGradient(loss, grad(loss), { at: theta });
    const before = await liveBuffers();
    const asyncLoss = async (p: P) => {
      await Promise.resolve();
      return loss(p);
    };
    const asyncGrad = async (p: P) => grad(loss)(p);
    for (const concurrency of [1, 4]) {
      const report = await checkGradientAsync(asyncLoss, asyncGrad, { at: theta, concurrency });
      expect([report.pass, report.evaluations]).toEqual([true, sync.evaluations]);
      expect([...report.numeric]).toEqual([...sync.numeric]);
      expect([...report.analytic]).toEqual([...sync.analytic]);
    }
    await expect(asyncLoss).toHaveGradient(grad(loss), { at: theta });
    expect(await liveBuffers()).toBe(before);
    expect([theta.W.refCount, theta.b.refCount, X.refCount]).toEqual([1, 1, 1]);
  });

  it('a loss that is not one entry is refused, naming it, and freed', async () => {
    const theta = at();
    const before = await liveBuffers();
    const notScalar = (p: P) => np.tanh(p.W).add(p.b);
    expect(() => checkGradient(notScalar, grad(lossOf(data())), { at: theta })).toThrow(
      /^checkGradient: f must return a number, but returned a 3×2 jax-js Array with W\[0\]\[0\] moved by/,
    );
    expect(await liveBuffers()).toBe(before + 1);
  });
});

/** `a`, readable only asynchronously (`data()`), as on a device without synchronous reads. */
function asyncOnly(a: A): A {
  Object.defineProperty(a, 'dataSync', {
    value: () => {
      throw new Error('read synchronously');
    },
  });
  return a;
}

describe('async checks read what the functions return with data()', () => {
  it('a loss and gradient whose Arrays cannot be read synchronously: the synchronous report, nothing left', async () => {
    const X = data();
    const loss = lossOf(X);
    const theta = at();
    const sync = checkGradient(loss, grad(loss), { at: theta });
    const probe = asyncOnly(np.array([1, 2]));
    expect(() => probe.ref.dataSync()).toThrow('read synchronously');
    expect(await probe.ref.data()).toEqual(Float32Array.of(1, 2));
    probe.dispose();
    const before = await liveBuffers();
    const asyncLoss = async (p: P) => asyncOnly(loss(p));
    const asyncGrad = async (p: P) => {
      const g = grad(loss)(p);
      return { W: asyncOnly(g.W), b: asyncOnly(g.b) };
    };
    const report = await checkGradientAsync(asyncLoss, asyncGrad, { at: theta, concurrency: 2 });
    expect([report.pass, report.evaluations]).toEqual([true, sync.evaluations]);
    expect([...report.numeric]).toEqual([...sync.numeric]);
    expect([...report.analytic]).toEqual([...sync.analytic]);
    expect(await liveBuffers()).toBe(before);
    expect([theta.W.refCount, theta.b.refCount, X.refCount]).toEqual([1, 1, 1]);
  });
});

describe('vector-valued jax-js functions given to the checks as they are', () => {
  const layerOf = (X: A) => (p: P) => np.tanh(np.matmul(X.ref, p.W).add(p.b));

  it('checkVjp and checkJvp of a layer with its jax-js vjp and jvp: pass, nothing is left', async () => {
    const X = data();
    const layer = layerOf(X);
    const theta = at();
    const before = await liveBuffers();
    const layerVjp = (p: P, cotangent: A) => {
      const [y, pullback] = vjp(layer, [p]);
      y.dispose();
      const [g] = pullback(cotangent);
      pullback.dispose();
      return g;
    };
    const layerJvp = (p: P, tangent: P) => {
      const [y, dy] = jvp(layer, [p], [tangent]);
      y.dispose();
      return dy;
    };
    const vjpReport = checkVjp(layer, layerVjp, { at: theta });
    const jvpReport = checkJvp(layer, layerJvp, { at: theta });
    expect([vjpReport.pass, jvpReport.pass]).toEqual([true, true]);
    expect([vjpReport.evaluations, jvpReport.evaluations]).toEqual([17, 2 * 3]);
    expect(await liveBuffers()).toBe(before);
    expect([theta.W.refCount, theta.b.refCount, X.refCount]).toEqual([1, 1, 1]);
  });
});

describe('second derivatives and convergence of jax-js functions as they are', () => {
  it('checkHessian with H written with jax-js, and checkConvergence of grad(f): pass, nothing is left', async () => {
    const sines = (x: A) => np.sum(np.sin(x));
    const hessian = (x: A) => np.diag(np.sin(x).mul(-1));
    const x = np.array([0.1, 0.4]);
    const before = await liveBuffers();
    const report = checkHessian(sines, hessian, { at: x });
    expect([report.pass, report.evaluations]).toEqual([true, 9]);
    expect(checkConvergence(sines, grad(sines), { at: x }).pass).toBe(true);
    expect(await liveBuffers()).toBe(before);
    expect(x.refCount).toBe(1);
  });
});
