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

  it('diagnoses and the error map name the outputs as the table does: out, out[1][1], out.y', () => {
    const grid = ([a, b, c]: number[]) => [
      [a * b, b * c],
      [Math.sin(c), a],
    ];
    const signFlipped = ([a, b, c]: number[], [u, v, w]: number[]) => [
      [b * u + a * v, c * v + b * w],
      [Math.cos(c) * w, -u],
    ];
    const r = checkJvp(grid, signFlipped, { at: [0.4, -0.7, 1.1] });
    expect(r.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['sign', ['out[1][1]']]]);
    const text = stripVTControlCharacters(r.message);
    expect(text).toContain('Sign error at out[1][1]');
    expect(text).toContain('Where out (2×2) disagrees');
    const tree = ([a, b, c]: number[]) => ({ y: [a * b, b * c], z: [Math.sin(c)] });
    const doubled = ([a, b, c]: number[], [u, v, w]: number[]) => ({
      y: [2 * (b * u + a * v), 2 * (c * v + b * w)],
      z: [2 * Math.cos(c) * w],
    });
    const t = checkJvp(tree, doubled, { at: [0.4, -0.7, 1.1] });
    expect(t.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['factor', ['out.y', 'out.z']]]);
    expect(t.diagnoses[0].message).toContain('Twice the true Jacobian–vector product');
    expect(t.tensors.map((x) => x.name)).toEqual(['out.y', 'out.z']);
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
