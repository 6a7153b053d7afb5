import type { DiagnosisKind } from '../../report.js';
import { FIT_RESIDUAL, type LinearFit, NOISY_FIT_RESIDUAL, leastSquares, near, robustFit } from '../fit.js';
import { explainFactor, factorText } from '../explainFactor.js';
import { type Finding, finding } from '../finding.js';
import {
  type FitScope,
  allowance,
  compared,
  failingOf,
  fitScopes,
  informative,
  preferFailing,
  scopeText,
  spanText,
} from '../scope.js';
import { nameList, num, residualText } from '../text.js';
import type { DiagnosisInput, EntryGroup } from '../types.js';

/** One group's scale: analytic = k·numeric, apart from a term c·θ that is right (c undefined: none). */
export interface Scale {
  readonly group: string;
  readonly k: number;
  readonly c?: number;
  readonly subset: boolean;
  /** The numerical values are themselves c·θ (f's data part contributes nothing): c, when so. */
  readonly pure?: number;
}

const scales = new WeakMap<Finding, Scale>();

/**
 * The kind a factor k makes: −1 a sign error, 0 zeroed, otherwise a factor.
 *
 * @example
 * kindOf(-1); // 'sign'
 */
export function kindOf(k: number): DiagnosisKind {
  if (near(k, -1)) return 'sign';
  if (near(k, 0)) return 'zeroed';
  return 'factor';
}

/**
 * The term c·θ beside a factor k, told both ways: a = k·(n − cθ) + cθ (the term is right) and
 * a = k·(n − c′θ) − c′θ (its sign is flipped) fit the same values with c′ = c(k − 1)/(k + 1),
 * so the message states both, never a bare "which is right".
 */
function termPair(k: number, c: number): string {
  const flipped = (c * (k - 1)) / (k + 1);
  return Number.isFinite(flipped)
    ? `${num(c)}·θ if that term is right, or ${num(flipped)}·θ if its sign is flipped`
    : `${num(c)}·θ`;
}

/** ", apart from a term in θ of W1 and W2 (0.0166667·θ if that term is right, or …)" for the scales that have one. */
function termClause(all: readonly Scale[]): string {
  const withTerm = all.filter((s) => s.c !== undefined);
  if (withTerm.length === 0) return '';
  const cs = withTerm.map((s) => s.c as number);
  const same = cs.every((c) => near(c, cs[0], 1e-3));
  const k = withTerm[0].k;
  const terms = same
    ? `(${termPair(k, cs[0])})`
    : `(${withTerm.map((s) => `in ${s.group} ${termPair(s.k, s.c as number)}`).join('; ')})`;
  const of =
    withTerm.length === all.length ? (all.length === 1 ? '' : ' of each') : ` of ${nameList(withTerm.map((s) => s.group))}`;
  return `, apart from a term in θ${of} ${terms}`;
}

/**
 * The message of one scale found in one or more tensors (the same words in every check).
 *
 * @example
 * scaleMessage([{ group: 'W', k: -1, subset: false }]); // 'Sign error in W: the analytic values are −1 × the numerical ones. …'
 */
export function scaleMessage(all: readonly Scale[]): string {
  return compose(all);
}

function compose(all: readonly Scale[], subject?: string): string {
  const { k } = all[0];
  const names = nameList(all.map((s) => s.group));
  const where = all.some((s) => s.subset) ? ' where they disagree (the other entries agree)' : '';
  const terms = termClause(all);
  const kind = kindOf(k);
  if (kind === 'sign')
    return `Sign error in ${names}: the analytic values are −1 × the numerical ones${where}${terms}. Check the sign of the loss, of the error term (h − y vs y − h) or of an update.`;
  if (kind === 'zeroed')
    return `Zeroed: in ${names} the analytic values are 0${where}${terms}, the numerical ones are not. Was that part of the gradient never computed, or never added in?`;
  return `Uniform factor in ${names}: the analytic values are ${factorText(k)} × the numerical ones${where}${terms}. ${explainFactor(k, subject)}`;
}

/** The other reading when the numerical values are all c·θ: a term whose sign or size is wrong looks the same. */
function pureText(all: readonly Scale[]): string {
  if (!all.every((s) => s.pure !== undefined)) return '';
  const c = all[0].pure as number;
  const k = all[0].k;
  return ` Here the numerical values are themselves a term ${num(c)}·θ (f's data part contributes nothing), so this is equally that term with ${near(k, -1) ? 'its sign flipped' : `${factorText(k)} × its size`}: a missing-term or wrong-sign-term bug reads the same.`;
}

/** The numerical values on `indices` as c·θ, when they are (relative residual under FIT_RESIDUAL). */
function pureTerm(input: DiagnosisInput, indices: readonly number[]): number | undefined {
  const { numeric: n, theta } = input;
  if (!theta || indices.length < 2) return undefined;
  const fit = leastSquares((i) => n[i], [(i) => theta[i]], indices);
  return fit && fit.residual < FIT_RESIDUAL ? fit.coef[0] : undefined;
}

function evidenceOf(input: DiagnosisInput, group: EntryGroup, scope: FitScope, fit: LinearFit, c?: number): string {
  const model =
    c === undefined
      ? `least-squares fit a = k·n with k = ${num(fit.coef[0])}`
      : `robust fit a = α·n + β·θ with α = ${num(fit.coef[0])}, β = ${num(fit.coef[1])}, so a term c·θ with c = β/(1 − α) = ${num(c)}`;
  const off = fit.outliers.length > 0 ? `; ${fit.outliers.length} off the fit (${spanText(group, fit.outliers)})` : '';
  return `${group.name}: ${model} ${scopeText(input, group, scope)}, ${residualText(fit.residual)}${off}`;
}

function build(input: DiagnosisInput, group: EntryGroup, scope: FitScope, fit: LinearFit, c?: number): Finding {
  const k = fit.coef[0];
  const failing = failingOf(input, compared(input, group));
  const inliers = new Set(fit.inliers);
  const pure = c === undefined ? pureTerm(input, fit.inliers) : undefined;
  const scale: Scale = {
    group: group.name,
    k,
    subset: scope.subset,
    ...(c === undefined ? {} : { c }),
    ...(pure === undefined ? {} : { pure }),
  };
  const found = finding({
    kind: kindOf(k),
    paths: [group.name],
    ...(pure === undefined ? {} : { alternatives: ['missing-term', 'wrong-sign-term'] as const }),
    message: compose([scale], input.subject) + pureText([scale]),
    evidence: evidenceOf(input, group, scope, fit, c),
    explained: failing.filter((i) => inliers.has(i)).length,
    failingCount: failing.length,
    key: `${kindOf(k)}:${factorText(k)}`,
    compose: (list) => ({
      message:
        compose(
          list.map((f) => scales.get(f) as Scale),
          input.subject,
        ) + pureText(list.map((f) => scales.get(f) as Scale)),
      evidence: list.map((f) => f.evidence).join('; '),
    }),
  });
  scales.set(found, scale);
  return found;
}

/**
 * Sign error, uniform factor or zeroed data part: analytic = k·numeric on the group (or on its
 * failing entries), by a robust fit; with θ known, also analytic = α·numeric + β·θ, read as a
 * factor α on the data part with a term c·θ (c = β/(1 − α)) that is right — "data term off by
 * × 6 plus a correct λθ".
 *
 * @example
 * // the data term summed over m = 6 examples, (λ/m)·W added correctly:
 * scaleDetector(input, W1)?.message; // 'Uniform factor in W1: the analytic values are 6 × the numerical ones, apart from the term 0.0166667·θ, which is right. …'
 */
export function scaleDetector(input: DiagnosisInput, group: EntryGroup): Finding | undefined {
  const { analytic: a, numeric: n, theta } = input;
  // Under float32 rounding (f float32, check float64) a factor within a few percent of 1 is noise.
  const one = (k: number) => near(k, 1) || (input.float32Values === true && near(k, 1, NOISY_FIT_RESIDUAL));
  for (const scope of fitScopes(input, group)) {
    // Entries 0 on both sides agree with every factor: they are no evidence for one.
    const indices = informative(input, scope.indices);
    const plain = robustFit((i) => a[i], [(i) => n[i]], indices, allowance(input, 0));
    if (plain) {
      if (one(plain.coef[0]) || preferFailing(input, scope, plain)) continue;
      return build(input, group, scope, plain);
    }
    if (!theta) continue;
    const mixed = robustFit((i) => a[i], [(i) => n[i], (i) => theta[i]], indices, allowance(input, 0));
    // α = 0 beside a term (a ∝ θ) is any gradient proportional to θ: no evidence of a zeroed data part.
    if (!mixed || one(mixed.coef[0]) || near(mixed.coef[0], 0, 1e-2) || preferFailing(input, scope, mixed)) continue;
    return build(input, group, scope, mixed, mixed.coef[1] / (1 - mixed.coef[0]));
  }
  return undefined;
}

/**
 * A sign error or uniform factor over every compared entry of a tree at once (groups too small to
 * fit on their own, such as scalar leaves, still get one): the plain fit a = k·n with no
 * outlier, one finding on every group with failing entries.
 *
 * @example
 * wholeScale(input)?.paths; // ['Theta1', 'Theta2']
 */
export function wholeScale(input: DiagnosisInput): Finding | undefined {
  if (input.groups.length < 2) return undefined;
  const { analytic: a, numeric: n } = input;
  const all = informative(
    input,
    input.groups.flatMap((g) => compared(input, g)),
  );
  const fit = robustFit((i) => a[i], [(i) => n[i]], all, allowance(input, 0));
  if (!fit || fit.outliers.length > 0 || near(fit.coef[0], 1)) return undefined;
  const wrong = input.groups.filter((g) => failingOf(input, compared(input, g)).length > 0);
  const k = fit.coef[0];
  const failing = failingOf(input, all).length;
  return finding({
    kind: kindOf(k),
    paths: wrong.map((g) => g.name),
    message: compose(
      wrong.map((g) => ({ group: g.name, k, subset: false })),
      input.subject,
    ),
    evidence: `least-squares fit a = k·n with k = ${num(k)} on all ${all.length} compared entries, ${residualText(fit.residual)}`,
    explained: failing,
    failingCount: failing,
  });
}
