import { stripVTControlCharacters } from 'node:util';
import { GradcheckError, checkJacobian, checkJacobianAsync, reportSvg } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import { banded, blocks, conv, elementwise, elementwiseJacobian, pointAt } from './patterns.js';

const PROBES = 10; // the default `directions`

describe('checkJacobian with sparsity: cost independent of n', () => {
  it('passes a diagonal (elementwise) Jacobian in 2 × (1 colour + 10 probes) calls, whatever n', () => {
    for (const n of [10, 100, 2000]) {
      const r = checkJacobian(elementwise, elementwiseJacobian, { at: pointAt(n), sparsity: 'auto' });
      expect(r.pass).toBe(true);
      expect(r.evaluations).toBe(2 * (1 + PROBES));
      expect(r.checked).toBe(n * n);
      expect(r.details.notes).toContain(
        `Sparse: 1 colour for ${n.toLocaleString('en').replace(/,/g, ' ')} columns (${n.toLocaleString('en').replace(/,/g, ' ')} entries in the pattern), 10 random probes for entries outside it.`,
      );
    }
    // Without sparsity: 2n.
    expect(checkJacobian(elementwise, elementwiseJacobian, { at: pointAt(100) }).evaluations).toBe(200);
  });

  it('passes a banded Jacobian (half-width 2: 5 colours) in 2 × (5 + 10) calls, whatever n', () => {
    const { f, jac } = banded(2);
    for (const n of [20, 400]) {
      const r = checkJacobian(f, jac, { at: pointAt(n), sparsity: 'auto' });
      expect(r.pass).toBe(true);
      expect(r.evaluations).toBe(2 * (5 + PROBES));
    }
  });

  it('passes a block-diagonal Jacobian (blocks of 4: 4 colours) in 2 × (4 + 10) calls, whatever n', () => {
    const { f, jac } = blocks(4);
    for (const n of [12, 480]) {
      const r = checkJacobian(f, jac, { at: pointAt(n), sparsity: 'auto' });
      expect(r.pass).toBe(true);
      expect(r.evaluations).toBe(2 * (4 + PROBES));
    }
  });

  it('passes a 3×3 convolution on 32×32 in 2 × (9 colours + 10 probes) calls', () => {
    const layer = conv({ cin: 1, cout: 1, size: 32, k: 3 });
    const r = checkJacobian(layer.f, layer.jac, { at: layer.at, sparsity: 'auto' });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(2 * (9 + PROBES));
  });

  it("follows the method: 'forward' costs colours + probes + 1 (one shared f(θ)); directions sets the probes", () => {
    const at = pointAt(50);
    // A linear layer: forward differences are exact, so nothing needs a re-check.
    const scale = (x: number[]) => x.map((v, i) => (1 + 0.1 * i) * v);
    const diagonal = (x: number[]) =>
      Float64Array.from({ length: x.length ** 2 }, (_, k) => (k % (x.length + 1) === 0 ? 1 + 0.1 * (k / (x.length + 1)) : 0));
    const forward = checkJacobian(scale, diagonal, { at, sparsity: 'auto', method: 'forward' });
    expect(forward.pass).toBe(true);
    expect(forward.evaluations).toBe(1 + PROBES + 1);
    expect(forward.settings.method).toBe('forward');
    const r = checkJacobian(elementwise, elementwiseJacobian, { at, sparsity: 'auto', directions: 3 });
    expect(r.evaluations).toBe(2 * (1 + 3));
    const richardson = checkJacobian(elementwise, elementwiseJacobian, { at, sparsity: 'auto', method: 'richardson' });
    expect(richardson.pass).toBe(true);
    expect(richardson.maxAbsError).toBeLessThan(1e-11);
  });

  it('costs a dense pattern what the dense check costs plus the probes, with the same numbers', () => {
    const softmax = (z: number[]) => {
      const e = z.map(Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    };
    const jac = (z: number[]) => {
      const s = softmax(z);
      return s.map((si, i) => s.map((sj, j) => (i === j ? si : 0) - si * sj));
    };
    const at = [0.3, -1.2, 0.8, 0.1, -0.4];
    const sparse = checkJacobian(softmax, jac, { at, sparsity: 'auto' });
    const dense = checkJacobian(softmax, jac, { at });
    expect(sparse.pass).toBe(true);
    expect(dense.evaluations).toBe(10);
    expect(sparse.evaluations).toBe(dense.evaluations + 2 * PROBES);
    expect(sparse.numeric).toEqual(dense.numeric);
    expect(sparse.details.notes).toContain(
      'Sparse: 5 colours for 5 columns (25 entries in the pattern), 10 random probes for entries outside it.',
    );
  });

  it('costs an elementwise layer of size 1 what one of size 1 000 costs', () => {
    const one = checkJacobian(elementwise, elementwiseJacobian, { at: pointAt(1), sparsity: 'auto' });
    const many = checkJacobian(elementwise, elementwiseJacobian, { at: pointAt(1000), sparsity: 'auto' });
    expect(one.pass && many.pass).toBe(true);
    expect(one.evaluations).toBe(many.evaluations);
  });
});

describe('checkJacobian with sparsity: what fails', () => {
  it('names one wrong entry inside the pattern, with the same report as the dense check', () => {
    const n = 300;
    const wrong = (x: number[]) => {
      const J = elementwiseJacobian(x);
      J[77 * n + 77] *= 1.01;
      return J;
    };
    const r = checkJacobian(elementwise, wrong, { at: pointAt(n), sparsity: 'auto' });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path)).toEqual(['∂out[77]/∂θ[77]']);
    expect(r.mismatches[0].numeric).toBeCloseTo(Math.cos(pointAt(n)[77]) + pointAt(n)[77], 8);
    const dense = checkJacobian(elementwise, wrong, { at: pointAt(n) });
    expect(dense.mismatches).toHaveLength(1);
    expect(r.mismatches[0]).toMatchObject({
      path: dense.mismatches[0].path,
      index: dense.mismatches[0].index,
      analytic: dense.mismatches[0].analytic,
    });
    expect(r.mismatches[0].numeric).toBeCloseTo(dense.mismatches[0].numeric, 12);
    expect(r.diagnoses.map((d) => d.kind)).toEqual(dense.diagnoses.map((d) => d.kind));
    expect(stripVTControlCharacters(r.message)).toContain('∂out[77]/∂θ[77]');
    // 22 calls, the colour's re-check (4), the colour less θ[77] measured once (2) to rule out a
    // forgotten entry sharing it, and the determinism probe of a failing check (3).
    expect(r.evaluations).toBe(22 + 4 + 2 + 3);
  });

  it('fails a forgotten entry that shares the colour of its output’s entry, and names it', () => {
    // out[77] also depends on θ[200]; the analytic Jacobian forgot it. On a diagonal every column
    // has the same colour: the entry ∂out[77]/∂θ[77] looks wrong until θ[200]'s share is found.
    const n = 300;
    const f = (x: number[]) => {
      const y = elementwise(x);
      y[77] += 0.5 * x[200] * x[200];
      return y;
    };
    const r = checkJacobian(f, elementwiseJacobian, { at: pointAt(n), sparsity: 'auto' });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => [m.path, m.analytic])).toEqual([['∂out[77]/∂θ[200]', 0]]);
    expect(r.mismatches[0].numeric).toBeCloseTo(pointAt(n)[200], 8);
    expect(r.evaluations).toBeLessThan(2 * n);
  });

  it('fails a forgotten entry at an output with no entry in its colour, and names it', () => {
    // The last output is a constant by the analytic matrix, but it depends on θ[200].
    const n = 300;
    const f = (x: number[]) => [...elementwise(x), 1 + 0.5 * x[200] * x[200]];
    const jac = (x: number[]) => {
      const J = new Float64Array((n + 1) * n);
      J.set(elementwiseJacobian(x));
      return J;
    };
    const r = checkJacobian(f, jac, { at: pointAt(n), sparsity: 'auto' });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path)).toEqual(['∂out[300]/∂θ[200]']);
    expect(r.mismatches[0].numeric).toBeCloseTo(pointAt(n)[200], 8);
  });

  it('catches, by the probes, forgotten entries whose shares cancel in their colour', () => {
    // out[77] += 0.3·θ[100] − 0.3·θ[200]: the colour (every column) moves both by the same step,
    // so their shares cancel there; a random direction with opposite signs on them does not.
    const n = 300;
    const f = (x: number[]) => {
      const y = elementwise(x);
      y[77] += 0.3 * x[100] - 0.3 * x[200];
      return y;
    };
    const r = checkJacobian(f, elementwiseJacobian, { at: pointAt(n), sparsity: 'auto' });
    expect(r.pass).toBe(false);
    expect(r.mismatches.map((m) => m.path).sort()).toEqual(['∂out[77]/∂θ[100]', '∂out[77]/∂θ[200]']);
    const values = Object.fromEntries(r.mismatches.map((m) => [m.path, m.numeric]));
    expect(values['∂out[77]/∂θ[100]']).toBeCloseTo(0.3, 8);
    expect(values['∂out[77]/∂θ[200]']).toBeCloseTo(-0.3, 8);
  });

  it('fails a whole Jacobian off by a factor 2 without localising entry by entry', () => {
    const n = 500;
    const twice = (x: number[]) => elementwiseJacobian(x).map((v) => 2 * v);
    const r = checkJacobian(elementwise, twice, { at: pointAt(n), sparsity: 'auto' });
    expect(r.pass).toBe(false);
    expect(r.mismatches).toHaveLength(n);
    expect(r.diagnoses[0].kind).toBe('factor');
    // 22, the colour's re-check (4), the colour with random signs (2: no entry shares a colour
    // with a wrong one) and the determinism probe of a failing check (3).
    expect(r.evaluations).toBe(22 + 4 + 2 + 3);
  });
});

describe('checkJacobian with sparsity: guards, diagnoses and pictures as in the dense check', () => {
  const at = pointAt(60);
  const cosJacobian = (x: number[]) =>
    Float64Array.from({ length: x.length ** 2 }, (_, k) => (k % (x.length + 1) === 0 ? Math.cos(x[k / (x.length + 1)]) : 0));

  it('diagnoses a sign error and draws the report', () => {
    const negated = (x: number[]) => elementwiseJacobian(x).map((v) => -v);
    const r = checkJacobian(elementwise, negated, { at, sparsity: 'auto' });
    expect(r.pass).toBe(false);
    expect(r.diagnoses[0].kind).toBe('sign');
    expect(reportSvg(r)).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it('names an f that writes into θ, and a non-deterministic f', () => {
    const writes = (x: number[]) => {
      const y = x.map(Math.sin);
      x[3] = 5;
      return y;
    };
    const r = checkJacobian(writes, cosJacobian, { at, sparsity: 'auto' });
    expect(r.pass).toBe(false);
    expect(r.diagnoses.map((d) => d.kind)).toContain('mutates-input');
    let calls = 0;
    const noisy = (x: number[]) => {
      const shift = (calls++ % 2) * 1e-3;
      return x.map((v) => Math.sin(v) + shift);
    };
    const n = checkJacobian(noisy, cosJacobian, { at, sparsity: 'auto' });
    expect(n.pass).toBe(false);
    expect(n.diagnoses.map((d) => d.kind)).toContain('nondeterministic');
  });
});

describe('checkJacobian with an explicit pattern', () => {
  const n = 40;
  const at = pointAt(n);
  const diagonal = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j));

  it('measures the entries it names (a tridiagonal pattern costs 3 colours on a diagonal layer)', () => {
    expect(checkJacobian(elementwise, elementwiseJacobian, { at, sparsity: diagonal }).evaluations).toBe(2 * (1 + PROBES));
    const tridiagonal = diagonal.map((row, i) => row.map((_, j) => (Math.abs(i - j) <= 1 ? 1 : 0)));
    const r = checkJacobian(elementwise, elementwiseJacobian, { at, sparsity: tridiagonal });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(2 * (3 + PROBES));
  });

  it('adds the analytic matrix’s own nonzeros to it (an empty pattern is the analytic one)', () => {
    const empty = diagonal.map((row) => row.map(() => false));
    const r = checkJacobian(elementwise, elementwiseJacobian, { at, sparsity: empty });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(2 * (1 + PROBES));
  });

  it('refuses a pattern of the wrong shape in one sentence naming the option and the shape', () => {
    const f = (x: number[]) => [x[0] * x[1], x[2] + x[3], x[0]];
    const jac = (x: number[]) => [
      [x[1], x[0], 0, 0],
      [0, 0, 1, 1],
      [1, 0, 0, 0],
    ];
    const at4 = [0.1, 0.2, 0.3, 0.4];
    const transposed = [
      [true, false, true],
      [true, false, false],
      [false, true, false],
      [false, true, false],
    ];
    expect(() => checkJacobian(f, jac, { at: at4, sparsity: transposed })).toThrow(GradcheckError);
    expect(() => checkJacobian(f, jac, { at: at4, sparsity: transposed })).toThrow(
      "checkJacobian: options.sparsity must be 'auto', false or a 3×4 boolean matrix (rows = 3 outputs, columns = 4 inputs), but it is 4×3",
    );
    expect(() => checkJacobian(f, jac, { at: at4, sparsity: [[true, false]] })).toThrow(/but it is 1×2$/);
    expect(() => checkJacobian(f, jac, { at: at4, sparsity: [true, false, true] })).toThrow(/but it has 3 entries$/);
    const flat = [1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0];
    expect(checkJacobian(f, jac, { at: at4, sparsity: flat }).pass).toBe(true);
    expect(() => checkJacobian(f, jac, { at: at4, sparsity: 'yes' as never })).toThrow(
      'checkJacobian: options.sparsity must be \'auto\', false or a boolean matrix (rows = outputs, columns = inputs), but got "yes"',
    );
    expect(() => checkJacobian(f, jac, { at: at4, sparsity: [[1, 0, 2, 0], [0], [0], [0]] })).toThrow(
      /but it is 4 rows of different lengths$/,
    );
  });

  it('is refused by the checks that do not take it', async () => {
    const { checkGradient } = await import('gradcheck');
    expect(() => checkGradient((x: number[]) => x[0], [1], { at: [1], sparsity: 'auto' } as never)).toThrow(
      /checkGradient: unknown option "sparsity"/,
    );
  });
});

describe('other tensor types', () => {
  it('reads an ml-matrix Jacobian and counts only the colours and probes', async () => {
    const { Matrix } = await import('ml-matrix');
    const jac = (x: number[]) => new Matrix(x.map((v, i) => x.map((_, j) => (i === j ? Math.cos(v) + v : 0))));
    const r = checkJacobian(elementwise, jac, { at: pointAt(30), sparsity: 'auto' });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(2 * (1 + PROBES));
  });
});

describe('the async check and the matcher', () => {
  it('gives checkJacobianAsync the same verdict and count as the synchronous check', async () => {
    const at = pointAt(200);
    const asyncLayer = async (x: number[]) => elementwise(x);
    const r = await checkJacobianAsync(asyncLayer, elementwiseJacobian, { at, sparsity: 'auto', concurrency: 4 });
    expect(r.pass).toBe(true);
    expect(r.evaluations).toBe(2 * (1 + PROBES));
  });

  it('takes sparsity in toHaveJacobian, with .not', () => {
    const at = pointAt(100);
    expect(elementwise).toHaveJacobian(elementwiseJacobian, { at, sparsity: 'auto' });
    const twice = (x: number[]) => elementwiseJacobian(x).map((v) => 2 * v);
    expect(elementwise).not.toHaveJacobian(twice, { at, sparsity: 'auto' });
  });
});
