import { type DiagnosisInput, type Group, entries, rangeText } from './input.js';

/** How a fit's set of entries is named in a hint. */
export interface FitScope {
  readonly indices: readonly number[];
  /** "on every entry", "on W1 (all 20 entries)", "on the 30 entries that disagree (…)". */
  readonly text: string;
  /** Whether the scope is only the failing entries of the group. */
  readonly subset: boolean;
}

/**
 * The scopes a fit is tried on, in order: the group's compared entries, then (when they differ
 * and there are at least two) only its failing entries, the others agreeing already. A fit over
 * the whole of a tree (`everyEntry`) tries the first scope only, so partial fits name their tensor.
 *
 * @example
 * fitScopes(input, group, false).map((s) => s.text);
 * // ['on every entry', 'on the 2 entries that disagree ([1], [2]; the other entry agrees)']
 */
export function fitScopes(input: DiagnosisInput, group: Group, everyEntry: boolean): FitScope[] {
  const all =
    group.compared.length === group.tensor.size
      ? `all ${entries(group.compared.length)}`
      : `all ${group.compared.length} compared entries`;
  const first: FitScope = {
    indices: group.compared,
    text:
      everyEntry || group.whole
        ? group.compared.length === group.tensor.size
          ? 'on every entry'
          : 'on every compared entry'
        : `on ${group.name} (${all})`,
    subset: false,
  };
  const scopes = [first];
  const f = group.failing;
  if (!everyEntry && f.length >= 2 && f.length < group.compared.length) {
    const span =
      f.length <= 4
        ? f.map((i) => rangeText(input.layout, i, i)).join(', ')
        : `${rangeText(input.layout, f[0], f[f.length - 1])}`;
    const inGroup = group.whole ? '' : ` of ${group.name}`;
    scopes.push({
      indices: f,
      text: `on the ${f.length} entries${inGroup} that disagree (${span}; ${others(group.compared.length - f.length)})`,
      subset: true,
    });
  }
  return scopes;
}

function others(n: number): string {
  return n === 1 ? 'the other entry agrees' : `the other ${n} agree`;
}
