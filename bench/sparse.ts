/**
 * Sparse Jacobians (issue 21): what `sparsity: 'auto'` costs against the dense check.
 *
 * - Elementwise layer, n = 10 000: evaluations with `sparsity: 'auto'` must stay within
 *   2 × (1 colour + directions) + the re-checks (4 calls each), against 2n without; the wall-time
 *   ratio of the two is printed (alternated rounds, median). Both checks still build the m×n
 *   report (10⁸ entries), which bounds the ratio.
 * - 2-D convolution, 3×3 kernel on a 32×32 input (1 → 1 and 2 → 3 channels, θ = the image):
 *   colours ≤ 9 per channel pair and evaluations ≤ 2 × (colours + directions).
 *
 * Exits non-zero when a gate is missed.
 *
 *   npx tsx bench/sparse.ts
 */
import { checkJacobian } from '../src/index.js';
import { RECHECK_LEVELS } from '../src/check/recheck.js';
import { DEFAULT_DIRECTIONS } from '../src/check/settings/resolve.js';
import { greedyColouring, patternWhere } from '../src/numeric/sparsity/index.js';
import { conv, elementwise, elementwiseJacobian, pointAt } from '../test/check/sparse/patterns.js';
import { isMain } from './_internals/cli.js';
import { median, sec, table, timed } from './_internals/measure.js';

/** The elementwise layer's size (issue 21). */
export const ELEMENTWISE_N = 10_000;

/** Alternated rounds of the dense and the sparse check; the medians are compared. */
export const ROUNDS = 3;

/** Calls of one Richardson re-check along a line (central: 2 per level after the first). */
const RECHECK_CALLS = 2 * (RECHECK_LEVELS - 1);

/** One gate: its name, the measured value, the bound and whether it holds. */
interface Gate {
  readonly name: string;
  readonly value: number;
  readonly bound: number;
  readonly met: boolean;
}

/** What the sparse benchmark found. */
export interface SparseBenchResult {
  readonly gates: readonly Gate[];
  /** Median wall time of the dense check over that of the sparse one (elementwise layer). */
  readonly ratio: number;
  readonly met: boolean;
}

/** The elementwise layer, dense and sparse, in alternated rounds. */
function elementwiseBench(print: (line: string) => void): { gates: Gate[]; ratio: number } {
  const at = pointAt(ELEMENTWISE_N);
  const run = (sparsity: 'auto' | false) =>
    timed(() => checkJacobian(elementwise, elementwiseJacobian, { at, sparsity, progress: false }));
  const dense: ReturnType<typeof run>[] = [];
  const sparse: ReturnType<typeof run>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first, so that neither always runs on a warmer (or more crowded) machine.
    const order = round % 2 === 0 ? (['auto', false] as const) : ([false, 'auto'] as const);
    for (const sparsity of order) (sparsity ? sparse : dense).push(run(sparsity));
  }
  const s = sparse[0].value;
  const d = dense[0].value;
  const [ds, ss] = [median(dense.map((r) => r.ms)), median(sparse.map((r) => r.ms))];
  print(`\n## Elementwise layer, n = ${ELEMENTWISE_N}: sparsity 'auto' against the dense check (${ROUNDS} alternated rounds)\n`);
  table(
    ['check', 'pass', 'evaluations', 'median wall'],
    [
      ['dense (2n)', String(d.pass), String(d.evaluations), sec(ds)],
      ["sparsity: 'auto'", String(s.pass), String(s.evaluations), sec(ss)],
    ],
    print,
  );
  // At most one Richardson re-check per line (colour or probe), each RECHECK_CALLS calls.
  const lines = 1 + DEFAULT_DIRECTIONS;
  const bound = 2 * lines + RECHECK_CALLS * lines;
  const rechecks = (s.evaluations - 2 * lines) / RECHECK_CALLS;
  print(`\nre-checks made: ${rechecks} (${RECHECK_CALLS} calls each)`);
  print(`wall-time ratio dense / sparse: ${(ds / ss).toFixed(1)}× (both build the ${ELEMENTWISE_N}² report)`);
  const gates: Gate[] = [
    {
      name: `elementwise: evaluations ≤ 2 × (1 + ${DEFAULT_DIRECTIONS}) + one re-check per line`,
      value: s.evaluations,
      bound,
      met: s.pass && s.evaluations <= bound,
    },
    {
      name: 'elementwise: the dense check costs 2n (+ its re-checks)',
      value: d.evaluations,
      bound: 2 * ELEMENTWISE_N,
      met: d.pass && d.evaluations >= 2 * ELEMENTWISE_N,
    },
  ];
  return { gates, ratio: ds / ss };
}

/** A 3×3 convolution on 32×32 with cin → cout channels. */
function convolutionGates(cin: number, cout: number, print: (line: string) => void): Gate[] {
  const layer = conv({ cin, cout, size: 32, k: 3 });
  const marks = new Set<number>();
  layer.each((r, c) => marks.add(r * layer.cols + c));
  const colours = greedyColouring(patternWhere(layer.rows, layer.cols, (k) => marks.has(k))).count;
  const { value: r, ms } = timed(() => checkJacobian(layer.f, layer.jac, { at: layer.at, sparsity: 'auto', progress: false }));
  const dense = 2 * layer.cols;
  print(`\n## 2-D convolution, 3×3 kernel, 32×32 input, ${cin} → ${cout} channels (${layer.rows}×${layer.cols} Jacobian)\n`);
  table(
    ['check', 'pass', 'colours', 'evaluations', 'dense would take', 'wall'],
    [["sparsity: 'auto'", String(r.pass), String(colours), String(r.evaluations), String(dense), sec(ms)]],
    print,
  );
  const pairs = cin * cout;
  return [
    { name: `conv ${cin}→${cout}: colours ≤ 9 per channel pair`, value: colours, bound: 9 * pairs, met: colours <= 9 * pairs },
    {
      name: `conv ${cin}→${cout}: evaluations ≤ 2 × (colours + ${DEFAULT_DIRECTIONS})`,
      value: r.evaluations,
      bound: 2 * (colours + DEFAULT_DIRECTIONS),
      met: r.pass && r.evaluations <= 2 * (colours + DEFAULT_DIRECTIONS),
    },
  ];
}

/**
 * Runs the sparse benchmark, prints its tables and gates.
 *
 * @example
 * const { met, ratio } = runSparseBench();
 */
export function runSparseBench(print: (line: string) => void = console.log): SparseBenchResult {
  const elementwiseResult = elementwiseBench(print);
  const gates = [...elementwiseResult.gates, ...convolutionGates(1, 1, print), ...convolutionGates(2, 3, print)];
  print('\n## Gates\n');
  table(
    ['gate', 'value', 'bound', 'met'],
    gates.map((g) => [g.name, String(g.value), String(g.bound), g.met ? 'met' : 'NOT met']),
    print,
  );
  const met = gates.every((g) => g.met);
  print(`\ntarget: every sparse gate — ${met ? 'met' : 'NOT met'}`);
  return { gates, ratio: elementwiseResult.ratio, met };
}

if (isMain(import.meta.url)) process.exitCode = runSparseBench().met ? 0 : 1;
