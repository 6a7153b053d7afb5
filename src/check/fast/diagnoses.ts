/**
 * The diagnose stage of fast mode. Its inputs are the registry's (`DiagnosisInput` over
 * `EntryGroup`s, src/check/diagnose/types.ts): the localised entries, and the directions as one
 * group, both diagnosed by the same registry as every other check.
 */
import { type Tensor, type TreeLayout, displayPath } from '../../numeric/tree.js';
import { explain } from '../diagnose/index.js';
import type { DiagnosisInput, DirectionBases, EntryGroup } from '../diagnose/types.js';
import { publicSettings } from '../settings/resolve.js';
import type { Diagnosis } from '../report.js';
import type { DirectionResult } from './directions.js';
import type { Localised } from './localise.js';
import type { FastRun } from './run.js';

/** Fast mode's diagnoses: the sentences (`report.hints`) and the structured form (`report.diagnoses`). */
export interface FastDiagnoses {
  readonly hints: string[];
  readonly diagnoses: Diagnosis[];
}

function range(count: number, from = 0): number[] {
  return Array.from({ length: count }, (_, k) => from + k);
}

/**
 * The directions as the registry sees them: one group 'θ' of k values, a = ⟨g, d⟩ and n = the
 * finite difference, failing where the direction disagrees.
 *
 * @example
 * directionsInput(run, directions).groups[0].entryName(3); // 'direction 3'
 */
export function directionsInput(run: FastRun, directions: readonly DirectionResult[]): DiagnosisInput {
  const k = directions.length;
  const directionBases = basesOf(run, directions);
  const group: EntryGroup = { name: 'θ', shape: [k], indices: range(k), entryName: (j) => `direction ${j}` };
  return {
    analytic: Float64Array.from(directions, (d) => d.measure.analytic),
    numeric: Float64Array.from(directions, (d) => d.measure.numeric),
    errors: Float64Array.from(directions, (d) => d.measure.error),
    failing: Uint8Array.from(directions, (d) => (d.pass ? 0 : 1)),
    groups: [group],
    directions: true,
    ...(directionBases ? { directionBases } : {}),
    settings: publicSettings(run.settings),
  };
}

/**
 * θ's tensors projected on the directions (d = signs · max(1, |θᵢ|), the displacement the probe
 * takes): ⟨θ_T, d_j⟩ per tensor T, so that the registry can fit a term c·θ per tensor over the
 * directions.
 *
 * @example
 * basesOf(run, directions)?.names; // ['W1', 'b1', 'W2', 'b2']
 */
function basesOf(run: FastRun, directions: readonly DirectionResult[]): DirectionBases | undefined {
  const { layout } = run;
  const theta = layout.values;
  if (layout.tensors.length === 0) return undefined;
  const names = layout.tensors.map((t) => displayPath(t.name));
  const proj = layout.tensors.map((t) =>
    Float64Array.from(directions, (d) => {
      let s = 0;
      for (let i = t.offset; i < t.offset + t.size; i++) s += theta[i] * d.signs[i] * Math.max(1, Math.abs(theta[i]));
      return s;
    }),
  );
  return { names, theta: proj };
}

/** A tensor of θ as a group of the registry: whole, named by its path ('θ' for a flat θ). */
function tensorGroup(layout: TreeLayout, tensor: Tensor): EntryGroup {
  return {
    name: displayPath(tensor.name),
    shape: tensor.shape.length > 0 ? tensor.shape : [1],
    indices: range(tensor.size, tensor.offset),
    entryName: (k) => displayPath(layout.pathAt(tensor.offset + k)),
  };
}

/**
 * The localised entries as the registry sees them: θ's flat vectors (numeric NaN where no
 * coordinate was confirmed), `sparse`, and as groups the tensors of θ that hold a localised
 * entry, whole (so that a tensor whose analytic gradient is all zero shows as such).
 *
 * @example
 * entriesInput(run, localised).groups.map((g) => g.name); // ['b1']
 */
export function entriesInput(run: FastRun, localised: Localised): DiagnosisInput {
  const { layout } = run;
  const failing = new Uint8Array(layout.size);
  for (const m of localised.mismatches) failing[m.index] = 1;
  // The tensors holding a localised entry, or a NaN/±∞ gradient entry (named whether localised or not).
  const shown = range(layout.size).filter((i) => !Number.isNaN(localised.numeric[i]) || !Number.isFinite(run.g[i]));
  const tensors = new Set(shown.map((i) => layout.tensorAt(i)));
  const groups = [...tensors].map((tensor) => tensorGroup(layout, tensor));
  const { numeric, errors, kinks } = localised;
  return {
    analytic: run.g,
    numeric,
    errors,
    failing,
    groups,
    theta: layout.values,
    settings: publicSettings(run.settings),
    sparse: true,
    kinks,
  };
}

/** Kinds that say the same of a tensor's values: a factor (sign, zeroed) or a term. */
const FAMILIES: readonly (readonly string[])[] = [
  ['factor', 'sign', 'zeroed'],
  ['missing-term', 'wrong-sign-term', 'extra-term'],
];

function sameFamily(p: Diagnosis, q: Diagnosis): boolean {
  return p.kind === q.kind || FAMILIES.some((f) => f.includes(p.kind) && f.includes(q.kind));
}

/** The tensor of an entry path ('W1[2][0]' → 'W1'). */
function tensorOf(path: string): string {
  return path.replace(/(\[\d+\])+$/, '');
}

/**
 * What fast mode says is wrong: the registry over the directions (a whole-gradient sign or
 * factor) and over the localised entries (sign flips, one wrong entry, all-zero tensors), each
 * sentence once.
 *
 * @example
 * fastDiagnoses(directionsInput(run, directions), entriesInput(run, localised)).hints;
 * // ['Uniform factor in θ: the analytic values are 2 × the numerical ones. …']
 */
export function fastDiagnoses(directions: DiagnosisInput, entries: DiagnosisInput | undefined): FastDiagnoses {
  // A NaN or ±∞ gradient entry spoils every ⟨g, d⟩: only the entries can tell which one it is.
  const spoiled = directions.analytic.some((v) => !Number.isFinite(v));
  const whole = spoiled ? { diagnoses: [], notes: [] } : explain(directions);
  const local = entries ? explain(entries) : { diagnoses: [], notes: [] };
  // The localised entries often show what the directions showed already (a factor 6 in W1 of a
  // factor 6 over all of θ): say it once, over every tensor the directions cover.
  const said = new Set(whole.diagnoses.map((d) => d.message));
  const covered = (d: Diagnosis) =>
    whole.diagnoses.some((w) => sameFamily(w, d) && d.paths.every((p) => w.paths.includes(p) || w.paths.includes(tensorOf(p))));
  const diagnoses = [...whole.diagnoses, ...local.diagnoses.filter((d) => !said.has(d.message) && !covered(d))];
  return { hints: [...diagnoses.map((d) => d.message), ...local.notes], diagnoses };
}
