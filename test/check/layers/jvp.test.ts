import { stripVTControlCharacters } from 'node:util';
import { GradcheckError, checkJvp } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import { type Dense, conv2d, dense, denseJvp, denseJvpNoBias, fill } from './layers.js';

const at = (): Dense => ({ x: [0.5, -0.3, 0.9], W: fill(2, 3), b: [0.1, -0.2] });

describe('checkJvp', () => {
  it('passes a dense layer over { x, W, b } with exactly 2 calls of f per tangent', () => {
    const r = checkJvp(dense, denseJvp, { at: at() });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(2 * 3);
    expect(r.checked).toBe(2);
    expect(checkJvp(dense, denseJvp, { at: at(), tangents: 5, seed: 3 }).evaluations).toBe(10);
  });

  it('passes explicit tangents to jvp and pushes them forward', () => {
    const u: Dense = {
      x: [1, 0, 0],
      W: [
        [0, 0, 0],
        [0, 0, 0],
      ],
      b: [0, 1],
    };
    const seen: Dense[] = [];
    const r = checkJvp(
      dense,
      (p: Dense, t: Dense) => {
        seen.push(t);
        return denseJvp(p, t);
      },
      { at: at(), tangents: u },
    );
    expect(r.pass).toBe(true);
    expect(seen).toEqual([u]);
    expect(r.evaluations).toBe(2);
  });

  it('catches a missing bias term and names the outputs', () => {
    const r = checkJvp(dense, denseJvpNoBias, { at: at() });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path).sort()).toEqual(['out[0]', 'out[1]']);
    const text = stripVTControlCharacters(r.message);
    expect(text).toContain('The analytic Jacobian–vector product disagrees with the numeric one');
    expect(text).toContain('random tangents u (standard normal entries, seed 0)');
  });

  it('names 2-D outputs by their path and works with .not', () => {
    const K = fill(2, 2, 1);
    const f = (x: number[][]) => conv2d({ x, K });
    const wrong = (_x: number[][], u: number[][]) =>
      conv2d({ x: u, K }).map((row, r) => row.map((v, c) => (r === 1 && c === 0 ? 2 * v : v)));
    expect(f).toHaveJvp((_x: number[][], u: number[][]) => conv2d({ x: u, K }), { at: fill(3, 3) });
    expect(f).not.toHaveJvp(wrong, { at: fill(3, 3) });
    expect(checkJvp(f, wrong, { at: fill(3, 3) }).mismatches.map((m) => m.path)).toEqual(['out[1][0]']);
  });

  it('rejects tangents of the wrong shape and results of the wrong shape', () => {
    expect(() => checkJvp(dense, denseJvp, { at: at(), tangents: [1, 2, 3] })).toThrow(GradcheckError);
    expect(() => checkJvp(dense, () => [1, 2, 3], { at: at() })).toThrow(/checkJvp: .*the jvp result for tangent 0/);
    expect(() =>
      checkJvp(dense, denseJvp, {
        at: at(),
        tangents: {
          x: [0, 0, 0],
          W: [
            [0, 0, 0],
            [0, 0, 0],
          ],
          b: [0, 0],
        },
      }),
    ).toThrow('checkJvp: options.tangents is all zeros; a tangent needs a direction');
  });
});
