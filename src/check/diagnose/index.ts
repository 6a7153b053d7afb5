import type { Diagnosis } from '../report.js';
import { explain } from './registry.js';
import type { DiagnosisInput } from './types.js';

export type { Detector, DiagnosisInput, DirectionBases, EntryGroup } from './types.js';
export { explain, GROUP_DETECTORS } from './registry.js';
export { kinkDiagnosis } from './kink.js';
export { explainFactor } from './explainFactor.js';
export { groupsOfLayout } from './groups.js';

/**
 * Names the likely bugs behind a failed check, strongest first, whichever check it was (full,
 * fast, Jacobian, VJP, JVP, Hessian): each with the kind, the paths, the share of their failing
 * entries it explains, a message that reads the same in every check, and its evidence (a fit and
 * its residual, an exact match). A check without failing or unresolved entries gets none but its
 * kinks. The per-tensor summary ("Wrong: W1. Fine: W2.") is a note: see `explain`.
 *
 * @example
 * diagnose({ analytic, numeric, errors, failing, groups, theta, settings });
 * // [{ kind: 'sign', paths: ['W1'], share: 1, message: 'Sign error in W1: the analytic values are −1 × the numerical ones. …', evidence: 'W1: least-squares fit a = k·n with k = −1 …' }]
 */
export function diagnose(input: DiagnosisInput): Diagnosis[] {
  return explain(input).diagnoses;
}
