import { agrees, isUnresolved, mismatchOf, worstFirst } from '../compare.js';
import type { Mismatch, UnresolvedEntry } from '../report.js';
import type { Settings } from '../settings/types.js';

/** Values under test and their references, one array per probe (cotangent or tangent). */
export interface ProbedValues {
  readonly analytic: readonly Float64Array[];
  readonly numeric: readonly Float64Array[];
  readonly errors: readonly Float64Array[];
}

/**
 * One verdict per entry over several probes (the cotangents of a VJP, the tangents of a JVP):
 * a mismatch at the probe where the entry is furthest outside its tolerance, or, when every
 * probe agrees but one only within an error estimate too large to judge it, an unresolved entry.
 *
 * @example
 * worstPerEntry({ analytic, numeric, errors }, (j) => displayPath(layout.pathAt(j)), settings).mismatches;
 */
export function worstPerEntry(
  p: ProbedValues,
  name: (i: number) => string,
  settings: Pick<Settings, 'rtol' | 'atol'>,
): { mismatches: Mismatch[]; unresolved: UnresolvedEntry[] } {
  const { rtol, atol } = settings;
  const mismatches: Mismatch[] = [];
  const unresolved: UnresolvedEntry[] = [];
  const size = p.analytic[0]?.length ?? 0;
  for (let i = 0; i < size; i++) {
    let worst: Mismatch | undefined;
    let noisy: UnresolvedEntry | undefined;
    p.analytic.forEach((a, k) => {
      const [n, err] = [p.numeric[k][i], p.errors[k][i]];
      if (agrees(a[i], n, err, rtol, atol)) {
        if (!noisy && isUnresolved(a[i], n, err, rtol, atol))
          noisy = { path: name(i), index: i, analytic: a[i], numeric: n, errorEstimate: err };
        return;
      }
      const m = mismatchOf(name(i), i, a[i], n, err, rtol, atol);
      if (!worst || m.absError / m.tolerance > worst.absError / worst.tolerance) worst = m;
    });
    if (worst) mismatches.push(worst);
    else if (noisy) unresolved.push(noisy);
  }
  return { mismatches: mismatches.sort(worstFirst), unresolved };
}

/**
 * Every probe's values, one after the other: the summary figures of a VJP or JVP cover them all.
 *
 * @example
 * allProbes([Float64Array.of(1, 2), Float64Array.of(3)]); // Float64Array [1, 2, 3]
 */
export function allProbes(arrays: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((s, a) => s + a.length, 0));
  let o = 0;
  for (const a of arrays) {
    out.set(a, o);
    o += a.length;
  }
  return out;
}
