import { agrees, tolerance } from '../compare.js';
import type { Allowance } from './fit.js';
import type { DiagnosisInput, EntryGroup } from './types.js';

/**
 * The group's compared entries (a finite reference value), as flat indices in group order.
 *
 * @example
 * compared(input, group); // [0, 1, 2, 5]
 */
export function compared(input: DiagnosisInput, group: EntryGroup): number[] {
  return group.indices.filter((i) => Number.isFinite(input.numeric[i]));
}

/**
 * The failing entries among `indices`.
 *
 * @example
 * failingOf(input, [0, 1, 2]); // [1]
 */
export function failingOf(input: DiagnosisInput, indices: readonly number[]): number[] {
  return indices.filter((i) => input.failing[i] === 1);
}

/**
 * The entries among `indices` that can show a factor: not those where both sides are 0 (within
 * atol and the error estimate), which agree with every factor and so are evidence for none.
 *
 * @example
 * informative(input, [0, 1, 2]); // [0, 2] when entry 1 is 0 on both sides
 */
export function informative(input: DiagnosisInput, indices: readonly number[]): number[] {
  const { atol } = input.settings;
  return indices.filter((i) => Math.abs(input.analytic[i]) > atol || Math.abs(input.numeric[i]) > atol + errorAt(input, i));
}

/** Whether every entry of the group was compared (the structural detectors need all of them). */
export function fullyCompared(input: DiagnosisInput, group: EntryGroup): boolean {
  return !input.sparse && group.indices.every((i) => Number.isFinite(input.numeric[i]));
}

/** The error estimate of entry i, 0 when unknown. */
export function errorAt(input: DiagnosisInput, i: number): number {
  const e = input.errors[i];
  return Number.isFinite(e) ? e : 0;
}

/**
 * What an entry may differ from a model of it by: the check's own rule (atol + rtol·max(|a|, |p|))
 * plus the numerical error estimate scaled by the model's coefficient on the numerical values
 * (`nCoef` is the index of that coefficient, or undefined when the model has none).
 *
 * @example
 * robustFit(y, [n], indices, allowance(input, 0));
 */
export function allowance(input: DiagnosisInput, nCoef?: number, source: (i: number) => number = (i) => i): Allowance {
  const { rtol, atol } = input.settings;
  return (i, fitted, coef) => {
    const k = nCoef === undefined ? 1 : Math.abs(coef[nCoef]);
    // max(·, tiny) keeps an exact fit of exact zeros from dividing by zero.
    return Math.max(tolerance(input.analytic[i], fitted, rtol, atol) + k * errorAt(input, source(i)), Number.MIN_VALUE);
  };
}

/**
 * Whether analytic entry i agrees with the value `n` whose error estimate is `err`.
 *
 * @example
 * matches(input, 12, -input.numeric[12], input.errors[12]); // a sign flip at 12?
 */
export function matches(input: DiagnosisInput, i: number, n: number, err: number): boolean {
  return agrees(input.analytic[i], n, Number.isFinite(err) ? err : 0, input.settings.rtol, input.settings.atol);
}

/**
 * Entry names of flat indices of a group, as a short range for evidence.
 *
 * @example
 * spanText(group, [3, 4, 9]); // 'W[3], W[4], W[9]'
 */
export function spanText(group: EntryGroup, flat: readonly number[]): string {
  const pos = new Map(group.indices.map((i, k) => [i, k]));
  const ks = flat.map((i) => pos.get(i) ?? -1).filter((k) => k >= 0);
  if (ks.length === 0) return '';
  if (ks.length <= 4) return ks.map((k) => group.entryName(k)).join(', ');
  return `${group.entryName(ks[0])}…${group.entryName(ks[ks.length - 1])}`;
}

/** A set of entries a fit is tried on. */
export interface FitScope {
  readonly indices: readonly number[];
  /** Only the failing entries of the group (the others agree already). */
  readonly subset: boolean;
}

/**
 * The scopes a fit is tried on, in order: the group's compared entries, then (when they differ
 * and there are at least two) only its failing entries, the others agreeing already
 * (regularisation usually skips the biases, which then agree).
 *
 * @example
 * fitScopes(input, group).map((s) => s.subset); // [false, true]
 */
export function fitScopes(input: DiagnosisInput, group: EntryGroup): FitScope[] {
  const all = compared(input, group);
  const failing = failingOf(input, all);
  const scopes: FitScope[] = [{ indices: all, subset: false }];
  if (failing.length >= 2 && failing.length < all.length) scopes.push({ indices: failing, subset: true });
  return scopes;
}

/**
 * Where a fit was made, for evidence: the whole group or the entries that disagree.
 *
 * @example
 * scopeText(input, group, scope); // 'on the 30 entries that disagree ([5]…[37]; the other 8 agree)'
 */
export function scopeText(input: DiagnosisInput, group: EntryGroup, scope: FitScope): string {
  const all = compared(input, group).length;
  if (!scope.subset) return `on ${all === group.indices.length ? 'all' : 'the'} ${all} compared entries of ${group.name}`;
  const rest = all - scope.indices.length;
  return `on the ${scope.indices.length} entries of ${group.name} that disagree (${spanText(group, scope.indices)}; the other ${rest === 1 ? 'entry agrees' : `${rest} agree`})`;
}

/** Flat index → group and position, for naming single entries. */
export function locate(input: DiagnosisInput, i: number): { group: EntryGroup; k: number } | undefined {
  for (const group of input.groups) {
    const k = group.indices.indexOf(i);
    if (k >= 0) return { group, k };
  }
  return undefined;
}

/**
 * The display name of flat entry i (`W1[2][0]`), `[i]` when no group holds it.
 *
 * @example
 * entryNameAt(input, 7); // 'W1[1][3]'
 */
export function entryNameAt(input: DiagnosisInput, i: number): string {
  const at = locate(input, i);
  return at ? at.group.entryName(at.k) : `[${i}]`;
}

/**
 * Whether a fit over the whole group is better told as a fit over its failing entries: the
 * entries off it all agree already (unregularised biases beside a missing L2 term).
 *
 * @example
 * preferFailing(input, scope, fit); // true when fit.outliers are all agreeing entries
 */
export function preferFailing(input: DiagnosisInput, scope: FitScope, fit: { readonly outliers: readonly number[] }): boolean {
  return !scope.subset && fit.outliers.length > 0 && fit.outliers.every((i) => input.failing[i] !== 1);
}
