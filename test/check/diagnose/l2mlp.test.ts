import { describe, expect, it } from 'vitest';
import { checkGradient } from 'gradcheck';
import { diagnosesOf, diagnosisOf, notesOf, statedResidual } from './helpers.js';
import { type L2MlpParams, type L2MlpSizes, L2MLP, l2MlpGrad, l2MlpLoss, l2MlpTheta } from './l2mlp.js';

/** Checks the MLP with `bugs` and returns the report with its diagnoses. */
function check(bugs: Parameters<typeof l2MlpGrad>[0], sizes: L2MlpSizes = L2MLP, at: L2MlpParams = l2MlpTheta(sizes)) {
  const report = checkGradient(l2MlpLoss(sizes), l2MlpGrad(bugs, sizes), { at });
  return { report, diagnoses: report.diagnoses };
}

describe('the issue-13 MLP (tanh, softmax cross-entropy, m = 6, L2 (λ/2m)‖W‖² with λ = 0.1)', () => {
  it('the correct backprop gets no diagnosis, at θ0 and at 20 random points', () => {
    expect(check({}).report.pass).toBe(true);
    expect(check({}).diagnoses).toEqual([]);
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
    for (let run = 0; run < 20; run++) {
      const t = l2MlpTheta();
      const at = {
        W1: t.W1.map((r) => r.map(random)),
        b1: t.b1.map(random),
        W2: t.W2.map((r) => r.map(random)),
        b2: t.b2.map(random),
      };
      const { report, diagnoses } = check({}, L2MLP, at);
      expect(report.pass).toBe(true);
      expect(diagnoses).toEqual([]);
      expect(report.hints).toEqual([]);
    }
  });

  it('forgot 1/m on the data term (L2 gradient right): a factor 6 on the data part of every tensor', () => {
    const { report, diagnoses } = check({ forgotOneOverM: true });
    expect(diagnoses).toHaveLength(1);
    const d = diagnosisOf(diagnoses, 'factor');
    expect(d).toMatchObject({ paths: ['W1', 'b1', 'W2', 'b2'], share: 1 });
    expect(d.message).toBe(
      'Uniform factor in W1, b1, W2 and b2: the analytic values are 6 × the numerical ones, apart from a term in θ of W1 and W2 (0.0166667·θ if that term is right, or 0.0119048·θ if its sign is flipped). ' +
        'An integer factor 6: did you forget the 1/m (f averages over m = 6 examples but the gradient sums)?',
    );
    expect(d.evidence).toContain('W1: robust fit a = α·n + β·θ with α = 6');
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-8);
    expect(report.hints).toContain(d.message);
  });

  it('L2 gradient with the wrong sign: a missing term 2λ/m·θ or a sign-flipped λ/m·θ, on W1 and W2 only', () => {
    const { report, diagnoses } = check({ l2WrongSign: true });
    expect(diagnoses).toHaveLength(1);
    const d = diagnosisOf(diagnoses, 'missing-term');
    expect(d).toMatchObject({ paths: ['W1', 'W2'], share: 1, alternatives: ['wrong-sign-term'] });
    expect(d.message).toBe(
      'Missing term in W1 and W2: a term 0.0333333·θ is missing, or a term 0.0166667·θ has the wrong sign. ' +
        'A forgotten L2 regularisation term (λ/m)·θ, or one subtracted instead of added?',
    );
    expect(report.hints).toContain(d.message);
    expect(notesOf(report, l2MlpTheta())).toEqual(['Wrong: W1, W2. Fine: b1, b2.']);
  });

  it("W2's gradient transposed (square W2), λW2 added correctly: transposed W2, nothing else", () => {
    const { report, diagnoses } = check({ transposeW2: true });
    expect(diagnoses).toHaveLength(1);
    const d = diagnosisOf(diagnoses, 'transposed');
    expect(d).toMatchObject({ paths: ['W2'], share: 1, alternatives: ['layout'] });
    expect(d.message).toBe(
      "Transposed W2 (3×3): the analytic values are the numerical ones transposed (the term 0.0166667·θ added afterwards is right). Did you compute Wᵀ's gradient, e.g. x·δᵀ instead of δ·xᵀ?",
    );
    expect(report.hints).toContain(d.message);
  });

  it('missing tanh derivative, one example: a per-unit factor on W1 with b1, tanh′ named', () => {
    const one = { ...L2MLP, m: 1 };
    const { report, diagnoses } = check({ noTanhDerivative: true }, one);
    expect(diagnoses).toHaveLength(1);
    const d = diagnosisOf(diagnoses, 'per-unit-factor');
    expect(d).toMatchObject({ paths: ['W1', 'b1'], share: 1 });
    expect(d.message).toBe(
      'Per-unit factor in W1 and b1: along each unit (a row of W1 with its b1 entry) the analytic values are a constant multiple of the numerical ones (apart from the term 0.1·θ, which is right), a different one per unit. ' +
        'Their inverses lie in (0, 1], as tanh′ = 1 − h² does, or softplus′ = σ: is the derivative of the activation that W1 feeds missing (δ = (Wᵀδ′) ⊙ (1 − h²) for tanh)?',
    );
    expect(statedResidual(d.evidence ?? '')).toBeLessThan(1e-8);
    expect(report.hints).toContain(d.message);
  });

  it('missing tanh derivative over the batch: no factor fits, yet where the error enters is named', () => {
    const { report, diagnoses } = check({ noTanhDerivative: true });
    expect(diagnoses).toHaveLength(1);
    const d = diagnosisOf(diagnoses, 'enters-at');
    expect(d).toMatchObject({ paths: ['W1', 'b1'], share: 1 });
    expect(d.message).toBe(
      'The error enters at the hidden activation that W1 feeds: the output layer (W2 and b2) is right, every wrong tensor is below that activation (W1 and b1). ' +
        "Is the activation's derivative (tanh′ = 1 − h², σ′ = σ(1 − σ), ReLU′, softplus′ = σ) missing or wrong where δ passes from W2 down to W1?",
    );
    expect(d.evidence).toBe('W2 and b2 agree on every entry; 3 of 3 units of W1 disagree; no constant factor per unit fits');
    expect(report.hints).toContain(d.message);
  });

  it('L2 applied to the biases: an extra term on b1 and b2, the weights not named', () => {
    const d = diagnosisOf(check({ l2OnBiases: true }).diagnoses, 'extra-term');
    expect(d.paths).toEqual(['b1', 'b2']);
    expect(d.message).toContain('a term 0.0166667·θ that f does not have');
  });

  it('b1 never filled in: zeroed b1, nothing else', () => {
    const { diagnoses } = check({ zeroB1: true });
    expect(diagnoses.map((d) => [d.kind, d.paths])).toEqual([['zeroed', ['b1']]]);
  });

  it("W1 and W2 returned in each other's place (d = h = c = 3): swapped", () => {
    const sizes = { d: 3, h: 3, c: 3, m: 6 };
    const at = l2MlpTheta(sizes);
    const good = l2MlpGrad({}, sizes);
    const report = checkGradient(
      l2MlpLoss(sizes),
      (p: L2MlpParams) => {
        const g = good(p);
        return { ...g, W1: g.W2, W2: g.W1 };
      },
      { at },
    );
    const found = diagnosesOf(report);
    expect(found.map((d) => [d.kind, d.paths])).toEqual([['swapped', ['W1', 'W2']]]);
  });
});
