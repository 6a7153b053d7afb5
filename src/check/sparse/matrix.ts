/**
 * The numerical matrix of a sparse check: colours, then probes, into the same m×n matrix with
 * error estimates that the dense check hands to its report.
 */
import type { Measurement } from '../../numeric/measure/protocol.js';
import type { FiniteDifferenceMethod } from '../../numeric/methods/method.js';
import {
  type Colouring,
  type Pattern,
  greedyColouring,
  nonzeros,
  rowColumns,
  symmetricColouring,
} from '../../numeric/sparsity/index.js';
import type { VectorEvaluator } from '../../numeric/vectorEvaluator.js';
import { differenceEvaluations, groupDigits } from '../timeAndProgress/index.js';
import type { NumericMatrix } from '../vectorValued/matrix.js';
import type { Settings } from '../settings/types.js';
import { measureColours } from './colours.js';
import { linesOf } from './measure.js';
import { measureProbes } from './probes.js';
import { LOCALISE_BUDGET, type SparseState } from './state.js';

/** A pattern, its colouring and the probes that go with it: the plan of a sparse check. */
export interface SparsePlan {
  readonly pattern: Pattern;
  readonly colouring: Colouring;
  readonly probes: number;
  /** A Hessian's rows read off their columns by symmetry (columns measured alone). */
  readonly mirrored: Int32Array;
}

/**
 * Colours the pattern (a symmetric one's with the symmetry, where that pays) and counts the probes.
 *
 * @example
 * sparsePlan(pattern, settings, false).colouring.count; // 1 for a diagonal
 */
export function sparsePlan(pattern: Pattern, settings: Settings, symmetric: boolean): SparsePlan {
  // An empty pattern (an analytic matrix of zeros) has no entry to measure: the probes see all.
  const colouring = nonzeros(pattern) === 0 ? NO_COLOURS : symmetric ? symmetricColouring(pattern) : greedyColouring(pattern);
  const mirrored = 'mirrored' in colouring ? (colouring.mirrored as Int32Array) : new Int32Array(0);
  // Probes even for a full pattern: the cost is 2 × (colours + directions) whatever the
  // pattern, so an elementwise layer of size 1 costs what one of size 10⁴ does.
  return { pattern, colouring, probes: settings.directions, mirrored };
}

/** The colouring of an empty pattern. */
const NO_COLOURS: Colouring = { colour: new Int32Array(0), count: 0, members: [] };

/**
 * Evaluations of a sparse check on a correct matrix: the method's calls per line over the
 * colours and the probes (central: 2 × (colours + probes)), plus a shared f(θ) for one-sided ones.
 *
 * @example
 * sparseEvaluations(central, { colouring: { count: 9 }, probes: 10 }); // 38
 */
export function sparseEvaluations(
  method: FiniteDifferenceMethod,
  plan: Pick<SparsePlan, 'probes'> & { colouring: Pick<Colouring, 'count'> },
): number {
  return differenceEvaluations(method, plan.colouring.count + plan.probes);
}

/**
 * The note a sparse report carries: what was measured and what was probed.
 *
 * @example
 * sparseNote(plan); // 'Sparse: 9 colours for 1 024 columns (8 100 entries in the pattern), 10 random probes for entries outside it.'
 */
export function sparseNote(plan: SparsePlan): string {
  const { colouring, pattern, probes } = plan;
  const colours = `${groupDigits(colouring.count)} ${colouring.count === 1 ? 'colour' : 'colours'}`;
  const probed = `, ${probes} random ${probes === 1 ? 'probe' : 'probes'} for entries outside it`;
  return `Sparse: ${colours} for ${groupDigits(pattern.cols)} columns (${groupDigits(nonzeros(pattern))} entries in the pattern)${probed}.`;
}

/** What a sparse measurement gives the report: the matrix, and disagreements not pinned on entries. */
export interface SparseMatrix extends NumericMatrix {
  readonly findings: string[];
  /** Entries outside the pattern that localisation found and measured (k = i·cols + j). */
  readonly localised: ReadonlySet<number>;
}

/**
 * Measures a matrix sparsely: every colour (entries of the pattern), then the probes (mass
 * outside it), each disagreement re-checked and localised to its entries. `checkRows(m)` is told
 * how many outputs f has once it is known (the analytic matrix's rows must match).
 *
 * @example
 * const num = yield* sparseMatrix(evaluator, settings, A, plan, (i) => `out[${i}]`, (m) => {});
 */
export function* sparseMatrix(
  evaluator: VectorEvaluator,
  settings: Settings,
  A: Float64Array,
  plan: SparsePlan,
  outputName: (i: number) => string,
  checkRows: (rows: number) => void,
): Measurement<SparseMatrix> {
  const { pattern } = plan;
  const state: SparseState = {
    lines: linesOf(evaluator, settings),
    A,
    pattern,
    values: new Float64Array(pattern.rows * pattern.cols),
    errors: new Float64Array(pattern.rows * pattern.cols),
    findings: [],
    localised: new Set(),
    budget: LOCALISE_BUDGET,
    outputName,
    checkRows,
  };
  yield* measureColours(state, plan.colouring);
  mirror(state, plan.mirrored);
  yield* measureProbes(state, plan.probes);
  return { rows: pattern.rows, values: state.values, errors: state.errors, findings: state.findings, localised: state.localised };
}

/**
 * A mirrored row's entries are its column's, measured alone (Hᵢⱼ = Hⱼᵢ): along the other colours
 * the row saw several columns at once, which proves their sum only.
 */
function mirror(state: SparseState, rows: Int32Array): void {
  const n = state.pattern.cols;
  for (const d of rows) {
    for (const j of rowColumns(state.pattern, d)) {
      state.values[d * n + j] = state.values[j * n + d];
      state.errors[d * n + j] = state.errors[j * n + d];
    }
  }
}
