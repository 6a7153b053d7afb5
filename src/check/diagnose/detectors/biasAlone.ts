import { near } from '../fit.js';
import { type Finding, finding } from '../finding.js';
import { compared, failingOf, fullyCompared } from '../scope.js';
import { num } from '../text.js';
import type { DiagnosisInput } from '../types.js';
import type { Layer } from './units.js';

/** Entry ratios closer than this to 1 are entries that agree. */
const SAME = 1e-3;

/**
 * A bias wrong beside its right weight, each wrong entry a different multiple of its numerical
 * value, all with inverses in (0, 1] (as an activation's derivative): the bias gradient was
 * taken from δ before ⊙ act′ while the weight's got it. Evidence: every entry's ratio, and the
 * weight agreeing on every entry. A missing derivative in δ itself would break the weight too,
 * so the message says the bias alone.
 *
 * @example
 * // b1 from W2ᵀδ2, W1 from (W2ᵀδ2) ⊙ (1 − h²), one example:
 * biasAloneDetector(input, { weight: W1, bias: b1 })?.paths; // ['b1']
 */
export function biasAloneDetector(input: DiagnosisInput, layer: Layer): Finding | undefined {
  const { bias, weight } = layer;
  if (!bias || !fullyCompared(input, weight) || !fullyCompared(input, bias)) return undefined;
  if (failingOf(input, compared(input, weight)).length > 0) return undefined;
  const failing = failingOf(input, compared(input, bias));
  if (failing.length < 2) return undefined;
  const { analytic: a, numeric: n } = input;
  const ratios = failing.map((i) => a[i] / n[i]);
  const inverses = ratios.map((r) => 1 / r);
  if (!inverses.every((r) => Number.isFinite(r) && r > 0 && r < 1 - SAME)) return undefined;
  const distinct = ratios.some((r) => !near(r, ratios[0], SAME));
  if (!distinct) return undefined;
  const W = weight.name;
  const b = bias.name;
  const lo = Math.min(...ratios);
  const hi = Math.max(...ratios);
  return finding({
    kind: 'per-unit-factor',
    paths: [b],
    message:
      `Per-unit factor in ${b} alone: each wrong entry of ${b} is a different multiple (${num(lo)} to ${num(hi)}) of the numerical one, while ${W}, which takes the same δ, is right. ` +
      `Is ${b}'s gradient summed from another δ than ${W}'s (δ taken before ⊙ act′, or another layer's δ)? ${W} being right rules out δ itself.`,
    evidence: `${W} agrees on every entry; ${failing.length} entries of ${b} disagree with ratios a/n from ${num(lo)} to ${num(hi)}, their inverses in (0, 1)`,
    explained: failing.length,
    failingCount: failing.length,
  });
}
