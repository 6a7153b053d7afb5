import { type TreeLayout, displayPath } from '../numeric/tree.js';
import { agrees, isUnresolved, mismatchOf, worstFirst } from './compare.js';
import type { Visit } from './estimate.js';
import type { RecheckOutcome } from './recheck.js';
import type { CheckSettings, KinkEntry, Mismatch, UnresolvedEntry } from './report.js';

/** The per-entry verdicts of a gradient check. */
export interface EntryVerdicts {
  /** Failing entries, worst first. */
  readonly mismatches: Mismatch[];
  readonly kinks: KinkEntry[];
  readonly unresolved: UnresolvedEntry[];
  /** 1 where the entry failed. */
  readonly failing: Uint8Array;
}

/**
 * Judges every compared entry: it agrees, agrees only within an error estimate too large to
 * judge it (unresolved), sits on a kink whose one-sided derivative it matches (named, and failed
 * only with `kinks: 'fail'`), or fails.
 * @internal
 */
export function judgeEntries(
  a: Float64Array,
  numeric: Float64Array,
  errors: Float64Array,
  recheck: RecheckOutcome | undefined,
  layout: TreeLayout,
  settings: Pick<CheckSettings, 'rtol' | 'atol'>,
  kinkPolicy: 'report' | 'fail',
  visit: Visit,
): EntryVerdicts {
  const { rtol, atol } = settings;
  const mismatches: Mismatch[] = [];
  const kinks: KinkEntry[] = [];
  const unresolved: UnresolvedEntry[] = [];
  const failing = new Uint8Array(layout.size);
  visit((i) => {
    const n = numeric[i];
    const err = errors[i];
    const path = () => displayPath(layout.pathAt(i));
    if (agrees(a[i], n, err, rtol, atol)) {
      if (isUnresolved(a[i], n, err, rtol, atol))
        unresolved.push({ path: path(), index: i, analytic: a[i], numeric: n, errorEstimate: err });
      return;
    }
    const kink = recheck?.entries.get(i)?.kink;
    if (kink) {
      const matchesOneSide =
        agrees(a[i], kink.left, kink.leftError, rtol, atol) || agrees(a[i], kink.right, kink.rightError, rtol, atol);
      kinks.push({ path: path(), index: i, analytic: a[i], left: kink.left, right: kink.right, matchesOneSide });
      if (matchesOneSide && kinkPolicy === 'report') return;
    }
    failing[i] = 1;
    mismatches.push(mismatchOf(path(), i, a[i], n, err, rtol, atol));
  });
  mismatches.sort(worstFirst);
  return { mismatches, kinks, unresolved, failing };
}
