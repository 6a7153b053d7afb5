import type { Diagnosis } from '../report.js';
import { biasAloneDetector } from './detectors/biasAlone.js';
import { entersAtDetector } from './detectors/entersAt.js';
import { entrySignDetector } from './detectors/entrySign.js';
import { entryValueDetector } from './detectors/entryValue.js';
import { flippedDetector } from './detectors/flipped.js';
import { perUnitDetector } from './detectors/perUnit.js';
import { regionDetector } from './detectors/region.js';
import { reunrolledDetector } from './detectors/reunrolled.js';
import { scaleDetector, wholeScale } from './detectors/scale.js';
import { shiftedDetector } from './detectors/shifted.js';
import { swappedDetector } from './detectors/swapped.js';
import { termDetector } from './detectors/term.js';
import { transposedDetector } from './detectors/transposed.js';
import { type Layer, layersOf } from './detectors/units.js';
import { zeroedDetector } from './detectors/zeroed.js';
import { type Finding, mergeFindings, strongestFirst, toDiagnosis } from './finding.js';
import { directionalFindings } from './directional.js';
import { kinkDiagnosis } from './kink.js';
import { nonFiniteEntries, nonFiniteFinding, withoutEntries } from './nonFinite.js';
import { compared, failingOf } from './scope.js';
import { stepFindings } from './step.js';
import { summaryNote } from './summary.js';
import type { Detector, DiagnosisInput, EntryGroup } from './types.js';

/**
 * The detectors run on each group with failing entries, in order: the first with evidence names
 * the group's bug. Exact zeros first (a fit cannot see them), then fits over values (scale, term),
 * then the right values in the wrong places (transposed, flipped, re-unrolled, shifted), then
 * single entries. Patterns across groups (swaps, per-unit factors, where the error enters) and
 * regions of a tensor come after, for the groups these left unexplained.
 */
export const GROUP_DETECTORS: readonly Detector[] = [
  zeroedDetector,
  scaleDetector,
  termDetector,
  transposedDetector,
  flippedDetector,
  reunrolledDetector,
  shiftedDetector,
  entrySignDetector,
  entryValueDetector,
];

/** The detectors of single entries, which no fit over a group backs. */
const ENTRY_DETECTORS: readonly Detector[] = [entrySignDetector, entryValueDetector];

const isWrong = (input: DiagnosisInput, g: EntryGroup) => failingOf(input, compared(input, g)).length > 0;

/** Detectors across groups, for the groups no single-group detector explained: swaps, a bias wrong alone, where the error enters. */
function acrossGroups(input: DiagnosisInput, explained: Set<string>): Finding[] {
  const found: Finding[] = [];
  const open = input.groups.filter((g) => isWrong(input, g) && !explained.has(g.name));
  for (let p = 0; p < open.length; p++)
    for (let q = p + 1; q < open.length; q++) {
      if (explained.has(open[p].name) || explained.has(open[q].name)) continue;
      const swap = swappedDetector(input, open[p], open[q]);
      if (swap) {
        found.push(swap);
        for (const name of swap.paths) explained.add(name);
      }
    }
  const layers = layersOf(input.groups);
  for (const layer of layers) {
    const alone = layer.bias && !explained.has(layer.bias.name) ? biasAloneDetector(input, layer) : undefined;
    if (alone) {
      found.push(alone);
      for (const name of alone.paths) explained.add(name);
    }
  }
  const enters = entersAtDetector(input, layers, explained);
  if (enters) {
    found.push(enters);
    for (const name of enters.paths) explained.add(name);
  }
  return found;
}

/**
 * Per-unit factors first: a factor that differs between units would otherwise be read, on the
 * failing units alone, as one tensor-wide factor (a missing leaky-ReLU′ is 1 on active units and
 * 1/slope on the others). A tensor-wide factor has no distinct per-unit factors, so it is left
 * to the group detectors.
 */
function perUnits(input: DiagnosisInput, layers: readonly Layer[], explained: Set<string>): Finding[] {
  const found: Finding[] = [];
  for (const layer of layers) {
    if (!isWrong(input, layer.weight) || explained.has(layer.weight.name)) continue;
    const bias = layer.bias && !explained.has(layer.bias.name) ? layer.bias : undefined;
    const unit = perUnitDetector(input, bias ? layer : { weight: layer.weight });
    if (!unit) continue;
    found.push(unit);
    for (const name of unit.paths) explained.add(name);
  }
  return found;
}

/** Every structural finding: fast mode's fits over all of θ, one whole-θ factor, or per unit, per group, then across groups. */
function structural(input: DiagnosisInput): Finding[] {
  const directional = directionalFindings(input);
  if (directional.length > 0) return directional;
  const whole = wholeScale(input);
  if (whole) return [whole];
  const explained = new Set<string>();
  const found: Finding[] = perUnits(input, layersOf(input.groups), explained);
  for (const group of input.groups) {
    if (!isWrong(input, group) || explained.has(group.name)) continue;
    for (const detect of GROUP_DETECTORS) {
      // One entry off under float32 rounding is the rounding: entry-level findings need float64 values.
      if (input.float32Values && ENTRY_DETECTORS.includes(detect)) continue;
      const f = detect(input, group) as Finding | undefined;
      if (!f) continue;
      found.push(f);
      explained.add(group.name);
      break;
    }
  }
  const across = acrossGroups(input, explained);
  // Regions last: a layer's pattern (where the error enters) says more than a region of one of its tensors.
  // …and none from float32 rounding, whose differences are exactly 0 wherever f did not move.
  const regions = input.groups
    .filter((g) => !input.float32Values && isWrong(input, g) && !explained.has(g.name))
    .map((g) => regionDetector(input, g))
    .filter((f): f is Finding => f !== undefined);
  return [...found, ...across, ...regions];
}

/**
 * The registry: what is wrong, strongest first, plus notes (the per-tensor summary). Each
 * diagnosis comes with its evidence (a fit and its residual, an exact match), never as a guess;
 * a check without failing or unresolved entries gets none but its kinks. NaN or ±∞ analytic
 * entries come first as `non-finite` and are taken out before the other detectors run; under
 * float32 rounding (`float32Values`) no kink, step, region or single-entry finding is made.
 *
 * @example
 * explain(input); // { diagnoses: [{ kind: 'sign', paths: ['W1'], … }], notes: ['Wrong: W1. Fine: b1.'] }
 */
export function explain(input: DiagnosisInput): { diagnoses: Diagnosis[]; notes: string[] } {
  const bad = nonFiniteEntries(input);
  const nonFinite = nonFiniteFinding(input, bad);
  const rest = withoutEntries(input, bad);
  // f in float32 checked at float64: its rounding steps are neither kinks nor a step to tune (the float32 guard names them).
  const rounding = input.float32Values === true;
  const step = rounding ? { findings: [], truncation: false } : stepFindings(rest);
  const anyWrong = rest.groups.some((g) => isWrong(rest, g));
  // Truncation error can itself look like a bug (Rosenbrock's is exactly ∝ θ): then fits on first-pass values prove nothing.
  const found = !step.truncation && anyWrong ? strongestFirst(mergeFindings(structural(rest))) : [];
  const kinks = rounding ? [] : (input.kinks ?? []).map((k) => kinkDiagnosis(k, input.kinkPolicy ?? 'report'));
  const note = anyWrong || nonFinite ? summaryNote(input) : undefined;
  return {
    diagnoses: [...(nonFinite ? [nonFinite] : []), ...found, ...step.findings].map(toDiagnosis).concat(kinks),
    notes: note ? [note] : [],
  };
}
