import { tolerance } from '../../compare.js';
import { type LinearFit, NOISY_FIT_RESIDUAL, robustFit } from '../fit.js';
import { type Finding, finding } from '../finding.js';
import { type FitScope, compared, errorAt, failingOf, fitScopes, preferFailing, scopeText, spanText } from '../scope.js';
import { nameList, num, residualText } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';

/** The simple functions of θ a term may be proportional to: L2 (θ) and L1 (sign θ) penalties. */
const BASES = [
  { name: 'θ', of: (t: number) => t, penalty: 'L2 regularisation term (λ/m)·θ' },
  { name: 'sign(θ)', of: (t: number) => Math.sign(t), penalty: 'L1 penalty term λ·sign(θ)' },
] as const;

type Basis = (typeof BASES)[number];

/**
 * The message of a term d·basis(θ) found in the tensors `names` (d < 0: missing or sign-flipped; d > 0: extra).
 *
 * @example
 * termMessage('W1 and W2', -0.1); // 'Missing term in W1 and W2: a term 0.1·θ is missing, or a term 0.05·θ has the wrong sign. …'
 */
export function termMessage(names: string, d: number): string {
  return message(names, d, BASES[0]);
}

function message(names: string, d: number, basis: Basis): string {
  if (d > 0)
    return `Extra term in ${names}: the analytic values have a term ${num(d)}·${basis.name} that f does not have. An ${basis.penalty} applied where f has none (to biases?), or added twice?`;
  const c = Math.abs(d);
  return (
    `Missing term in ${names}: a term ${num(c)}·${basis.name} is missing, or a term ${num(c / 2)}·${basis.name} has the wrong sign. ` +
    `A forgotten ${basis.penalty}, or one subtracted instead of added?`
  );
}

function evidenceOf(input: DiagnosisInput, group: EntryGroup, scope: FitScope, fit: LinearFit, basis: Basis): string {
  const off = fit.outliers.length > 0 ? `; ${fit.outliers.length} off the fit (${spanText(group, fit.outliers)})` : '';
  return `${group.name}: robust fit a − n ≈ ${num(fit.coef[0])}·${basis.name} ${scopeText(input, group, scope)}, ${residualText(fit.residual)}${off}`;
}

/** Under float32 rounding (f float32, check float64), a term a few percent of the values is noise. */
function lostInRounding(input: DiagnosisInput, indices: readonly number[], d: number, basis: Basis): boolean {
  const { theta, numeric: n } = input;
  if (!input.float32Values || !theta) return false;
  let tt = 0;
  let nn = 0;
  for (const i of indices) {
    tt += (d * basis.of(theta[i])) ** 2;
    nn += n[i] ** 2;
  }
  return tt < NOISY_FIT_RESIDUAL ** 2 * nn;
}

/**
 * A term proportional to θ (or sign θ) missing, sign-flipped or extra: analytic − numeric ≈ d·θ
 * on the group, or on its failing entries (regularisation usually skips the biases, which then
 * agree), by a robust fit. d < 0: a term |d|·θ missing, or a term |d|/2·θ with the wrong sign —
 * the same evidence, so the diagnosis is `missing-term` with `wrong-sign-term` as alternative
 * and both coefficients in its message. d > 0: an extra term.
 *
 * @example
 * // the L2 gradient subtracted instead of added (λ/m = 0.05):
 * termDetector(input, group)?.message; // 'Missing term in θ: a term 0.1·θ is missing, or a term 0.05·θ has the wrong sign. …'
 */
export function termDetector(input: DiagnosisInput, group: EntryGroup): Finding | undefined {
  const { analytic: a, numeric: n, theta } = input;
  if (!theta) return undefined;
  const { rtol, atol } = input.settings;
  const allow = (i: number, fitted: number) =>
    Math.max(tolerance(a[i], n[i] + fitted, rtol, atol) + errorAt(input, i), Number.MIN_VALUE);
  const failing = failingOf(input, compared(input, group));
  for (const scope of fitScopes(input, group)) {
    if (scope.indices.length < 2) continue;
    for (const basis of BASES) {
      // ±v on two entries fits ±v·sign(θ) half the time (two values swapped): sign(θ) needs three.
      if (basis.name === 'sign(θ)' && scope.indices.length < 3) continue;
      const fit = robustFit((i) => a[i] - n[i], [(i) => basis.of(theta[i])], scope.indices, allow);
      if (
        !fit ||
        fit.coef[0] === 0 ||
        preferFailing(input, scope, fit) ||
        lostInRounding(input, scope.indices, fit.coef[0], basis)
      )
        continue;
      const inliers = new Set(fit.inliers);
      const explained = failing.filter((i) => inliers.has(i)).length;
      if (explained === 0) continue;
      const d = fit.coef[0];
      const kind = d > 0 ? 'extra-term' : 'missing-term';
      return finding({
        kind,
        paths: [group.name],
        message: message(group.name, d, basis),
        evidence: evidenceOf(input, group, scope, fit, basis),
        ...(d < 0 ? { alternatives: ['wrong-sign-term' as const] } : {}),
        explained,
        failingCount: failing.length,
        key: `${kind}:${basis.name}:${num(d)}`,
        compose: (list) => ({
          message: message(nameList(list.flatMap((f) => f.paths)), d, basis),
          evidence: list.map((f) => f.evidence).join('; '),
        }),
      });
    }
  }
  return undefined;
}
