import type { EntryRecheck } from '../recheck.js';
import type { CheckSettings, Diagnosis, KinkEntry } from '../report.js';

/**
 * A set of entries the detectors look at together: one tensor of θ (a gradient, a VJP's θ̄),
 * one block of a Jacobian or Hessian, or one output tensor of a JVP. The groups of one input
 * partition its compared entries.
 */
export interface EntryGroup {
  /** Display name used in messages and `Diagnosis.paths`: 'W1', 'layer.bias', 'θ', '∂out/∂b'. */
  readonly name: string;
  /** Its shape: [rows, cols] for a matrix (transposes, units, layouts), [n] for a vector. */
  readonly shape: readonly number[];
  /** Flat indices into the input's arrays, row-major over `shape` (length = product of shape). */
  readonly indices: readonly number[];
  /** Display path of entry k of the group (`W1[2][0]`), for entry-level diagnoses. */
  readonly entryName: (k: number) => string;
}

/**
 * What the diagnosis registry sees of a failed check, whichever check it was: the compared
 * values, their verdicts and the groups they fall into. Every check (full, fast, Jacobian,
 * VJP, JVP, Hessian) builds one, so one bug gets one diagnosis text.
 */
export interface DiagnosisInput {
  /** Values under test (flat). */
  readonly analytic: Float64Array;
  /** Reference values (flat; NaN where an entry was not compared). */
  readonly numeric: Float64Array;
  /** Error estimate of each reference value (NaN where not compared). */
  readonly errors: Float64Array;
  /** 1 where the entry failed. */
  readonly failing: Uint8Array;
  /** The groups (tensors, blocks); entries outside every group are not diagnosed. */
  readonly groups: readonly EntryGroup[];
  /**
   * θ's value at each entry, when the entries are θ's (a gradient, a VJP's θ̄): the basis of
   * the term fits (a missing λθ). Absent for Jacobian/Hessian blocks and JVP outputs.
   */
  readonly theta?: Float64Array;
  readonly settings: CheckSettings;
  /** What the analytic values are, for advice: `gradient` when absent, `Jacobian`, `Jacobian–vector product`, … */
  readonly subject?: string;
  /** Fast mode's directions: the entries are random directions, not coordinates, so only patterns over the whole group apply. */
  readonly directions?: boolean;
  /** Fast mode's directions: each tensor's share of them, for the fits over all of θ. */
  readonly directionBases?: DirectionBases;
  /** Fast mode: only a few localised entries were compared; fits over whole tensors are impossible. */
  readonly sparse?: boolean;
  /** Re-checked entries (first pass and Richardson values), by flat index. */
  readonly rechecked?: ReadonlyMap<number, EntryRecheck>;
  /** Flat indices of entries listed as unresolved. */
  readonly unresolved?: readonly number[];
  /** Failing entries the re-check budget did not reach. */
  readonly notRechecked?: number;
  /**
   * Every value of f was float32-exact while the check ran in float64 (the float32 guard's
   * finding): then one-sided slopes that differ, scattered Richardson values and first passes
   * off their extrapolation are float32 rounding steps, not kinks or step trouble.
   */
  readonly float32Values?: boolean;
  /** Entries at kinks (named, and failed only with `kinks: 'fail'`). */
  readonly kinks?: readonly KinkEntry[];
  /** The check's `kinks` option, for the kink diagnoses' wording (default `'report'`). */
  readonly kinkPolicy?: 'report' | 'fail';
}

/**
 * Each tensor T of θ projected on fast mode's directions d_j (the displacement actually taken):
 * ⟨θ_T, d_j⟩, the basis of term fits over the directions.
 */
export interface DirectionBases {
  /** The tensors' display names, in θ's order. */
  readonly names: readonly string[];
  /** theta[T][j] = ⟨θ_T, d_j⟩. */
  readonly theta: readonly Float64Array[];
}

/** A detector of the registry: the diagnosis of one group, or none without evidence. */
export type Detector = (input: DiagnosisInput, group: EntryGroup) => Diagnosis | undefined;
