// One bug, one sentence: the full check, fast mode and checkVjp feed the same diagnosis
// registry, so a sign flip in one tensor's backward pass is named with the same text whichever
// check found it (issue: one check pipeline).
import { checkGradient, checkVjp } from 'gradcheck';
import { describe, expect, it } from 'vitest';

type Layer = { W: number[][]; b: number[] };
const x = [0.4, -1.1, 0.7];
/** A dense tanh layer y = tanh(W x + b) with 3 inputs and 4 outputs: θ has 16 entries. */
const layer = ({ W, b }: Layer) => W.map((row, i) => Math.tanh(row.reduce((s, w, j) => s + w * x[j], b[i])));
const layerVjp = ({ W, b }: Layer, yBar: number[]): Layer => {
  const delta = W.map((row, i) => {
    const y = Math.tanh(row.reduce((s, w, j) => s + w * x[j], b[i]));
    return yBar[i] * (1 - y * y);
  });
  return { W: delta.map((d) => x.map((xj) => d * xj)), b: delta };
};
/** The bug: W's gradient with the wrong sign. */
const flippedVjp = (p: Layer, yBar: number[]): Layer => {
  const g = layerVjp(p, yBar);
  return { W: g.W.map((row) => row.map((v) => -v)), b: g.b };
};
/** A scalar loss of the layer, ⟨c, y⟩, and its gradient through the same backward pass. */
const c = [0.9, -0.4, 1.3, 0.6];
const loss = (p: Layer) => layer(p).reduce((s, y, i) => s + c[i] * y, 0);
const at: Layer = {
  W: [
    [0.3, -0.2, 0.5],
    [0.1, 0.4, -0.6],
    [-0.3, 0.2, 0.1],
    [0.7, -0.5, 0.2],
  ],
  b: [0.05, -0.1, 0.2, 0],
};

describe('a sign flip in W', () => {
  const full = checkGradient(loss, (p: Layer) => flippedVjp(p, c), { at });
  const fast = checkGradient(loss, (p: Layer) => flippedVjp(p, c), { at, mode: 'fast', seed: 2 });
  const vjp = checkVjp(layer, flippedVjp, { at });
  const signOf = (r: typeof full) => r.diagnoses.find((d) => d.kind === 'sign');

  it('fails every check and names a sign error on W', () => {
    for (const r of [full, fast, vjp]) {
      expect(r.pass).toBe(false);
      expect(signOf(r)?.paths).toEqual(['W']);
    }
    expect(fast.settings.mode).toBe('fast');
  });

  it('reads the same in the full check, fast mode and checkVjp', () => {
    const text = signOf(full)?.message;
    expect(text).toBe(
      'Sign error in W: the analytic values are −1 × the numerical ones. Check the sign of the loss, of the error term (h − y vs y − h) or of an update.',
    );
    expect(signOf(fast)?.message).toBe(text);
    expect(signOf(vjp)?.message).toBe(text);
  });
});

describe('one entry off by 1e-3', () => {
  it('is named, with its ratio, by the full check and fast mode alike', async () => {
    const { ngnnFlat } = await import('../problems/ngnn.js');
    const p = ngnnFlat();
    const grad = (t: ArrayLike<number>) => p.grad(t).map((g, i) => (i === 19 ? g * 1.001 : g));
    const full = checkGradient(p.f, grad, { at: p.theta0 });
    const fast = checkGradient(p.f, grad, { at: p.theta0, mode: 'fast' });
    expect(fast.settings.mode).toBe('fast');
    for (const r of [full, fast]) {
      expect(r.pass).toBe(false);
      expect(r.diagnoses.map((d) => [d.kind, d.paths])).toEqual([['factor', ['[19]']]]);
    }
    expect(fast.diagnoses[0].message).toBe(full.diagnoses[0].message);
    expect(full.diagnoses[0].message).toMatch(/^Wrong entry \[19\]: the analytic value is 1\.001 × the numerical one\./);
  });
});
