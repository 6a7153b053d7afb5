import type { Diagnosis, DiagnosisKind } from '../report.js';

/**
 * What a detector finds in one group (or a few groups): a diagnosis plus what the registry needs
 * to merge the same bug found in several groups into one diagnosis.
 */
export interface Finding extends Diagnosis {
  /** Findings with the same key are one bug seen in several groups: they merge into one diagnosis. */
  readonly key?: string;
  /** Failing entries of `paths` this finding explains. */
  readonly explained: number;
  /** Failing entries of `paths`. */
  readonly failingCount: number;
  /** The message and evidence of several merged findings (all with this finding's key). */
  readonly compose?: (all: readonly Finding[]) => { message: string; evidence?: string };
}

/** What a detector states about its finding; `share` is computed from the counts. */
export interface FindingSpec {
  readonly kind: DiagnosisKind;
  readonly paths: readonly string[];
  readonly message: string;
  readonly evidence?: string;
  readonly alternatives?: readonly DiagnosisKind[];
  readonly explained: number;
  readonly failingCount: number;
  readonly key?: string;
  readonly compose?: (all: readonly Finding[]) => { message: string; evidence?: string };
}

/**
 * A finding with its share (explained / failing, 1 when nothing failed: a kink that passed).
 *
 * @example
 * finding({ kind: 'sign', paths: ['W1'], message: '…', explained: 6, failingCount: 6 }).share; // 1
 */
export function finding(spec: FindingSpec): Finding {
  const share = spec.failingCount === 0 ? 1 : Math.min(1, spec.explained / spec.failingCount);
  return { ...spec, share };
}

/**
 * The public part of a finding.
 *
 * @example
 * toDiagnosis(found); // { kind, paths, share, message, evidence }
 */
export function toDiagnosis(f: Finding): Diagnosis {
  return {
    kind: f.kind,
    paths: f.paths,
    share: f.share,
    message: f.message,
    ...(f.alternatives && f.alternatives.length > 0 ? { alternatives: f.alternatives } : {}),
    ...(f.evidence ? { evidence: f.evidence } : {}),
  };
}

/**
 * Merges findings with the same key (one bug in several tensors) into one diagnosis each, in
 * order of first appearance.
 *
 * @example
 * mergeFindings([factor5OnTheta1, factor5OnTheta2]); // one 'factor' finding on ['Theta1', 'Theta2']
 */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const byKey = new Map<string, Finding[]>();
  const order: Finding[][] = [];
  for (const f of findings) {
    const same = f.key === undefined ? undefined : byKey.get(f.key);
    if (same) same.push(f);
    else {
      const list = [f];
      order.push(list);
      if (f.key !== undefined) byKey.set(f.key, list);
    }
  }
  return order.map((list) => {
    if (list.length === 1 || !list[0].compose) return list[0];
    const text = list[0].compose(list);
    const explained = list.reduce((s, f) => s + f.explained, 0);
    const failingCount = list.reduce((s, f) => s + f.failingCount, 0);
    return finding({ ...list[0], ...text, paths: list.flatMap((f) => f.paths), explained, failingCount });
  });
}

/**
 * Strongest first: the diagnoses explaining the most failing entries, then the surest.
 *
 * @example
 * strongestFirst([small, large]); // [large, small]
 */
export function strongestFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((p, q) => q.explained - p.explained || q.share - p.share);
}
