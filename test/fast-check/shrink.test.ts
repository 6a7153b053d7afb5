import { stripVTControlCharacters } from 'node:util';
import fc from 'fast-check';
import { checkGradient } from 'gradcheck';
import { GradientPropertyError, gradientProperty, theta } from 'gradcheck/fast-check';
import { describe, expect, it } from 'vitest';
import { SHRINK_MARGIN } from '../../src/fast-check/_internals/shrinkMargin.js';
import { SHAPE, type TinyMlp, tinyGrad, tinyLoss } from './helpers/tinyMlp.js';

const arb = theta(SHAPE);
const RTOL = 1e-5; // float64 default
const forgotTanhDerivative = (θ: TinyMlp) => tinyGrad(θ, true);

/** Runs fc.assert and returns what it threw, with the cause it carries. */
function failure(run: () => void): { message: string; cause: GradientPropertyError } {
  try {
    run();
  } catch (error) {
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(GradientPropertyError);
    return { message: stripVTControlCharacters((error as Error).message), cause: cause as GradientPropertyError };
  }
  throw new Error('expected the property to fail');
}

/** Entries of θ that are not zero. */
const nonzero = (θ: TinyMlp) => [θ.W1.flat(), θ.b1, θ.W2.flat(), θ.b2].flat().filter((v) => v !== 0).length;

describe('shrinking keeps the counterexample clearly failing (tanh MLP whose backprop forgets 1 − h²)', () => {
  it('the small MLP and its correct backprop pass over 100 θ (the margin hides nothing here)', () => {
    expect(() =>
      fc.assert(
        gradientProperty(tinyLoss, (θ: TinyMlp) => tinyGrad(θ), arb),
        { seed: 3, numRuns: 100 },
      ),
    ).not.toThrow();
  });

  it.each([1, 2, 42])('seed %i: the shrunk θ fails by more than the margin, and the first failure is shown beside it', (seed) => {
    const { message, cause } = failure(() => fc.assert(gradientProperty(tinyLoss, forgotTanhDerivative, arb), { seed }));
    const θ = cause.theta as TinyMlp;
    // Shrunk to a few nonzero entries (W1 = 0 is where tanh′ ≈ 1 hides the bug)…
    expect(message).toMatch(/Shrunk [1-9]\d* time\(s\)/);
    expect(nonzero(θ)).toBeLessThanOrEqual(6);
    // …but not onto the tolerance: the worst entry is off by more than SHRINK_MARGIN × rtol,
    // where without the margin it was 1.00e-5 = rtol exactly.
    expect(cause.report.settings.rtol).toBe(RTOL);
    expect(cause.report.maxRelError).toBeGreaterThan(SHRINK_MARGIN * RTOL);
    expect(checkGradient(tinyLoss, forgotTanhDerivative, { at: θ, rtol: 5 * RTOL }).pass).toBe(false);
    // The first, obvious failure is shown after the report, with its worst entry.
    const first = cause.firstFailure;
    expect(first).toBeDefined();
    expect(first!.theta).not.toBe(θ);
    expect(first!.report.maxRelError).toBeGreaterThan(0.1);
    const text = stripVTControlCharacters(cause.message);
    expect(text.split('\n')[0]).toMatch(/^gradientProperty: the gradient is wrong at θ = \(26 entries, \d nonzero: /);
    expect(text).toContain(cause.report.message);
    expect(text).toMatch(
      new RegExp(
        `First failure, before shrinking: θ = \\(26 entries, .*\\)\\n  \\d+ of 26 entries disagree; worst ${first!.report.mismatches[0].path.replace(/[[\]]/g, '\\$&')}, relative error ${first!.report.maxRelError.toExponential(1)}\\n`,
      ),
    );
    expect(text).toContain(`still failed with rtol and atol ${SHRINK_MARGIN}× wider`);
  });

  it('a bug smaller than the margin is still caught: shrinking just stops at the first failure', () => {
    const slightlyOff = (θ: TinyMlp) => {
      const g = tinyGrad(θ);
      g.b2 = g.b2.map((v) => v * (1 + 3 * RTOL)); // 3 × rtol: fails plainly, never by 10×
      return g;
    };
    const prop = gradientProperty(tinyLoss, slightlyOff, arb);
    // Twice on the same property: the second run must not inherit the first one's shrinking.
    for (const seed of [5, 6]) {
      const { message, cause } = failure(() => fc.assert(prop, { seed }));
      expect(message).toContain('Shrunk 0 time(s)');
      expect(cause.report.pass).toBe(false);
      expect(cause.report.mismatches.map((m) => m.path).every((p) => p.startsWith('b2'))).toBe(true);
      expect(cause.firstFailure).toBeUndefined();
      expect(stripVTControlCharacters(cause.message)).not.toContain('First failure');
    }
  });

  it('replays: the printed seed and path give the same clearly failing θ in one run', () => {
    const first = failure(() => fc.assert(gradientProperty(tinyLoss, forgotTanhDerivative, arb), { seed: 9 }));
    const match = /\{ seed: (-?\d+), path: "([\d:]+)", endOnFailure: true \}/.exec(first.message);
    expect(match).not.toBeNull();
    let runs = 0;
    const counting = (θ: TinyMlp) => {
      runs++;
      return forgotTanhDerivative(θ);
    };
    const again = failure(() =>
      fc.assert(gradientProperty(tinyLoss, counting, arb), { seed: Number(match![1]), path: match![2], endOnFailure: true }),
    );
    expect(again.cause.theta).toEqual(first.cause.theta);
    expect(again.cause.report.maxRelError).toBeGreaterThan(SHRINK_MARGIN * RTOL);
    expect(runs).toBeLessThanOrEqual(2); // the θ itself, and at most its margin re-check
  });
});
