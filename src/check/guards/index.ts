import type { Diagnosis } from '../report.js';
import { nondeterministicDiagnosis } from './determinism.js';
import { float32Diagnosis } from './float32.js';
import { float32StorageDiagnosis } from './float32Storage.js';
import { type Mutation, mutationDiagnosis } from './mutation.js';

export { DETERMINISM_PROBES, nondeterministicDiagnosis, probeDeterminism } from './determinism.js';
export { float32Diagnosis, float32Watch, type Float32Watch, watched } from './float32.js';
export { type Mutation, mutationDiagnosis, mutationOf, writesOf } from './mutation.js';
export { atThetaWhenNonFinite } from './nonFiniteAt.js';
export { guardNonFinite } from './nonFinite.js';
export { float32StorageDiagnosis, probeFloat32Storage } from './float32Storage.js';

/**
 * What a check saw that can invalidate the check itself, whichever check it is: the guard
 * stage turns it into diagnoses, each of which fails the check.
 */
export interface GuardEvidence {
  /** Values of f at θ itself from the determinism probe, when two calls disagreed. */
  readonly repeats?: readonly Float64Array[];
  /** Name of output entry i, for a vector f. */
  readonly outputName?: (i: number) => string;
  /** Writes into θ by the user's functions: f, grad, vjp, jvp, H, options.gradient. */
  readonly mutations?: readonly { readonly who: string; readonly mutation: Mutation | undefined }[];
  /** f returns float32 values in a float64 check, and entries disagree or lean on their error estimate. */
  readonly float32Step?: number;
  /** f keeps θ in float32 (found by the storage probe): the entry it did not feel move, and the step. */
  readonly float32Storage?: { readonly path: string; readonly step: number };
}

/** The outcome of the guard stage. */
export interface GuardOutcome {
  readonly diagnoses: readonly Diagnosis[];
  /** Whether f is untrustworthy (non-deterministic or mutating θ): then no other diagnosis is made. */
  readonly invalid: boolean;
}

/**
 * The guard stage every check runs: non-determinism of f at θ, writes into θ by any user
 * function, and float32 values in a float64 check. Each diagnosis fails the check; the first
 * two also make every difference meaningless, so the check skips its other diagnoses.
 *
 * @example
 * guard({ mutations: [{ who: 'vjp', mutation: { path: 'b[1]', before: -0.2, after: 7 } }] }).diagnoses[0].kind;
 * // 'mutates-input'
 */
export function guard(evidence: GuardEvidence): GuardOutcome {
  const diagnoses: Diagnosis[] = [];
  if (evidence.repeats) diagnoses.push(nondeterministicDiagnosis(evidence.repeats, evidence.outputName));
  for (const { who, mutation } of evidence.mutations ?? []) {
    if (mutation) diagnoses.push(mutationDiagnosis(who, mutation));
  }
  // Rounded θ fakes kinks and step trouble: with float32 storage no other diagnosis is made either.
  if (evidence.float32Storage)
    diagnoses.push(float32StorageDiagnosis(evidence.float32Storage.path, evidence.float32Storage.step));
  const invalid = diagnoses.length > 0;
  if (evidence.float32Step !== undefined) diagnoses.push(float32Diagnosis(evidence.float32Step));
  return { diagnoses, invalid };
}
