// Issue 20, "What to build" 3: fast mode's diagnoses come from the directional evidence over all
// of θ, so a bug that covers every weight tensor is named on every tensor it covers, not only on
// the one group testing localised. Read from report.diagnoses as the check returned them.
import { checkGradient } from 'gradcheck';
import { describe, expect, it } from 'vitest';
import { type Mlp, type MlpBugs, mlpGrad, mlpLoss, mlpTheta } from './mlp.js';

/** 30 inputs, 40 hidden units, 10 classes: 1 650 parameters. */
const MEDIUM: Omit<Mlp, 'seed'> = { d: 30, h: 40, c: 10, m: 6, lambda: 0.1, act: 'tanh' };
/** 100 inputs, 90 hidden units, 10 classes: 10 000 parameters. */
const LARGE: Omit<Mlp, 'seed'> = { d: 100, h: 90, c: 10, m: 6, lambda: 0.1, act: 'tanh' };

function fast(net: Mlp, bugs: MlpBugs) {
  return checkGradient(mlpLoss(net), mlpGrad(net, bugs), { at: mlpTheta(net), mode: 'fast', seed: net.seed });
}

const kinds = (r: ReturnType<typeof fast>) => r.diagnoses.map((d) => [d.kind, d.paths]);

describe('fast mode names every tensor a bug covers', () => {
  it('forgot 1/m, 1 650 parameters, 20 seeds: a factor 6 on W1, b1, W2 and b2 in every run', () => {
    for (let seed = 0; seed < 20; seed++) {
      const r = fast({ ...MEDIUM, seed }, { forgotOneOverM: true });
      expect(r.pass).toBe(false);
      expect(kinds(r), `seed ${seed}`).toEqual([['factor', ['W1', 'b1', 'W2', 'b2']]]);
      expect(r.diagnoses[0].message).toMatch(
        /^Uniform factor in W1, b1, W2 and b2: the analytic values are 6 × the numerical ones, apart from a term in θ of W1 and W2 \(0\.0166667·θ if that term is right, or 0\.0119048·θ if its sign is flipped\)\./,
      );
    }
  });

  it('L2 sign flipped, 1 650 parameters, 10 seeds: a missing term 2λ/m·θ on W1 and W2 in every run', () => {
    for (let seed = 0; seed < 10; seed++) {
      const r = fast({ ...MEDIUM, seed }, { l2WrongSign: true });
      expect(kinds(r), `seed ${seed}`).toEqual([['missing-term', ['W1', 'W2']]]);
      expect(r.diagnoses[0].message).toContain(
        'Missing term in W1 and W2: a term 0.0333333·θ is missing, or a term 0.0166667·θ has the wrong sign.',
      );
      expect(r.diagnoses[0].alternatives).toEqual(['wrong-sign-term']);
    }
  });

  it('L2 applied to the biases, 1 650 parameters, 5 seeds: an extra term on b1 and b2', () => {
    for (let seed = 0; seed < 5; seed++)
      expect(kinds(fast({ ...MEDIUM, seed }, { l2OnBiases: true }))).toEqual([['extra-term', ['b1', 'b2']]]);
  });

  it('10 000 parameters: forgot 1/m on all four tensors, the L2 sign flip on W1 and W2', () => {
    for (const seed of [0, 1, 2]) {
      expect(kinds(fast({ ...LARGE, seed }, { forgotOneOverM: true }))).toEqual([['factor', ['W1', 'b1', 'W2', 'b2']]]);
      expect(kinds(fast({ ...LARGE, seed }, { l2WrongSign: true }))).toEqual([['missing-term', ['W1', 'W2']]]);
    }
  });

  it('a bug in one tensor stays on that tensor: b1 zeroed is named on b1 alone', () => {
    for (let seed = 0; seed < 5; seed++) expect(kinds(fast({ ...MEDIUM, seed }, { zeroB1: true }))).toEqual([['zeroed', ['b1']]]);
  });

  it('the correct backprop passes in fast mode with no diagnosis', () => {
    for (let seed = 0; seed < 5; seed++) {
      const r = fast({ ...MEDIUM, seed }, {});
      expect(r.pass).toBe(true);
      expect(r.diagnoses).toEqual([]);
    }
  });
});
