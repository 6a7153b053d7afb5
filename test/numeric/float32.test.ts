import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { b1Index, flipSign, mlpFloat32, scaleByTwo, zeroB1 } from '../problems/index.js';
import { createRandom, sampleIndices } from '../../src/numeric/random.js';
import { DEFAULT_STEP_FLOAT32, FLOAT32_EPSILON } from '../../src/numeric/precision.js';
import { logreg32, net353 } from './float32Models.js';
import { restrict } from './subset.js';

const p7 = mlpFloat32();
const [b1Start, b1End] = p7.blocks.b1;
/** The coordinates the bugs touch: B1's entry, and a spread of b1 (B6). */
const BUG_COORDINATES = [b1Index(p7.n), b1Start, b1Start + 1, b1Start + 64, b1End - 1];
/** Coordinates per θ in npm test; bench/float32.ts runs every coordinate at the 20 points. */
const SAMPLED = 60;

/** θ for P7: θ0 for seed 0, otherwise uniform in [−0.2, 0.2] (θ0 has amplitude 0.1). */
function p7Theta(seed: number): Float32Array {
  if (seed === 0) return p7.theta0;
  const rng = createRandom(1000 + seed);
  return Float32Array.from({ length: p7.n }, () => 0.4 * rng.next() - 0.2);
}

/** P7 restricted to the bug coordinates plus SAMPLED random ones (seeded by `seed`). */
function p7Subset(seed: number, grad: (t: Float32Array) => Float32Array = p7.grad) {
  const indices = [...new Set([...sampleIndices(p7.n, SAMPLED, createRandom(seed)), ...BUG_COORDINATES])].sort((a, b) => a - b);
  return { indices, ...restrict(p7.f, grad, p7Theta(seed), indices) };
}

describe('float32 code (P7: the MLP with every intermediate rounded by Math.fround)', () => {
  it('infers float32 from a Float32Array θ: step ∛ε ≈ 4.9e-3 and the float32 tolerances', () => {
    const { f, grad, at } = p7Subset(0);
    const report = checkGradient(f, grad, { at });
    expect(report.settings.precision).toBe('float32');
    expect(report.settings.step).toBeCloseTo(Math.cbrt(FLOAT32_EPSILON), 12);
    expect(DEFAULT_STEP_FLOAT32).toBeCloseTo(4.92e-3, 5);
    expect([report.settings.rtol, report.settings.atol]).toEqual([1e-3, 1e-6]);
  });

  it.each(Array.from({ length: 20 }, (_, s) => s))('the correct gradient passes at seeded θ #%i with no false alarm', (seed) => {
    const { f, grad, at, indices } = p7Subset(seed);
    const report = checkGradient(f, grad, { at });
    expect(report.mismatches).toEqual([]);
    expect(report.pass).toBe(true);
    // Honest about what it cannot see: tiny entries are listed as not judged, never as failures.
    expect(report.unresolved.length).toBeLessThan(indices.length / 2);
  });

  it('entries too small for float32 differences to resolve are listed under "Not judged", not passed silently', () => {
    const { f, grad, at } = p7Subset(0);
    const report = checkGradient(f, grad, { at });
    expect(report.unresolved.length).toBeGreaterThan(0);
    for (const u of report.unresolved) {
      // Each one passed only thanks to an error estimate of at least a tenth of its size.
      expect(u.errorEstimate).toBeGreaterThanOrEqual(0.1 * Math.max(Math.abs(u.analytic), Math.abs(u.numeric)));
      expect(Math.abs(u.analytic - u.numeric)).toBeGreaterThan(1e-6 + 1e-3 * Math.max(Math.abs(u.analytic), Math.abs(u.numeric)));
    }
    expect(stripVTControlCharacters(report.message)).toMatch(
      new RegExp(
        `Not judged: ${report.unresolved.length} entries are smaller than the numerical error can resolve: \\[\\d+\\] \\(±`,
      ),
    );
  });

  const bugs = [
    ['B1 (sign of one entry)', flipSign],
    ['B2 (gradient × 2)', scaleByTwo],
    ['B6 (b1 returned as zeros)', zeroB1(p7.blocks)],
  ] as const;
  it.each(bugs)('%s is still caught at θ0 and at a random θ', (name, bug) => {
    for (const seed of [0, 1]) {
      const { f, grad, at, indices } = p7Subset(seed, (t) => bug(p7.grad(t)));
      const report = checkGradient(f, grad, { at });
      expect(report.pass).toBe(false);
      const wrong = report.mismatches.map((m) => indices[m.index]);
      if (bug === flipSign) expect(wrong).toEqual([b1Index(p7.n)]);
      if (name.startsWith('B2')) expect(wrong.length).toBeGreaterThan(0.8 * indices.length);
      if (name.startsWith('B6')) {
        expect(wrong.length).toBeGreaterThanOrEqual(2);
        for (const i of wrong) expect(i >= b1Start && i < b1End).toBe(true);
      }
    }
  });

  it("the same correct gradient checked in float64 mode fails, and the message says to pass precision: 'float32'", () => {
    const { f, grad, at } = p7Subset(0);
    const report = checkGradient(f, grad, { at, precision: 'float64' });
    expect(report.pass).toBe(false);
    const message = stripVTControlCharacters(report.message);
    expect(message).toContain('f returns float32 values');
    expect(message).toContain("Pass precision: 'float32'");
    // The precision hint leads the diagnosis: it is the cause of the rest.
    expect(report.hints[0]).toMatch(/^f returns float32 values/);
  });

  it('a float64 f that happens to be checked at float32-representable θ gets no precision hint', () => {
    const f = (t: number[]) => Math.exp(t[0]) * t[1] + Math.sin(t[1]);
    const report = checkGradient(f, (t: number[]) => [Math.exp(t[0]) * t[1], Math.exp(t[0])], { at: [0.5, 0.25] });
    expect(report.pass).toBe(false);
    expect(report.hints.join(' ')).not.toContain('float32');
  });
});

describe('smaller float32 models at 500 random θ each', () => {
  it('logistic regression (P2 in float32): no false alarm', () => {
    const rng = createRandom(11);
    const failures: string[] = [];
    for (let s = 0; s < 500; s++) {
      const at = Float32Array.from({ length: 3 }, () => 4 * rng.next() - 2);
      const report = checkGradient(logreg32.f, logreg32.grad, { at });
      if (!report.pass) failures.push(report.message);
    }
    expect(failures).toEqual([]);
  });

  it('a 3-5-3 network: no false alarm, and a sign flip in W2 is caught at every θ where it matters', () => {
    const rng = createRandom(12);
    const failures: string[] = [];
    let caught = 0;
    let resolvable = 0;
    for (let s = 0; s < 500; s++) {
      const at = net353.random(rng.next, 2);
      const report = checkGradient(net353.f, net353.grad, { at });
      if (!report.pass) failures.push(report.message);
      const g = net353.grad(at);
      // A flip is visible when 2|g| exceeds the round-off the check allows (4 ulps of f over h).
      if (
        2 * Math.abs(g.W2[7]) >
        10 * ((4 * FLOAT32_EPSILON * Math.abs(net353.f(at))) / DEFAULT_STEP_FLOAT32) + 2e-3 * Math.abs(g.W2[7])
      ) {
        resolvable++;
        const wrong = checkGradient(
          net353.f,
          (t: typeof at) => ({ ...net353.grad(t), W2: net353.grad(t).W2.map((v, i) => (i === 7 ? -v : v)) }),
          {
            at,
          },
        );
        if (!wrong.pass && wrong.mismatches.some((m) => m.path === 'W2[7]')) caught++;
      }
    }
    expect(failures).toEqual([]);
    expect(resolvable).toBeGreaterThan(300);
    expect(caught).toBe(resolvable);
  });
});
