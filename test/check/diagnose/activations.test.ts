// Issue 20, "What to build" 1: a dropped ReLU, leaky ReLU, sigmoid, tanh or softplus derivative is
// each named, with the advice its evidence supports: per-unit factors with one example (their
// inverses look like the derivative), where the error enters over a batch, and the units that are
// off carrying gradient for a ReLU. Read from report.diagnoses as the check returned them.
import { checkGradient } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import { type Activation, mlpGrad, mlpLoss, mlpTheta } from './mlp.js';

function dropped(act: Activation, m: number) {
  const net = { d: 4, h: 3, c: 3, m, lambda: 0.1, act, seed: 1 };
  const report = checkGradient(mlpLoss(net), mlpGrad(net, { noActDerivative: true }), { at: mlpTheta(net) });
  expect(report.diagnoses).toHaveLength(1);
  return report.diagnoses[0];
}

const PER_UNIT =
  'Per-unit factor in W1 and b1: along each unit (a row of W1 with its b1 entry) the analytic values are a constant multiple of the numerical ones (apart from the term 0.1·θ, which is right), a different one per unit. ';
const ENTERS =
  'The error enters at the hidden activation that W1 feeds: the output layer (W2 and b2) is right, every wrong tensor is below that activation (W1 and b1). ';

describe('a dropped activation derivative, one example (per-unit factors) and six (where the error enters)', () => {
  it('tanh, m = 1: inverses in (0, 1], tanh′ named', () => {
    const d = dropped('tanh', 1);
    expect(d).toMatchObject({ kind: 'per-unit-factor', paths: ['W1', 'b1'] });
    expect(d.message).toBe(
      `${PER_UNIT}Their inverses lie in (0, 1], as tanh′ = 1 − h² does, or softplus′ = σ: is the derivative of the activation that W1 feeds missing (δ = (Wᵀδ′) ⊙ (1 − h²) for tanh)?`,
    );
    expect(d.evidence).toMatch(
      /^per-unit fits a = kᵤ·n on 3 units: k from 1\.\d+ to \d\.\d+, worst residual \d\.\de-\d+; term c·θ with c = 0\.1/,
    );
  });

  it('sigmoid, m = 1: inverses ≤ ¼, σ′ named', () => {
    const d = dropped('sigmoid', 1);
    expect(d.kind).toBe('per-unit-factor');
    expect(d.message).toContain('or σ′ = σ(1 − σ) ≤ ¼ for a sigmoid: is the derivative of the activation that W1 feeds missing');
  });

  it('softplus, m = 1: softplus′ = σ among the readings', () => {
    const d = dropped('softplus', 1);
    expect(d.kind).toBe('per-unit-factor');
    expect(d.message).toContain('as tanh′ = 1 − h² does, or softplus′ = σ');
  });

  it('leaky ReLU, m = 1: factors 1 and 10, the slope 0.1 named', () => {
    const d = dropped('leaky-relu', 1);
    expect(d.kind).toBe('per-unit-factor');
    expect(d.message).toContain(
      'The factors are 1 on some units and 10 on the others: is the derivative of the leaky ReLU that W1 feeds missing (leaky ReLU′ = 1 on active units, 0.1 on the others)?',
    );
    expect(d.evidence).toMatch(/k from 1 to 10,/);
  });

  it('ReLU, m = 1: no per-unit factor (an off unit has none), the units that are off named as the evidence of a missing mask', () => {
    const d = dropped('relu', 1);
    expect(d).toMatchObject({ kind: 'enters-at', paths: ['W1', 'b1'] });
    expect(d.message).toBe(
      `${ENTERS}The gradient flows through units that are off (units 0, 1 of W1: numerical gradient exactly 0 on b1, analytic not): is the ReLU mask missing where δ passes from W2 down to W1 (ReLU′ = 1 on active units, 0 on inactive ones; leaky ReLU′ = the slope there)?`,
    );
    expect(d.evidence).toBe(
      'W2 and b2 agree on every entry; 2 of 3 units of W1 disagree; 2 of them are off (n = 0, a ≠ 0 on b1); no constant factor per unit fits',
    );
    expect(d.evidence).not.toMatch(/∞/);
  });

  it.each(['tanh', 'sigmoid', 'leaky-relu', 'softplus'] as const)(
    '%s, m = 6: enters-at, its own kind, with every candidate derivative',
    (act) => {
      const d = dropped(act, 6);
      expect(d).toMatchObject({ kind: 'enters-at', paths: ['W1', 'b1'], share: 1 });
      expect(d.message).toBe(
        `${ENTERS}Is the activation's derivative (tanh′ = 1 − h², σ′ = σ(1 − σ), ReLU′, softplus′ = σ) missing or wrong where δ passes from W2 down to W1?`,
      );
      expect(d.evidence).toMatch(/; no constant factor per unit fits$/);
    },
  );

  it('ReLU, m = 6: enters-at with the unit that is off on every example named', () => {
    const d = dropped('relu', 6);
    expect(d.kind).toBe('enters-at');
    expect(d.message).toContain(
      'The gradient flows through a unit that is off (unit 0 of W1: numerical gradient exactly 0 on b1, analytic not) among the wrong ones',
    );
  });
});

describe('f in float64 around float32 transcendentals (as jax-js computes sin and exp on wasm)', () => {
  it.each([1, 2, 3])('seed %i: named as float32 noise only — no step advice, kink or wrong entry', (seed) => {
    const n = 30;
    const f = (t: Float64Array) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.fround(Math.sin(t[i])) * (1 + i / n) + Math.fround(Math.exp(0.3 * t[i]));
      return s;
    };
    const grad = (t: Float64Array) => Float64Array.from(t, (v, i) => Math.cos(v) * (1 + i / n) + 0.3 * Math.exp(0.3 * v));
    const report = checkGradient(f, grad, { at: Float64Array.from({ length: n }, (_, i) => Math.sin(i * seed + 1)) });
    expect(report.diagnoses.map((d) => d.kind)).toEqual(['float32-in-float64']);
  });
});
