// checkGradient(f, grad(f), { at }) with f and grad written with jax-js and nothing around them:
// the scalar Array f returns read as its loss, and everything grad returns freed once read.
//
// SWITCHED OFF ON BRANCH jaxjs: it needs two changes in the core (src/numeric, src/check) that
// this branch does not own, described in the jaxjs report to the lead: a scalar tensor returned
// by f read through its adapter, and `TensorAdapter.release` called on what user functions
// return. Set CORE_RELEASES_RESULTS to true when they land; the tests must then pass.
import { grad, numpy as np } from '@jax-js/jax';
import { checkGradient } from 'gradcheck';
import 'gradcheck/jaxjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { liveBuffers } from './census.js';
import { matrix, startJax } from './setup.js';

const CORE_RELEASES_RESULTS = false;

beforeAll(startJax);

type A = np.Array;
type P = { W: A; b: A };

describe.runIf(CORE_RELEASES_RESULTS)('jax-js functions given to the checks as they are', () => {
  it('checkGradient(loss, grad(loss), { at }): passes, a wrong gradient fails, nothing is left', async () => {
    const X = np.array(matrix(4, 3));
    const lossArray = (p: P) => np.mean(np.square(np.tanh(np.matmul(X.ref, p.W).add(p.b))));
    // checkGradient's types still say f returns a number; the core change would widen them.
    const loss = lossArray as unknown as (p: P) => number;
    const at = { W: np.array(matrix(3, 2, 0.5)), b: np.array([0.05, -0.1]) };
    const before = await liveBuffers();
    expect(checkGradient(loss, grad(lossArray), { at }).pass).toBe(true);
    const halfB = (p: P) => {
      const g = grad(lossArray)(p);
      return { W: g.W, b: g.b.mul(0.5) };
    };
    const wrong = checkGradient(loss, halfB, { at });
    expect(wrong.mismatches.map((m) => m.path).sort()).toEqual(['b[0]', 'b[1]']);
    expect(loss).toHaveGradient(grad(lossArray), { at });
    expect(await liveBuffers()).toBe(before);
    expect([at.W.refCount, at.b.refCount, X.refCount]).toEqual([1, 1, 1]);
  });
});
