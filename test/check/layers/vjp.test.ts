import { stripVTControlCharacters } from 'node:util';
import { GradcheckError, checkVjp } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import {
  type Dense,
  crossEntropy,
  crossEntropyVjp,
  crossEntropyVjpNoOneHot,
  dense,
  denseVjp,
  denseVjpNoBias,
  denseVjpSignX,
  denseVjpTransposedW,
  fill,
} from './layers.js';

/** A dense layer with a square W, so that a transposed W̄ still has W's shape. */
const square = (): Dense => ({ x: [0.5, -0.3, 0.9], W: fill(3, 3), b: [0.1, -0.2, 0.3] });
const wide = (): Dense => ({ x: [0.5, -0.3, 0.9, 0.2], W: fill(2, 4), b: [0.1, -0.2] });
const n = (p: Dense) => p.x.length + p.W.length * p.W[0].length + p.b.length;

describe('checkVjp on a dense layer (θ = { x, W, b })', () => {
  it('passes the correct backward pass with random cotangents: 2n + 1 calls of f', () => {
    const r = checkVjp(dense, denseVjp, { at: square() });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(2 * n(square()) + 1);
    expect(r.checked).toBe(n(square()));
    expect(checkVjp(dense, denseVjp, { at: wide(), cotangents: 5, seed: 7 }).pass).toBe(true);
  });

  it('accepts explicit cotangents: one, or a list', () => {
    let seen: number[][] = [];
    const spy = (p: Dense, yBar: number[]) => {
      seen.push(yBar);
      return denseVjp(p, yBar);
    };
    expect(checkVjp(dense, spy, { at: wide(), cotangents: [1, -1] }).pass).toBe(true);
    expect(seen).toEqual([[1, -1]]);
    seen = [];
    expect(
      checkVjp(dense, spy, {
        at: wide(),
        cotangents: [
          [1, 0],
          [0, 1],
        ],
      }).pass,
    ).toBe(true);
    expect(seen).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('catches a transposed weight gradient and names the W entries', () => {
    const r = checkVjp(dense, denseVjpTransposedW, { at: square() });
    expect(r.pass).toBe(false);
    expect(r.mismatches.every((m) => m.path.startsWith('W['))).toBe(true);
    expect(r.mismatches.length).toBe(6); // the off-diagonal entries
    expect(r.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['transposed', ['W']]]);
    expect(r.hints.join('\n')).toContain('Transposed W (3×3): the analytic values are the numerical ones transposed.');
    expect(stripVTControlCharacters(r.message)).toContain(
      'Where W (3×3) disagrees (× wrong, · right):\n  · × ×\n  × · ×\n  × × ·',
    );
  });

  it('rejects a transposed W̄ of a non-square W as the wrong shape', () => {
    expect(() => checkVjp(dense, denseVjpTransposedW, { at: wide() })).toThrow(
      'checkVjp: W has 2×4 entries, the vjp result for cotangent 0 W has 4×2 (transposed?)',
    );
  });

  it('catches a missing bias term and a wrong sign in the x block, naming them', () => {
    const noBias = checkVjp(dense, denseVjpNoBias, { at: square() });
    expect(noBias.pass).toBe(false);
    expect(noBias.mismatches.map((m) => m.path).sort()).toEqual(['b[0]', 'b[1]', 'b[2]']);
    expect(noBias.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['zeroed', ['b']]]);
    expect(noBias.hints.join('\n')).toContain('Zeroed: the analytic values of b are exactly 0, the numerical ones are not.');
    const sign = checkVjp(dense, denseVjpSignX, { at: square() });
    expect(sign.mismatches.map((m) => m.path).sort()).toEqual(['x[0]', 'x[1]', 'x[2]']);
    expect(sign.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['sign', ['x']]]);
    expect(sign.hints.join('\n')).toContain('Sign error in x: the analytic values are −1 × the numerical ones.');
  });

  it('works as a matcher with .not', () => {
    expect(dense).toHaveVjp(denseVjp, { at: square() });
    expect(dense).not.toHaveVjp(denseVjpNoBias, { at: square() });
    expect(() => expect(dense).toHaveVjp(denseVjpNoBias, { at: square() })).toThrow(/toHaveVjp/);
  });
});

describe('checkVjp guards', () => {
  it('fails, naming the culprit, when vjp or f writes to θ', () => {
    const mutating = (p: Dense, yBar: number[]) => {
      p.b[1] = 7;
      return denseVjp({ ...p, b: [0, 0, 0] }, yBar);
    };
    const r = checkVjp(dense, mutating, { at: square() });
    expect(r.pass).toBe(false);
    expect(r.hints.join('\n')).toContain('vjp mutates θ: vjp changed b[1] from -0.2 to 7');
    const f = (p: Dense) => {
      const y = dense(p);
      p.x[0] = 0;
      return y;
    };
    expect(checkVjp(f, denseVjp, { at: square() }).hints.join('\n')).toContain('f mutates θ: f changed x[0]');
  });

  it('throws a GradcheckError for bad input, with .not too', () => {
    expect(() => checkVjp(dense, 3 as never, { at: square() })).toThrow(
      'checkVjp: vjp must be a function (θ, ȳ) → θ̄, but got number',
    );
    expect(() => checkVjp(dense, denseVjp, { at: square(), mode: 'fast' })).toThrow(
      /checkVjp: options.mode 'fast' applies to gradient checks/,
    );
    expect(() => checkVjp(dense, denseVjp, { at: square(), cotangents: 0 })).toThrow(GradcheckError);
    expect(() => checkVjp(dense, denseVjp, { at: square(), cotangents: [1, 2] })).toThrow(
      /checkVjp: options.cotangents must be a count, one vector shaped like f's output, or an array of them/,
    );
    expect(() => expect(dense).not.toHaveVjp(denseVjp, { at: square(), cotangents: [[1]] })).toThrow(GradcheckError);
  });

  it('applies maxRelativeDifference', () => {
    expect(checkVjp(dense, denseVjp, { at: square(), maxRelativeDifference: 1e-9 }).pass).toBe(true);
    const slightly = (p: Dense, yBar: number[]) => {
      const v = denseVjp(p, yBar);
      return { ...v, b: v.b.map((x) => x * (1 + 1e-7)) };
    };
    expect(checkVjp(dense, slightly, { at: square() }).pass).toBe(true);
    expect(checkVjp(dense, slightly, { at: square(), maxRelativeDifference: 1e-9 }).pass).toBe(false);
  });
});

describe('checkVjp on softmax cross-entropy (scalar output)', () => {
  const at = { z: [0.3, -1.2, 0.8, 0.1, -0.4] };
  it('passes the correct VJP and catches the missing one-hot term', () => {
    expect(checkVjp(crossEntropy(2), crossEntropyVjp(2), { at }).pass).toBe(true);
    const r = checkVjp(crossEntropy(2), crossEntropyVjpNoOneHot(2), { at });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path)).toEqual(['z[2]']);
  });

  it('takes explicit scalar cotangents as a list (a bare number is a count)', () => {
    const seen: number[] = [];
    const vjp = (p: { z: number[] }, yBar: number) => {
      seen.push(yBar);
      return crossEntropyVjpNoOneHot(2)(p, yBar);
    };
    const r = checkVjp(crossEntropy(2), vjp, { at, cotangents: [1.5] });
    expect(seen).toEqual([1.5]);
    // z̄[2] misses −ȳ: analytic − numeric = 1.5 exactly (up to the numerical error).
    expect(r.mismatches[0].analytic - r.mismatches[0].numeric).toBeCloseTo(1.5, 8);
    // 2n + f(θ), one re-check (4 calls), then 2 more calls of f at θ: a failing check makes sure f is deterministic.
    expect(r.evaluations).toBe(2 * 5 + 1 + 4 + 2);
  });
});

describe('checkVjp with one-sided differences', () => {
  it("reuses f(θ): n + 1 calls with method: 'forward'", () => {
    const at: Dense = { x: [0.5, -0.3, 0.9], W: fill(3, 3), b: [0.1, -0.2, 0.3] };
    const r = checkVjp(dense, denseVjp, { at, method: 'forward' });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(15 + 1);
  });
});
