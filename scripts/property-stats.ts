/**
 * Property-based gradient checks of the reference problems at full size, with the error
 * figures quoted in the README: P3 and Rosenbrock (n = 10) over 1 000 generated θ each,
 * and P4-small (9 610 parameters) over 20 θ with every coordinate checked (19 220+ calls of f
 * per θ, about 13 s each: too slow for `npm test`, so CI runs this script).
 *
 *   npx tsx scripts/property-stats.ts            # all three
 *   npx tsx scripts/property-stats.ts p3 rosen   # a subset (p3, rosen, p4)
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
