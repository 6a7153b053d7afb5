/**
 * Shards of a full check of P4-small (9 610 parameters, PROBLEMS.md): four checks with
 * `shard: { index, count: 4 }` on the correct gradient. Their evaluations must sum to exactly
 * 2n (disjoint shares covering every coordinate, no re-check), and `mergeReports` must give the
 * unsharded check's verdict. Also the shards' sizes (strided shares: at most one apart).
 *
 *   npx tsx bench/shards.ts
 */
import { mergeReports } from '../src/api/mergeReports.js';
import { checkGradient } from '../src/index.js';
import { mlp } from '../test/problems/index.js';
import { isMain } from './_internals/cli.js';
import { sec, table, timed } from './_internals/measure.js';

/** Shards by default, as in a 4-machine CI matrix. */
export const SHARDS = 4;

/** The result: the shards' evaluations and whether they sum to 2n. */
export interface ShardsBenchResult {
  readonly evaluations: readonly number[];
  readonly sum: number;
  readonly twoN: number;
  readonly met: boolean;
}

/**
 * Runs the shards, prints a table and the sum.
 *
 * @example
 * const { sum, twoN, met } = runShardsBench();
 */
export function runShardsBench(count = SHARDS, print = console.log): ShardsBenchResult {
  const p = mlp('small');
  const runs = Array.from({ length: count }, (_, k) =>
    timed(() => checkGradient(p.f, p.grad, { at: p.theta0, shard: { index: k + 1, count }, progress: false })),
  );
  const reports = runs.map((r) => r.value);
  print(`\n## P4-small (n = ${p.n}): a full check in ${count} shards\n`);
  table(
    ['shard', 'coordinates', 'evaluations', 'pass', 'wall'],
    runs.map((r, k) => [
      `${k + 1}/${count}`,
      String(r.value.checked),
      String(r.value.evaluations),
      String(r.value.pass),
      sec(r.ms),
    ]),
    print,
  );
  const evaluations = reports.map((r) => r.evaluations);
  const sum = evaluations.reduce((s, e) => s + e, 0);
  const merged = mergeReports(reports);
  const twoN = 2 * p.n;
  const met = sum === twoN && merged.evaluations === twoN && merged.pass && merged.checked === p.n;
  print(
    `\nevaluations: ${evaluations.join(' + ')} = ${sum}; 2n = ${twoN}; merged: ${merged.evaluations} evaluations, ${merged.checked} coordinates, pass ${merged.pass}`,
  );
  print(`target: the shards' evaluations sum to exactly 2n — ${met ? 'met' : 'NOT met'}`);
  return { evaluations, sum, twoN, met };
}

if (isMain(import.meta.url)) process.exitCode = runShardsBench().met ? 0 : 1;
