import { describe, expect, it } from 'vitest';
import { diagnose, explain } from '../../../src/check/diagnose/index.js';
import { diagnosisOf, group, handInput, SETTINGS, statedResidual } from './helpers.js';

/** Values without a pattern: sin of spread-out arguments, none of them 0. */
const values = (n: number, seed = 0.3) => Array.from({ length: n }, (_, i) => Math.sin(1.7 * i + seed) + 0.05);

describe('the registry over hand-built inputs', () => {
  it('sign: a = −n on W, b right', () => {
    const n = values(8);
    const a = n.map((v, i) => (i < 6 ? -v : v));
    const d = diagnosisOf(diagnose(handInput(a, n, [group('W', [2, 3], 0), group('b', [2], 6)])), 'sign');
    expect(d).toMatchObject({ paths: ['W'], share: 1 });
    expect(d.message).toBe(
      'Sign error in W: the analytic values are −1 × the numerical ones. Check the sign of the loss, of the error term (h − y vs y − h) or of an update.',
    );
    expect(d.message).not.toMatch(/residual|gradient|Jacobian|\d+ entries/);
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-10);
  });

  it('factor: one bug in two tensors is one diagnosis', () => {
    const n = values(10);
    const found = diagnose(
      handInput(
        n.map((v) => 3 * v),
        n,
        [group('W', [2, 3], 0), group('b', [4], 6)],
      ),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'factor', paths: ['W', 'b'], share: 1 });
    expect(found[0].message).toContain(
      'Uniform factor in W and b: the analytic values are 3 × the numerical ones. An integer factor 3',
    );
  });

  it('partial fit: a factor 4 on the data part with a right term 0.1·θ, despite two outliers (a kink, a stray entry)', () => {
    const theta = values(20, 1.1);
    const n = values(20);
    const a = n.map((v, i) => 4 * (v - 0.1 * theta[i]) + 0.1 * theta[i]);
    a[3] = 7; // a stray wrong entry
    a[11] = 0; // an entry at a kink
    const d = diagnosisOf(diagnose(handInput(a, n, [group('W', [4, 5], 0)], theta)), 'factor');
    expect(d.message).toContain(
      'Uniform factor in W: the analytic values are 4 × the numerical ones, apart from a term in θ (0.1·θ if that term is right, or 0.06·θ if its sign is flipped).',
    );
    expect(d.share).toBeCloseTo(18 / 20, 10);
    expect(d.evidence).toContain('2 off the fit (W[0][3], W[2][1])');
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-10);
  });

  it('partial fit under float32-sized noise: the factor survives relative noise 1e-4 with matching error estimates', () => {
    const n = values(30);
    const noisy = n.map((v, i) => v * (1 + 1e-4 * Math.sin(7.3 * i)));
    const input = {
      ...handInput(
        n.map((v) => 2 * v),
        noisy,
        [group('θ', [30], 0)],
      ),
      errors: new Float64Array(30).fill(2e-4),
    };
    const d = diagnosisOf(diagnose(input), 'factor');
    expect(d.message).toContain('2 × the numerical ones');
  });

  it('missing vs wrong-sign term: one diagnosis, the other kind as alternative, both coefficients', () => {
    const theta = values(12, 2);
    const n = values(12);
    const d = diagnosisOf(
      diagnose(
        handInput(
          n.map((v, i) => v - 0.2 * theta[i]),
          n,
          [group('W', [3, 4], 0)],
          theta,
        ),
      ),
      'missing-term',
    );
    expect(d.alternatives).toEqual(['wrong-sign-term']);
    expect(d.message).toContain('a term 0.2·θ is missing, or a term 0.1·θ has the wrong sign');
  });

  it('extra term on a bias', () => {
    const theta = values(4, 2);
    const n = values(4);
    const d = diagnosisOf(
      diagnose(
        handInput(
          n.map((v, i) => v + 0.05 * theta[i]),
          n,
          [group('b', [4], 0)],
          theta,
        ),
      ),
      'extra-term',
    );
    expect(d.message).toContain('Extra term in b: the analytic values have a term 0.05·θ that f does not have.');
  });

  it('per-unit factor: each row of W with its bias entry scaled by its own 1/(1 − h²)', () => {
    const h = [0.3, -0.6, 0.8, 0.1];
    const n = values(20);
    const a = n.map((v, i) => (i < 16 ? v / (1 - h[Math.floor(i / 4)] ** 2) : v / (1 - h[i - 16] ** 2)));
    const d = diagnosisOf(diagnose(handInput(a, n, [group('W1', [4, 4], 0), group('b1', [4], 16)])), 'per-unit-factor');
    expect(d).toMatchObject({ paths: ['W1', 'b1'], share: 1 });
    expect(d.message).toContain(
      'along each unit (a row of W1 with its b1 entry) the analytic values are a constant multiple of the numerical ones',
    );
    expect(d.message).toContain('tanh′ = 1 − h²');
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-10);
  });

  it('transposed, non-square: a 2×3 group holding the 3×2 transpose is a layout mix-up (transposed as alternative)', () => {
    const n = values(6);
    const N = [n.slice(0, 3), n.slice(3, 6)];
    const a = [0, 1, 2].flatMap((j) => [N[0][j], N[1][j]]); // Nᵀ (3×2) flattened row-major
    const d = diagnosisOf(diagnose(handInput(a, n, [group('W', [2, 3], 0)])), 'layout');
    expect(d.alternatives).toEqual(['transposed']);
    expect(d.message).toContain('or the 3×2 transpose written in its place');
  });

  it('transposed, square, with a correct term c·θ added after', () => {
    const theta = values(9, 0.9);
    const n = values(9);
    const data = n.map((v, i) => v - 0.3 * theta[i]);
    const a = data.map((_, k) => data[(k % 3) * 3 + Math.floor(k / 3)] + 0.3 * theta[k]);
    const d = diagnosisOf(diagnose(handInput(a, n, [group('W', [3, 3], 0)], theta)), 'transposed');
    expect(d.message).toContain(
      'Transposed W (3×3): the analytic values are the numerical ones transposed (the term 0.3·θ added afterwards is right)',
    );
  });

  it('swapped: two same-shaped tensors exchanged', () => {
    const n = values(12);
    const a = [...n.slice(6), ...n.slice(0, 6)];
    const d = diagnosisOf(diagnose(handInput(a, n, [group('W1', [2, 3], 0), group('W2', [2, 3], 6)])), 'swapped');
    expect(d).toMatchObject({ paths: ['W1', 'W2'], share: 1 });
  });

  it('shifted along an axis of a kernel: K[i][j] holds K[i][j+1]', () => {
    const n = values(12);
    const a = n.map((_v, k) => (k % 4 < 3 ? n[k + 1] : 0));
    const d = diagnosisOf(diagnose(handInput(a, n, [group('K', [3, 4], 0)])), 'shifted');
    expect(d.message).toContain(
      'Shifted by one in K along axis 1: each analytic entry K[i][j] holds the numerical value of K[i][j+1]',
    );
  });

  it('zeroed: a whole tensor; a tensor whose values are 0.2·θ is not "zeroed apart from a right term" (any a ∝ θ fits α = 0)', () => {
    const theta = values(8, 2);
    const n = values(8);
    const a = n.map((_v, i) => (i < 4 ? 0 : 0.2 * theta[i]));
    const found = diagnose(handInput(a, n, [group('b', [4], 0), group('W', [2, 2], 4)], theta));
    expect(found.map((d) => [d.kind, d.paths])).toEqual([['zeroed', ['b']]]);
    expect(found.map((d) => d.message).join(' ')).not.toMatch(/apart from/);
  });

  it('step: round-off at a step far below the default, stated with its suggestion', () => {
    const n = values(4);
    const input = {
      ...handInput(n, n, [group('θ', [4], 0)]),
      settings: { ...SETTINGS, step: 1e-13 },
      errors: new Float64Array(4).fill(0.5),
      unresolved: [0, 1],
    };
    const d = diagnosisOf(diagnose(input), 'step');
    expect(d.message).toContain('Step too small');
    expect(d.message).toContain('Try step: 1e-4');
    expect(d.evidence).toMatch(/error estimate 0\.5 against \|n\|/);
  });

  it('no diagnosis without evidence: every entry off by an unrelated factor', () => {
    const n = values(24);
    const a = n.map((v, i) => v * (1 + 0.3 * Math.sin(5.1 * i + 1)));
    const { diagnoses } = explain(
      handInput(a, n, [group('W1', [4, 4], 0), group('b1', [4], 16), group('b2', [4], 20)], values(24, 3)),
    );
    expect(diagnoses).toEqual([]);
  });
});
