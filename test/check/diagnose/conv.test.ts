// Issue 20, "What to build" 4: shape-aware diagnoses of convolution, pooling, ReLU and dropout
// bugs in the layer checks (checkVjp's θ̄ per tensor), each bug injected into a hand-written
// backward pass (./layers.ts) and named as `region`, `layout` (a flip), `transposed` or `shifted`.
import { checkGradient, checkJacobian, checkVjp } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../src/check/report.js';
import {
  type Conv,
  type ConvBugs,
  convVjpCheck,
  type Map3,
  conv2d,
  conv2dVjp,
  dropMask,
  dropout,
  dropoutVjp,
  featureMap,
  kernel,
  pool,
  poolVjp,
  relu,
  reluVjp,
} from './layers.js';
import { LAYER_BUGS, layerRates } from './layerRates.js';

const same = { stride: 1, pad: 1 };
const at: Conv = { x: featureMap(2, 6, 6, 1), K: kernel(2, 2, 3, 3, 2), b: [0.1, -0.2] };
const x = featureMap(2, 4, 4, 5);

function convCheck(bugs: ConvBugs, point: Conv = at, g = same) {
  return convVjpCheck(bugs, point, g);
}

const only = (ds: readonly Diagnosis[]) => ds.map((d) => [d.kind, d.paths]);

describe('convolution (2 channels in and out, 3×3 kernel, stride 1, padding 1) and its VJP', () => {
  it('the correct backward pass passes with no diagnosis', () => {
    const r = convCheck({});
    expect(r.pass).toBe(true);
    expect(r.diagnoses).toEqual([]);
  });

  it('K̄ computed against the kernel rotated 180°: a layout whose message says the kernel is flipped', () => {
    const r = convCheck({ rotateKernel: true });
    expect(only(r.diagnoses)).toEqual([['layout', ['K']]]);
    expect(r.diagnoses[0].message).toBe(
      'Flipped K (2×2×3×3): the analytic values are the numerical ones rotated 180° (both spatial axes reversed). ' +
        'A convolution written as a correlation, or the other way round: the kernel is flipped in one of f and its gradient but not in the other (or a loop runs backwards)?',
    );
    expect(r.diagnoses[0].alternatives).toEqual(['transposed']);
  });

  it("kernel taps transposed (K̄[i][j] written to [j][i]): transposed in K's last two axes", () => {
    const r = convCheck({ transposeTaps: true });
    expect(only(r.diagnoses)).toEqual([['transposed', ['K']]]);
    expect(r.diagnoses[0].message).toContain(
      'transposed in its last two axes (each kernel tap (i, j) holds the value of (j, i))',
    );
  });

  it('windows that overlap the padding skipped in x̄: a region on the border, padding named', () => {
    const r = convCheck({ dropPaddedWindows: true });
    const d = r.diagnoses.find((v) => v.paths.includes('x'));
    expect(d?.kind).toBe('region');
    expect(d?.message).toMatch(
      /^Wrong region of x \(2×6×6\): the 64 entries that disagree lie on the border of width 2 .*; the other 8 agree\. Padding:/,
    );
  });

  it("x̄ stored one column late: shifted along x's columns", () => {
    const r = convCheck({ shiftInput: true });
    expect(only(r.diagnoses)).toEqual([['shifted', ['x']]]);
    expect(r.diagnoses[0].message).toContain(
      'Shifted by one in x along axis 2: each analytic entry x[h][i][j] holds the numerical value of x[h][i][j−1]',
    );
  });

  it('stride 2 with a 1×3 kernel, x̄ written with = instead of +=: every second column is wrong, stride named', () => {
    const g = { stride: 2, pad: 0 };
    const r = convCheck({ overwrite: true }, { x: featureMap(2, 5, 7, 3), K: kernel(1, 2, 1, 3, 4), b: [0.3] }, g);
    expect(only(r.diagnoses)).toEqual([['region', ['x']]]);
    expect(r.diagnoses[0].message).toMatch(
      /^Wrong region of x \(2×5×7\): the 12 entries that disagree lie in every second column \(columns 2, 4, …\); the other 58 agree\. A stride: stride 2/,
    );
  });

  it('channel 1 of x̄ never filled in: zeroed where it disagrees, on x alone', () => {
    const r = convCheck({ skipChannel: true });
    expect(only(r.diagnoses)).toEqual([['zeroed', ['x']]]);
  });
});

describe('pooling (2×2 windows, stride 2), ReLU and dropout', () => {
  it('max pooling with the gradient routed to the first position of each window, not the max: pooling switches named', () => {
    const r = checkVjp(
      (t: Map3) => pool(t, 2, 'max'),
      (t: Map3, yBar: Map3) => poolVjp(t, yBar, 2, 'max', { firstPosition: true }),
      { at: x },
    );
    expect(only(r.diagnoses)).toEqual([['region', ['θ']]]);
    expect(r.diagnoses[0].message).toMatch(
      /lie in \d+ of the 2×2 pooling windows \(stride 2\), each with the right total at the wrong positions; .*Pooling switches routed wrong/,
    );
  });

  it('average pooling that sends the whole share to one position: the same pooling pattern, in every window', () => {
    const r = checkVjp(
      (t: Map3) => pool(t, 2, 'average'),
      (t: Map3, yBar: Map3) => poolVjp(t, yBar, 2, 'average', { firstPosition: true }),
      { at: x },
    );
    expect(only(r.diagnoses)).toEqual([['region', ['θ']]]);
    expect(r.diagnoses[0].message).toContain(
      'lie in 8 of the 2×2 pooling windows (stride 2), each with the right total at the wrong positions; no entry agrees',
    );
  });

  it('correct max pooling passes', () => {
    const r = checkVjp(
      (t: Map3) => pool(t, 2, 'max'),
      (t: Map3, yBar: Map3) => poolVjp(t, yBar, 2, 'max'),
      { at: x },
    );
    expect(r.pass).toBe(true);
    expect(r.diagnoses).toEqual([]);
  });

  it("ReLU's mask left out: wrong exactly where the numerical gradient is 0, the ReLU mask named", () => {
    const r = checkVjp(relu, (t: Map3, yBar: Map3) => reluVjp(t, yBar, true), { at: x });
    expect(only(r.diagnoses)).toEqual([['region', ['θ']]]);
    expect(r.diagnoses[0].message).toMatch(
      /lie exactly where the numerical gradient is 0; the other \d+ agree\. Gradient flows where f has none: a missing ReLU mask/,
    );
  });

  it("dropout's mask left out of the backward pass: the same region, dropout named among the causes", () => {
    const mask = dropMask(x, 9);
    const r = checkVjp(
      (t: Map3) => dropout(t, mask),
      (_t: Map3, yBar: Map3) => dropoutVjp(yBar, mask, true),
      { at: x },
    );
    expect(only(r.diagnoses)).toEqual([['region', ['θ']]]);
    expect(r.diagnoses[0].message).toContain('a dropout mask not applied in the backward pass');
  });
});

describe('the layer bugs over 20 seeds each (checkVjp): named in at least 95 percent of the failing checks, never on a right tensor', () => {
  it.each(LAYER_BUGS.map((b) => [b.name, b] as const))('%s', (_name, bug) => {
    const rates = layerRates(bug, 20);
    expect(rates.failed).toBeGreaterThanOrEqual(19);
    expect(rates.wrong).toBe(0);
    expect(rates.named / rates.failed).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the same shapes in the full gradient check and in a Jacobian block', () => {
  it('checkGradient of a loss through the convolution: K̄ rotated 180° is a flip there too', () => {
    const yBar = featureMap(2, 6, 6, 11);
    const loss = (t: Conv) =>
      conv2d(t.x, t.K, t.b, same).reduce((s, m, o) => s + m.flat().reduce((u, v, k) => u + v * yBar[o].flat()[k], 0), 0);
    const r = checkGradient(loss, (t: Conv) => conv2dVjp(t.x, t.K, yBar, same, { rotateKernel: true }), { at });
    expect(only(r.diagnoses)).toEqual([['layout', ['K']]]);
    expect(r.diagnoses[0].message).toContain('rotated 180°');
  });

  it("checkJacobian of ReLU on 6 entries, the mask left out: the block's wrong entries are where the numerical Jacobian is 0", () => {
    const v = [0.4, -0.3, 0.9, -1.2, 0.2, -0.5];
    const J = (t: number[]) => t.map((_, i) => t.map((_, j) => (i === j ? 1 : 0)));
    const r = checkJacobian((t: number[]) => t.map((u) => Math.max(0, u)), J, { at: v });
    expect(r.mismatches).toHaveLength(3);
    expect(only(r.diagnoses)).toEqual([['region', ['∂out/∂θ']]]);
    expect(r.diagnoses[0].message).toContain('lie exactly where the numerical gradient is 0');
  });
});
