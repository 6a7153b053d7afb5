import { stripVTControlCharacters } from 'node:util';
import { GradcheckError, checkJacobian, numericJacobian } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import {
  type Conv,
  type Dense,
  conv2d,
  conv2dJacobian,
  dense,
  denseJacobian,
  denseJacobianNoBias,
  fill,
  softmax,
  softmaxJacobian,
  softmaxJacobianMissingTerm,
  tanhJacobian,
  tanhJacobianSign,
  tanhLayer,
} from './layers.js';

const z = [0.3, -1.2, 0.8, 0.1, -0.4];
const denseAt = (): Dense => ({ x: [0.5, -0.3, 0.9], W: fill(2, 3), b: [0.1, -0.2] });
const convAt = (): Conv => ({ x: fill(4, 4, 1), K: fill(3, 3, 2) });

describe('numericJacobian', () => {
  it('returns rows = flattened outputs, columns = flattened inputs, in exactly 2n calls', () => {
    let calls = 0;
    const f = ([x, y]: number[]) => {
      calls++;
      return [x * y, x + y, Math.sin(x)];
    };
    const J = numericJacobian(f, [2, 3]);
    expect(calls).toBe(4);
    expect(J).toHaveLength(3);
    expect(J[0][0]).toBeCloseTo(3, 8);
    expect(J[0][1]).toBeCloseTo(2, 8);
    expect(J[1]).toEqual([expect.closeTo(1, 8), expect.closeTo(1, 8)]);
    expect(J[2][0]).toBeCloseTo(Math.cos(2), 8);
  });

  it('handles tree inputs and outputs, a scalar output, and Richardson', () => {
    const J = numericJacobian(conv2d, convAt(), { method: 'richardson' });
    const exact = conv2dJacobian(convAt());
    expect(J).toHaveLength(4);
    expect(J[0]).toHaveLength(25);
    J.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - exact[i][j])).toBeLessThan(1e-10)));
    expect(numericJacobian(([x]: number[]) => x * x, [3])).toEqual([[expect.closeTo(6, 8)]]);
  });

  it("takes n + 1 calls with method: 'forward'", () => {
    let calls = 0;
    const J = numericJacobian(
      (t: number[]) => {
        calls++;
        return [t[0] * t[1], t[2]];
      },
      [1, 2, 3],
      { method: 'forward' },
    );
    expect(calls).toBe(4);
    expect(J[0][0]).toBeCloseTo(2, 6);
    expect(J[1]).toEqual([0, 0, expect.closeTo(1, 8)]);
  });

  it('names the output entry and the move when f returns a non-finite value', () => {
    expect(() => numericJacobian(([x]: number[]) => [1, x > 1 ? Number.NaN : 0], [1])).toThrow(
      /numericJacobian: f returned NaN in out\[1\] with \[0\] moved by \+/,
    );
  });
});

describe('checkJacobian on layers', () => {
  it('passes softmax, a dense layer, a 2-D convolution and tanh', () => {
    expect(checkJacobian(softmax, softmaxJacobian, { at: z }).pass).toBe(true);
    const r = checkJacobian(dense, denseJacobian, { at: denseAt() });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(2 * (3 + 6 + 2));
    expect(r.checked).toBe(2 * 11);
    expect(checkJacobian(conv2d, conv2dJacobian, { at: convAt() }).pass).toBe(true);
    expect(checkJacobian(tanhLayer, tanhJacobian, { at: z }).pass).toBe(true);
    // A Jacobian given as a value, and with Float64Array rows.
    expect(
      checkJacobian(
        tanhLayer,
        tanhJacobian(z).map((r) => Float64Array.from(r)),
        { at: z },
      ).pass,
    ).toBe(true);
  });

  it('catches a missing term in softmax and names the entries ∂out[i]/∂θ[j]', () => {
    const r = checkJacobian(softmax, softmaxJacobianMissingTerm, { at: z });
    expect(r.pass).toBe(false);
    expect(r.mismatches).toHaveLength(25);
    expect(r.mismatches.map((m) => m.path)).toContain('∂out[1]/∂θ[3]');
    const text = stripVTControlCharacters(r.message);
    expect(text).toContain('The analytic Jacobian disagrees with the numeric one');
    expect(text).toContain('Where ∂out/∂θ (5×5) disagrees');
  });

  it('catches a missing bias block in a dense layer and maps that block only', () => {
    const r = checkJacobian(dense, denseJacobianNoBias, { at: denseAt() });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path).sort()).toEqual(['∂out[0]/∂b[0]', '∂out[1]/∂b[1]']);
    const text = stripVTControlCharacters(r.message);
    expect(text).toContain('Wrong blocks: ∂out/∂b (2 of 4 entries).');
    expect(text).toContain('Where ∂out/∂b (2×2) disagrees (× wrong, · right):\n  × ·\n  · ×');
    expect(text).not.toContain('Where ∂out/∂W');
    expect(r.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['zeroed', ['∂out/∂b']]]);
    expect(r.hints.join('\n')).toContain('Zeroed: the analytic values of ∂out/∂b are exactly 0, the numerical ones are not.');
  });

  it('catches a wrong sign in the tanh Jacobian', () => {
    const r = checkJacobian(tanhLayer, tanhJacobianSign, { at: z });
    expect(r.pass).toBe(false);
    expect(r.mismatches).toHaveLength(5);
    expect(r.hints.join('\n')).toContain('Sign error');
  });

  it('catches a flipped kernel in the convolution and names the x block', () => {
    const r = checkJacobian(conv2d, (p: Conv) => conv2dJacobian(p, true), { at: convAt() });
    expect(r.pass).toBe(false);
    expect(r.mismatches.every((m) => /^∂out\[\d\]\[\d\]\/∂x\[\d\]\[\d\]$/.test(m.path))).toBe(true);
    expect(stripVTControlCharacters(r.message)).toContain('Where ∂out/∂x (4×16) disagrees');
  });

  it('names a transposed Jacobian of a square layer', () => {
    const W = fill(3, 3);
    const f = (x: number[]) => W.map((row) => row.reduce((s, w, j) => s + w * x[j], 0));
    const r = checkJacobian(
      f,
      W[0].map((_, j) => W.map((row) => row[j])),
      { at: [0.1, 0.2, 0.3] },
    );
    expect(r.pass).toBe(false);
    expect(r.hints.join('\n')).toContain('Transposed');
  });

  it('works with .not and the matcher', () => {
    expect(softmax).toHaveJacobian(softmaxJacobian, { at: z });
    expect(softmax).not.toHaveJacobian(softmaxJacobianMissingTerm, { at: z });
    let text = '';
    try {
      expect(softmax).toHaveJacobian(softmaxJacobianMissingTerm, { at: z });
    } catch (error) {
      text = stripVTControlCharacters((error as Error).message);
    }
    expect(text).toContain('expect(received).toHaveJacobian(jac, options)');
    expect(text).toContain('∂out[0]/∂θ[2]         0  -0.0940387');
  });

  it('rejects a Jacobian of the wrong shape, naming a transposed one', () => {
    expect(() => checkJacobian(dense, (p: Dense) => denseJacobian(p).slice(1), { at: denseAt() })).toThrow(GradcheckError);
    const tall = (x: number[]) => [x[0], x[1], x[0] * x[1]];
    expect(() =>
      checkJacobian(
        tall,
        [
          [1, 0, 2],
          [0, 1, 1],
        ],
        { at: [1, 2] },
      ),
    ).toThrow(
      'checkJacobian: the Jacobian must be 3×2 (rows = 3 outputs, columns = 2 inputs), but it is 2×3 — it looks transposed',
    );
    expect(() => checkJacobian(tall, [[1, 0]], { at: [1, 2], cotangents: 2 } as never)).toThrow(
      /checkJacobian: unknown option "cotangents"/,
    );
  });
});
