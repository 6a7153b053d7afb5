import { stripVTControlCharacters } from 'node:util';
import { test as propTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { checkGradient } from 'gradcheck';
import { GradientPropertyError, gradientProperty, theta } from 'gradcheck/fast-check';
import { describe, expect, it } from 'vitest';

/** f(θ) = Σ θᵢ³ + θ₀θ₁, a smooth loss with a known gradient. */
const f = (θ: number[]) => θ.reduce((s, x) => s + x * x * x, 0) + θ[0] * θ[1];
const grad = (θ: number[]) => θ.map((x, i) => 3 * x * x + (i === 0 ? θ[1] : i === 1 ? θ[0] : 0));
/** The same gradient with a bug that lives only where θ[0] > 0.5: the θ₀θ₁ term is dropped. */
const gradBuggyAbove = (θ: number[]) => θ.map((x, i) => 3 * x * x + (i === 0 ? (θ[0] > 0.5 ? 0 : θ[1]) : i === 1 ? θ[0] : 0));

/** Runs fc.assert and returns what it threw. */
function failure(run: () => void): Error & { cause: unknown } {
  try {
    run();
  } catch (error) {
    return error as Error & { cause: unknown };
  }
  throw new Error('expected the property to fail');
}

/** The replay parameters fast-check prints: `{ seed: 42, path: "…", endOnFailure: true }`. */
function replayOf(message: string): { seed: number; path: string; endOnFailure: true } {
  const match = /\{ seed: (-?\d+), path: "([\d:]+)", endOnFailure: true \}/.exec(message);
  expect(match).not.toBeNull();
  return { seed: Number(match![1]), path: match![2], endOnFailure: true };
}

describe('gradientProperty: a bug in part of the domain', () => {
  const arb = theta(4);

  it('passes at a fixed θ in the good region', () => {
    expect(checkGradient(f, gradBuggyAbove, { at: [0.3, -0.2, 0.1, 0.4] }).pass).toBe(true);
    expect(f).toHaveGradient(gradBuggyAbove, { at: [0.3, -0.2, 0.1, 0.4] });
  });

  it('is caught by the property, with θ shrunk onto the boundary θ[0] = 0.5⁺ and zeros elsewhere… except θ[1]', () => {
    const error = failure(() => fc.assert(gradientProperty(f, gradBuggyAbove, arb), { seed: 42 }));
    const message = stripVTControlCharacters(error.message);
    expect(message).toMatch(/^Property failed after \d+ tests/);
    expect(message).toContain('Counterexample: [[');
    expect(message).toMatch(/Shrunk \d+ time\(s\)/);
    // The dropped term θ₁ only shows when θ₁ ≠ 0, so θ[1] cannot shrink to 0; θ[2], θ[3] do.
    const cause = error.cause as GradientPropertyError;
    expect(cause).toBeInstanceOf(GradientPropertyError);
    const [t0, t1, t2, t3] = cause.theta as number[];
    expect(t0).toBeGreaterThan(0.5);
    expect(t0 - 0.5).toBeLessThanOrEqual(2 ** -30);
    expect([t2, t3]).toEqual([0, 0]);
    // θ[1] shrinks to the smallest magnitude at which the missing term exceeds the tolerance
    // by the shrinking margin (10 × rtol · |a| ≈ 7.5e-5 here), so the failure is clear.
    expect(Math.abs(t1)).toBeGreaterThan(5e-5);
    expect(Math.abs(t1)).toBeLessThan(1e-4);
    // fast-check's counterexample and our message show the same shrunk θ.
    expect(message).toContain(`Counterexample: [[${t0},${t1},0,0]]`);
    const text = stripVTControlCharacters(cause.message);
    expect(text.split('\n')[0]).toBe(`gradientProperty: the gradient is wrong at θ = [${t0}, ${t1}, 0, 0]`);
    // …followed by the very report toHaveGradient prints at that θ.
    expect(text).toContain(cause.report.message);
    expect(cause.report.mismatches.map((m) => m.path)).toEqual(['[0]']);
    // Runners that serialize errors get the readable message, not θ and typed arrays again.
    expect(Object.getOwnPropertyNames(cause).filter((k) => k !== 'stack' && k !== 'message')).toEqual(['name']);
    expect(JSON.parse(JSON.stringify(cause))).toEqual({
      name: 'GradientPropertyError',
      message: cause.message,
      stack: cause.stack,
    });
  });

  it('replays: the printed seed and path reproduce the shrunk counterexample in one run', () => {
    const first = failure(() => fc.assert(gradientProperty(f, gradBuggyAbove, arb), { seed: 7 }));
    const replay = replayOf(first.message);
    let runs = 0;
    const counting = (θ: number[]) => {
      runs++;
      return gradBuggyAbove(θ);
    };
    const again = failure(() => fc.assert(gradientProperty(f, counting, arb), replay));
    expect(runs).toBe(1);
    expect((again.cause as GradientPropertyError).theta).toEqual((first.cause as GradientPropertyError).theta);
    // The same θ and report; only the original run knew its first failure (a replay starts at
    // the shrunk θ), so the replay's message is the original's without that last block.
    const original = stripVTControlCharacters((first.cause as Error).message);
    expect(original).toContain('\n\nFirst failure, before shrinking: θ = ');
    expect(stripVTControlCharacters((again.cause as Error).message)).toBe(original.split('\n\nFirst failure')[0]);
  });

  it('passes for the correct gradient', () => {
    expect(() => fc.assert(gradientProperty(f, grad, arb), { seed: 42, numRuns: 300 })).not.toThrow();
  });
});

describe('gradientProperty: trees, float32, options', () => {
  const spec = { W: [2, 3], b: 2 } as const;
  type T = { W: number[][]; b: number[] };
  const treeLoss = (θ: T) => θ.W.flat().reduce((s, w) => s + Math.sin(w), 0) * θ.b[0] + θ.b[1] ** 2;
  const treeGrad = (θ: T): T => {
    const s = θ.W.flat().reduce((acc, w) => acc + Math.sin(w), 0);
    return { W: θ.W.map((row) => row.map((w) => Math.cos(w) * θ.b[0])), b: [s, 2 * θ.b[1]] };
  };

  it('checks a tree-shaped θ, and names a tree path in the shrunk failure', () => {
    expect(() =>
      fc.assert(gradientProperty(treeLoss, treeGrad, theta(spec, { min: -2, max: 2 })), { seed: 1, numRuns: 200 }),
    ).not.toThrow();
    const transposedSign = (θ: T): T => {
      const g = treeGrad(θ);
      if (θ.W[1][2] < -0.25) g.W[1][2] = -g.W[1][2];
      return g;
    };
    const error = failure(() => fc.assert(gradientProperty(treeLoss, transposedSign, theta(spec)), { seed: 3 }));
    const cause = error.cause as GradientPropertyError;
    const θ = cause.theta as T;
    expect(θ.W[1][2]).toBeLessThan(-0.25);
    expect(θ.W[1][2] + 0.25).toBeGreaterThanOrEqual(-(2 ** -30));
    expect(θ.W.flat().filter((w) => w !== 0)).toEqual([θ.W[1][2]]);
    expect(stripVTControlCharacters(cause.message).split('\n')[0]).toBe(
      `gradientProperty: the gradient is wrong at θ = { W: [[0, 0, 0], [0, 0, ${θ.W[1][2]}]], b: [${θ.b[0]}, ${θ.b[1]}] }`,
    );
    expect(cause.report.mismatches[0].path).toBe('W[1][2]');
  });

  it('checks float32 θ in float32 (step and tolerances inferred from the Float32Array rows)', () => {
    const f32 = (θ: Float32Array[]) =>
      Math.fround(θ.flatMap((r) => Array.from(r)).reduce((s, x) => Math.fround(s + Math.fround(x * x)), 0));
    const g32 = (θ: Float32Array[]) => θ.map((r) => r.map((x) => Math.fround(2 * x)));
    const prop = gradientProperty(f32, g32, theta([3, 2], { precision: 'float32' }));
    expect(() => fc.assert(prop, { seed: 5, numRuns: 200 })).not.toThrow();
    const [θ] = fc.sample(theta([3, 2], { precision: 'float32' }), { seed: 5, numRuns: 1 });
    expect(prop.check(θ).settings.precision).toBe('float32');
  });

  it('passes its check options on (rtol, sample), and seeds sampling from θ unless given a seed', () => {
    const arb = theta(30);
    const [a, b] = fc.sample(arb, { seed: 9, numRuns: 2 });
    const prop = gradientProperty(f, grad, arb, { sample: 5, rtol: 1e-6 });
    const checked = (θ: number[]) =>
      prop.check(θ).numeric.reduce<number[]>((out, n, i) => (Number.isNaN(n) ? out : [...out, i]), []);
    expect(prop.check(a).settings.rtol).toBe(1e-6);
    expect(checked(a)).toHaveLength(5);
    expect(checked(a)).toEqual(checked(a)); // replayable
    expect(checked(a)).not.toEqual(checked(b)); // different θ, different coordinates
    const seeded = gradientProperty(f, grad, arb, { sample: 5, seed: 3 });
    expect(seeded.check(a).settings.seed).toBe(3);
    expect(seeded.check(b).settings.seed).toBe(3);
  });

  it('the property is callable, so it can be the body of test.prop', () => {
    const prop = gradientProperty(f, gradBuggyAbove, theta(4));
    expect(() => prop([0.2, 0.3, 0, 0])).not.toThrow();
    expect(() => prop([0.7, 0.3, 0, 0])).toThrow(GradientPropertyError);
    expect(() => prop([0.7, 0.3, 0, 0])).toThrow(
      /^gradientProperty: the gradient is wrong at θ = \[0\.7, 0\.3, 0, 0\]\n\nThe analytic gradient/,
    );
  });
});

describe('gradientProperty: bad input', () => {
  it.each([
    [
      () => gradientProperty(42 as never, grad, theta(2)),
      'gradientProperty: f (the function under test) must be a function, but got number',
    ],
    [
      () => gradientProperty(f, undefined as never, theta(2)),
      'gradientProperty: grad must be a function of θ (the analytic gradient), but got undefined',
    ],
    [
      () => gradientProperty(f, grad, [0.1, 0.2] as never),
      'gradientProperty: arbitrary must be a fast-check Arbitrary of θ, such as theta(10), but got object',
    ],
    [
      () => gradientProperty(f, grad, theta(2), { at: [1, 2] } as never),
      'gradientProperty: checkOptions.at must not be given; θ comes from the arbitrary',
    ],
    [
      () => gradientProperty(f, grad, theta(2), { rtol: -1 }),
      'gradientProperty: options.rtol must be a finite number ≥ 0, but got -1',
    ],
    [() => gradientProperty(f, grad, theta(2), { tol: 1 } as never), 'gradientProperty: unknown option "tol"'],
  ])('%#: %s', (make, message) => {
    expect(make).toThrow(expect.objectContaining({ name: 'GradcheckError', message: expect.stringContaining(message) }));
  });
});

describe('matchers inside property bodies', () => {
  it('toHaveGradient in an fc.property body: fast-check shows the shrunk counterexample, the cause the report', () => {
    const error = failure(() =>
      fc.assert(
        fc.property(theta(4), (θ) => {
          expect(f).toHaveGradient(gradBuggyAbove, { at: θ });
        }),
        { seed: 42 },
      ),
    );
    const message = stripVTControlCharacters(error.message);
    const shown = /Counterexample: \[\[([^\]]*)\]\]/.exec(message)![1].split(',').map(Number);
    expect(shown[0]).toBeGreaterThan(0.5);
    expect(shown[0] - 0.5).toBeLessThanOrEqual(2 ** -30);
    expect(shown.slice(2)).toEqual([0, 0]);
    replayOf(message);
    const report = stripVTControlCharacters((error.cause as Error).message);
    expect(report).toContain('toHaveGradient');
    expect(report).toContain('1 of 4 entries disagree');
  });

  // The real @fast-check/vitest runner: a correct gradient over 200 θ, with the matcher and with
  // the property itself as the body (a failing test.prop is exercised in readme.test.ts).
  propTest.prop([theta(4)], { seed: 11, numRuns: 200 })('test.prop with toHaveGradient in the body', (θ) => {
    expect(f).toHaveGradient(grad, { at: θ });
  });
  const arb = theta({ W: [2, 3], b: 2 });
  const loss = (θ: { W: number[][]; b: number[] }) => θ.W.flat().reduce((s, w) => s + w * w, 0) * θ.b[0] + θ.b[1];
  const lossGrad = (θ: { W: number[][]; b: number[] }) => ({
    W: θ.W.map((row) => row.map((w) => 2 * w * θ.b[0])),
    b: [θ.W.flat().reduce((s, w) => s + w * w, 0), 1],
  });
  propTest.prop([arb], { seed: 12, numRuns: 200 })(
    'test.prop with gradientProperty as the body',
    gradientProperty(loss, lossGrad, arb),
  );
});

describe('gradientProperty: θ the check cannot use', () => {
  it('an arbitrary of non-trees fails with the check’s own error naming the bad entry', () => {
    const arb = fc.constant(['a', 1] as unknown as number[]);
    const error = failure(() => fc.assert(gradientProperty(f, grad, arb, { sample: 1 }), { numRuns: 1 }));
    expect((error.cause as Error).name).toBe('GradcheckError');
    expect((error.cause as Error).message).toMatch(/^gradientProperty: options\.at/);
  });
});

describe('gradientProperty with avoid: kinks (P5-style ReLU loss)', () => {
  // f(θ) = Σ relu(θᵢ) + ½ Σ θᵢ², with relu'(0) = 0: right everywhere except at the kink θᵢ = 0.
  const reluLoss = (θ: number[]) => θ.reduce((s, x) => s + Math.max(0, x) + 0.5 * x * x, 0);
  const reluGrad = (θ: number[]) => θ.map((x) => (x > 0 ? 1 : 0) + x);

  it('without avoid, θ lands on or next to the kink and a strict check fails there', () => {
    const error = failure(() => fc.assert(gradientProperty(reluLoss, reluGrad, theta(6), { kinks: 'fail' }), { seed: 1 }));
    const θ = (error.cause as GradientPropertyError).theta as number[];
    // Shrunk: one entry within the stencil half-width (1e-4) of 0, the rest 0 or also there.
    expect(θ.some((x) => Math.abs(x) < 1e-4)).toBe(true);
  });

  it('with avoid: [0] (default margin 2e-4, twice the stencil half-width) the same check passes everywhere', () => {
    expect(() =>
      fc.assert(gradientProperty(reluLoss, reluGrad, theta(6, { avoid: [0] }), { kinks: 'fail' }), { seed: 1, numRuns: 500 }),
    ).not.toThrow();
  });

  it('a margin smaller than the stencil lets the central difference straddle the kink', () => {
    const error = failure(() =>
      fc.assert(gradientProperty(reluLoss, reluGrad, theta(6, { avoid: [0], margin: 1e-6 }), { kinks: 'fail' }), { seed: 1 }),
    );
    const θ = (error.cause as GradientPropertyError).theta as number[];
    const near = θ.filter((x) => Math.abs(x) < 1e-4);
    expect(near.length).toBeGreaterThan(0);
    for (const x of near) expect(Math.abs(x)).toBeGreaterThanOrEqual(1e-6);
  });

  it('in float32 the default margin follows the float32 stencil (re-checks up to 4·∛ε ≈ 2e-2)', () => {
    const f32 = (θ: Float32Array) => Math.fround(reluLoss(Array.from(θ)));
    const g32 = (θ: Float32Array) => θ.map((x) => (x > 0 ? 1 : 0) + x);
    expect(() =>
      fc.assert(gradientProperty(f32, g32, theta(4, { avoid: [0], precision: 'float32' }), { kinks: 'fail' }), {
        seed: 2,
        numRuns: 300,
      }),
    ).not.toThrow();
  });
});
