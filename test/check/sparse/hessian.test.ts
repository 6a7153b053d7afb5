import { checkHessian, checkHessianAsync } from 'gradcheck';
import { describe, expect, it } from 'vitest';

const PROBES = 10; // the default `directions`

/** A chain model: f = Σ cos θᵢ + θᵢ⁴/4 + ½ θᵢ₋₁θᵢ, whose Hessian is tridiagonal. */
function chain(n: number) {
  const f = (t: number[]) => t.reduce((s, v, i) => s + Math.cos(v) + v ** 4 / 4 + (i > 0 ? 0.5 * t[i - 1] * v : 0), 0);
  const gradient = (t: number[]) =>
    t.map((v, i) => -Math.sin(v) + v ** 3 + (i > 0 ? 0.5 * t[i - 1] : 0) + (i < n - 1 ? 0.5 * t[i + 1] : 0));
  const H = (t: number[]) =>
    t.map((v, i) => t.map((_, j) => (i === j ? -Math.cos(v) + 3 * v * v : Math.abs(i - j) === 1 ? 0.5 : 0)));
  const at = Array.from({ length: n }, (_, i) => 0.5 * Math.sin(i + 1));
  return { f, gradient, H, at };
}

/** The same model with a coupling 0.3·θ₃θ₄₀ that the analytic Hessian forgot. */
function forgotten(n: number) {
  const c = chain(n);
  const f = (t: number[]) => c.f(t) + 0.3 * t[3] * t[40];
  const gradient = (t: number[]) => {
    const g = c.gradient(t);
    g[3] += 0.3 * t[40];
    g[40] += 0.3 * t[3];
    return g;
  };
  return { ...c, f, gradient };
}

describe('checkHessian with sparsity, through options.gradient', () => {
  it('passes a tridiagonal Hessian in 2 × (3 colours + 10 probes) calls of the gradient, whatever n', () => {
    for (const n of [30, 120]) {
      const { f, gradient, H, at } = chain(n);
      const r = checkHessian(f, H, { at, gradient, sparsity: 'auto' });
      expect(r.pass).toBe(true);
      expect(r.evaluations).toBe(2 * (3 + PROBES));
      expect(r.details.evaluationsOf).toBe('evaluations of the gradient');
    }
    const { f, gradient, H, at } = chain(120);
    expect(checkHessian(f, H, { at, gradient }).evaluations).toBe(240);
  });

  it('fails and names an entry the analytic Hessian forgot, in both triangles', () => {
    const { f, gradient, H, at } = forgotten(60);
    const r = checkHessian(f, H, { at, gradient, sparsity: 'auto' });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path).sort()).toEqual(['∂²f/∂θ[3]∂θ[40]', '∂²f/∂θ[40]∂θ[3]']);
    for (const m of r.mismatches) {
      expect(m.analytic).toBe(0);
      expect(m.numeric).toBeCloseTo(0.3, 8);
    }
  });

  it('names a wrong entry inside the pattern', () => {
    const { f, gradient, H, at } = chain(40);
    const wrong = (t: number[]) => {
      const M = H(t);
      M[10][11] = M[11][10] = 0.5 * 1.01;
      return M;
    };
    const r = checkHessian(f, wrong, { at, gradient, sparsity: 'auto' });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path).sort()).toEqual(['∂²f/∂θ[10]∂θ[11]', '∂²f/∂θ[11]∂θ[10]']);
  });
});

describe('checkHessian with sparsity: a symmetric colouring where it pays', () => {
  // A separable loss with one shared scale s = θ₀: f = Σᵢ s·log(1 + θᵢ²) + s²/2. Its Hessian is an
  // arrowhead (row and column 0 full, plus the diagonal): n colours plainly, 2 with the symmetry.
  const n = 80;
  const f = (t: number[]) => t.reduce((acc, v, i) => acc + (i === 0 ? 0.5 * v * v : t[0] * Math.log(1 + v * v)), 0);
  const gradient = (t: number[]) =>
    t.map((v, i) => (i === 0 ? v + t.slice(1).reduce((acc, w) => acc + Math.log(1 + w * w), 0) : (2 * t[0] * v) / (1 + v * v)));
  const H = (t: number[]) =>
    t.map((v, i) =>
      t.map((w, j) => {
        if (i === 0 && j === 0) return 1;
        if (i === 0 || j === 0) return (2 * (i === 0 ? w : v)) / (1 + (i === 0 ? w : v) ** 2);
        return i === j ? (2 * t[0] * (1 - v * v)) / (1 + v * v) ** 2 : 0;
      }),
    );
  const at = Array.from({ length: n }, (_, i) => 0.6 * Math.cos(0.7 * i + 0.2));

  it('passes an arrowhead Hessian in 2 × (2 colours + 10 probes) calls of the gradient', () => {
    const r = checkHessian(f, H, { at, gradient, sparsity: 'auto' });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(2 * (2 + PROBES));
    expect(r.details.notes).toContain(
      'Sparse: 2 colours for 80 columns (238 entries in the pattern), 10 random probes for entries outside it.',
    );
  });

  it('names a wrong entry of the shared row, on both sides', () => {
    const wrong = (t: number[]) => {
      const M = H(t);
      M[0][17] *= 1.01;
      M[17][0] *= 1.01;
      return M;
    };
    const r = checkHessian(f, wrong, { at, gradient, sparsity: 'auto' });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path).sort()).toEqual(['∂²f/∂θ[0]∂θ[17]', '∂²f/∂θ[17]∂θ[0]']);
  });

  it('names a forgotten coupling between two columns of one colour', () => {
    const coupled = (t: number[]) => f(t) + 0.2 * t[5] * t[9];
    const coupledGradient = (t: number[]) => {
      const g = gradient(t);
      g[5] += 0.2 * t[9];
      g[9] += 0.2 * t[5];
      return g;
    };
    const r = checkHessian(coupled, H, { at, gradient: coupledGradient, sparsity: 'auto' });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path).sort()).toEqual(['∂²f/∂θ[5]∂θ[9]', '∂²f/∂θ[9]∂θ[5]']);
    for (const m of r.mismatches) expect(m.numeric).toBeCloseTo(0.2, 8);
  });
});

describe('checkHessian with sparsity, through second differences of f', () => {
  it('measures only the pattern: f(θ) + 2 per diagonal entry + 4 per pair + 2 per probe', () => {
    const n = 60;
    const { f, H, at } = chain(n);
    const r = checkHessian(f, H, { at, sparsity: 'auto' });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(1 + 2 * n + 4 * (n - 1) + 2 * PROBES);
    // The dense check measures all n² entries.
    expect(checkHessian(f, H, { at }).evaluations).toBe(2 * n * n + 1);
  });

  it('fails and names an entry the analytic Hessian forgot, found by the second-order probes', () => {
    const { f, H, at } = forgotten(60);
    const r = checkHessian(f, H, { at, sparsity: 'auto' });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path).sort()).toEqual(['∂²f/∂θ[3]∂θ[40]', '∂²f/∂θ[40]∂θ[3]']);
    for (const m of r.mismatches) expect(m.numeric).toBeCloseTo(0.3, 6);
  });

  it('names a wrong diagonal entry', () => {
    const { f, H, at } = chain(30);
    const wrong = (t: number[]) => {
      const M = H(t);
      M[10][10] *= 1.01;
      return M;
    };
    const r = checkHessian(f, wrong, { at, sparsity: 'auto' });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path)).toEqual(['∂²f/∂θ[10]∂θ[10]']);
  });

  it('takes an explicit pattern (symmetrised) and refuses one of the wrong shape', () => {
    const n = 8;
    const { f, H, at } = chain(n);
    const upper = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => j === i || j === i + 1));
    const r = checkHessian(f, H, { at, sparsity: upper });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(1 + 2 * n + 4 * (n - 1) + 2 * PROBES);
    expect(() => checkHessian(f, H, { at, sparsity: [[true]] })).toThrow(
      "checkHessian: options.sparsity must be 'auto', false or a 8×8 boolean matrix (rows = 8 entries of θ, columns = 8 inputs), but it is 1×1",
    );
  });
});

describe('the async form and the matcher', () => {
  it('gives checkHessianAsync the same count', async () => {
    const { f, gradient, H, at } = chain(30);
    const r = await checkHessianAsync(f, H, { at, gradient: async (t: number[]) => gradient(t), sparsity: 'auto' });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(2 * (3 + PROBES));
  });

  it('takes sparsity in toHaveHessian', () => {
    const { f, gradient, H, at } = chain(30);
    expect(f).toHaveHessian(H, { at, gradient, sparsity: 'auto' });
    const bad = forgotten(60);
    expect(bad.f).not.toHaveHessian(bad.H, { at: bad.at, sparsity: 'auto' });
  });
});
