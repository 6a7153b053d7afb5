/**
 * The async driver and a batched function (the contract in src/numeric/batched.ts, which
 * `gradcheck/workers` implements): one session per check, opened with θ, the points sent as
 * moves (flat indices and absolute values, never a full θ), closed when the check ends — or
 * stops. The report is the synchronous check's.
 */
import { checkGradient, checkGradientAsync, checkJacobian, checkJacobianAsync } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import { type BatchSession, type MovedPoint, batched } from '../../src/numeric/batched.js';
import { TreeLayout } from '../../src/numeric/tree.js';

/** A batched f over a plain f: keeps its own θ (flat), applies each point's moves, logs what it was sent. */
function batchedOf<R>(f: (theta: unknown) => R, fail?: (calls: number) => boolean) {
  const log = { opened: 0, closed: 0, batches: [] as number[], moved: [] as number[], calls: 0 };
  const fn = Object.assign(() => Promise.reject(new Error('called without a session')), {
    [batched]: {
      open: async (theta: unknown): Promise<BatchSession> => {
        log.opened++;
        const layout = TreeLayout.of(theta as number[]);
        const base = Float64Array.from(layout.values);
        return {
          evaluate: async (points: readonly MovedPoint[]) => {
            log.batches.push(points.length);
            return points.map((p) => {
              log.calls++;
              if (fail?.(log.calls)) throw new Error('the worker died');
              log.moved.push(p.indices.length);
              const flat = Float64Array.from(base);
              p.indices.forEach((i, k) => {
                flat[i] = p.values[k];
              });
              return f(layout.unflatten(flat));
            });
          },
          close: async () => {
            log.closed++;
          },
        };
      },
    },
  });
  return { fn, log };
}

const at = [0.3, -1.1, 0.8, 2.0];
const loss = (t: unknown) => (t as number[]).reduce((s, v, i) => s + Math.sin(v) * (i + 1), 0);
const grad = (t: number[]) => t.map((v, i) => Math.cos(v) * (i + 1));

/** The report as data: everything but durations and the lazy message. */
function data(report: { durationMs: number; message: string }): unknown {
  const { durationMs: _d, message: _m, ...rest } = report;
  return rest;
}

describe('the async driver with a batched f', () => {
  it('opens one session, sends moves in batches, closes it; the report is the synchronous one', async () => {
    const { fn, log } = batchedOf(loss);
    const report = await checkGradientAsync(fn as never, grad, { at });
    expect(data(report)).toEqual(data(checkGradient(loss, grad, { at })));
    expect(report.evaluations).toBe(8);
    expect([log.opened, log.closed]).toEqual([1, 1]);
    expect(log.batches).toEqual([8]); // the whole first pass in one batch
    expect(log.moved.every((k) => k === 1)).toBe(true); // one moved entry per point, never θ itself
  });

  it('a vector f (Jacobian) and a re-check: the same session for every batch', async () => {
    const layer = (t: unknown) => {
      const [a, b, c, d] = t as number[];
      return [a * b, c + d * d];
    };
    const jac = ([a, b, , d]: number[]) => [
      [b, a, 0, 0],
      [0, 0, 1, 2 * d],
    ];
    const { fn, log } = batchedOf(layer);
    const report = await checkJacobianAsync(fn as never, jac, { at });
    expect(data(report)).toEqual(data(checkJacobian(layer as never, jac, { at })));
    expect([log.opened, log.closed]).toEqual([1, 1]);
  });

  it('closes the session when the check stops on an error', async () => {
    const { fn, log } = batchedOf(loss, (calls) => calls === 3);
    await expect(checkGradientAsync(fn as never, grad, { at })).rejects.toThrow('the worker died');
    expect([log.opened, log.closed]).toEqual([1, 1]);
  });
});
