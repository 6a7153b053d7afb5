/**
 * Property-based gradient checks of the reference problems at full size, with the error
 * figures quoted in the README: P3 and Rosenbrock (n = 10) over 1 000 generated θ each,
 * and P4-small (9 610 parameters) over 20 θ with every coordinate checked (19 220+ calls of f
 * per θ, about 13 s each: too slow for `npm test`, so CI runs this script). `diagnoses` is the
 * long diagnosis grid of issue 20 (30 seeds × five activations × λ × m × two sizes, fast mode
 * over 50 seeds, the layer bugs over 100 seeds): every bug class named in ≥ 95 % of its cells,
 * never a diagnosis on a right tensor, none on a correct gradient.
 *
 *   npx tsx scripts/property-stats.ts                  # all four
 *   npx tsx scripts/property-stats.ts p3 rosen         # a subset (p3, rosen, p4, diagnoses)
 *
 * Exits with status 1 on any false alarm, and with status 2 (one line on stderr) on an unknown
 * key or a run that checked no θ: a gate that ran nothing must not pass.
 */
import fc from 'fast-check';
import type { GradientReport } from 'gradcheck';
import { gradientProperty, theta } from 'gradcheck/fast-check';
import { mlp, ngnnTree, rosenbrock } from '../test/problems/index.js';
import { ErrorStats } from '../test/fast-check/helpers/stats.js';
import { failLoudly } from '../bench/_internals/cli.js';
import { BUG_CLASSES, ratesOf } from '../test/check/diagnose/gridRates.js';
import { LAYER_BUGS, layerRates } from '../test/check/diagnose/layerRates.js';
import { grid, mlpGrad, mlpLoss, mlpTheta } from '../test/check/diagnose/mlp.js';
import { checkGradient } from 'gradcheck';

interface Run {
  readonly name: string;
  readonly key: string;
  run(stats: ErrorStats): void;
}

/** Checks every generated θ, recording the report; stops at the first failure (shrunk). */
function collect<P>(
  stats: ErrorStats,
  prop: { arbitrary: fc.Arbitrary<P>; check(θ: P): GradientReport },
  seed: number,
  numRuns: number,
): void {
  fc.assert(
    fc.property(prop.arbitrary, (θ) => {
      const report = prop.check(θ);
      stats.add(report);
      // Long runs (P4: ~13 s per θ) say how far they got.
      if (numRuns <= 100)
        console.log(
          `  θ ${stats.runs}/${numRuns}: ${report.pass ? 'pass' : 'FAIL'}, ‖a−n‖/‖a+n‖ ${report.relativeDifference.toExponential(2)}`,
        );
      if (!report.pass) throw new Error(report.message);
      // Never a confident wrong name: a correct gradient gets no diagnosis (a named kink aside).
      const named = report.diagnoses.filter((d) => d.kind !== 'kink');
      if (named.length > 0) throw new Error(`a correct gradient was diagnosed: ${named.map((d) => d.message).join(' / ')}`);
    }),
    { seed, numRuns },
  );
}

/** A named rate must reach this share of its cells (issue 20: ≥ 95 %). */
const NAMED_RATE = 0.95;

/** Prints a rate line and throws when it misses the gate. */
function gate(what: string, named: number, cells: number, wrong: number): void {
  console.log(`  ${what}: named in ${named} of ${cells} (${((100 * named) / cells).toFixed(1)} %), wrong name in ${wrong}`);
  if (wrong > 0 || named < NAMED_RATE * cells) throw new Error(`${what}: named ${named} of ${cells}, wrong ${wrong}`);
}

/** The long diagnosis grid: the MLP bug classes in the full check and fast mode, the layer bugs in checkVjp. */
function diagnosisGrid(stats: ErrorStats): void {
  const cells = grid(30, ['tanh', 'sigmoid', 'relu', 'leaky-relu', 'softplus']);
  for (const net of cells) {
    const report = checkGradient(mlpLoss(net), mlpGrad(net), { at: mlpTheta(net) });
    stats.add(report);
    if (!report.pass || report.diagnoses.length > 0)
      throw new Error(`a correct MLP was failed or diagnosed: ${JSON.stringify(net)}`);
  }
  for (const bug of BUG_CLASSES) {
    const r = ratesOf(bug, cells);
    gate(`full check, ${bug.name}`, r.named, r.cells, r.wrong);
  }
  const medium = { d: 30, h: 40, c: 10, m: 6, lambda: 0.1, act: 'tanh' as const };
  for (const [name, bugs, paths] of [
    ['forgot 1/m', { forgotOneOverM: true }, 'W1,b1,W2,b2'],
    ['L2 sign flipped', { l2WrongSign: true }, 'W1,W2'],
  ] as const) {
    let named = 0;
    for (let seed = 0; seed < 50; seed++) {
      const net = { ...medium, seed };
      const r = checkGradient(mlpLoss(net), mlpGrad(net, bugs), { at: mlpTheta(net), mode: 'fast', seed });
      if (r.diagnoses.length === 1 && r.diagnoses[0].paths.join(',') === paths) named++;
    }
    gate(`fast mode (1 650 parameters), ${name} on ${paths}`, named, 50, 0);
  }
  for (const bug of LAYER_BUGS) {
    const r = layerRates(bug, 100);
    gate(`checkVjp, ${bug.name}`, r.named, r.failed, r.wrong);
  }
}

const runs: Run[] = [
  {
    key: 'p3',
    name: 'P3 ngnn (38 parameters), θ ∈ [−1, 1], 1 000 θ',
    run: (stats) => {
      const p = ngnnTree();
      collect(
        stats,
        gradientProperty(p.f, (θ) => ({ ...p.grad(θ) }), theta({ Theta1: [5, 4], Theta2: [3, 6] })),
        2026,
        1000,
      );
    },
  },
  {
    key: 'rosen',
    name: 'P1 Rosenbrock n = 10, θ ∈ [−2, 2], 1 000 θ',
    run: (stats) => {
      const p = rosenbrock(10);
      collect(stats, gradientProperty(p.f, p.grad, theta(10, { min: -2, max: 2 })), 2027, 1000);
    },
  },
  {
    key: 'p4',
    name: 'P4-small MLP (9 610 parameters), θ ∈ [−0.5, 0.5], 20 θ, every coordinate',
    run: (stats) => {
      const p = mlp('small');
      const arb = theta(p.n, { min: -0.5, max: 0.5 }).map((θ) => Float64Array.from(θ));
      collect(stats, gradientProperty(p.f, p.grad, arb), 2028, 20);
    },
  },
  {
    key: 'diagnoses',
    name: 'Diagnosis grid (issue 20): MLP bug classes over 1 200 cells, fast mode over 50 seeds, layer bugs over 100 seeds',
    run: diagnosisGrid,
  },
];

const script = 'scripts/property-stats.ts';
const wanted = process.argv.slice(2);
const keys = runs.map((r) => r.key);
const unknown = wanted.filter((w) => !keys.includes(w));
if (unknown.length > 0)
  failLoudly(`${script}: unknown key ${unknown.map((u) => `"${u}"`).join(', ')}; the keys are ${keys.join(', ')}`);
let failed = false;
for (const r of runs.filter((r) => wanted.length === 0 || wanted.includes(r.key))) {
  const stats = new ErrorStats();
  const start = performance.now();
  try {
    r.run(stats);
  } catch (error) {
    failed = true;
    console.error(String(error instanceof Error ? `${error.message}\n${String(error.cause)}` : error));
  }
  console.log(`${r.name}: ${stats} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
  if (stats.runs === 0) failLoudly(`${script}: FAILED: ${r.key} checked no θ, so it proved nothing`);
}
process.exit(failed ? 1 : 0);
