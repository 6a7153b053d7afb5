/**
 * `npm run bench`: runs every benchmark in sequence, prints each one's section and exits
 * non-zero when any gate is missed (every target is a gate). Adding a benchmark is one line here.
 *
 * These are benchmarks, not timed tests: ratios measured in one run on whatever machine runs
 * them, alternated over rounds, medians.
 */
import { runAccuracyBench } from './accuracy.js';
import { runAsyncBenches } from './async.js';
import { runCallSpeedBench } from './callSpeed.js';
import { mb } from './_internals/measure.js';
import { runFastBench } from './fast.js';
import { runOverheadBench } from './overhead.js';
import { runProgressBench } from './progress.js';
import { runShardsBench } from './shards.js';
import { runSparseBench } from './sparse.js';
import { runWorkersBench } from './workers.js';

console.log('# gradcheck benchmark: overhead, f inside the check, fast mode, accuracy, progress, shards, async, sparse, workers');
const gates: [string, boolean][] = [];
gates.push(['full check / bare loop (CPU)', runOverheadBench().met]);
gates.push(["f per call inside the check / caller's loop", runCallSpeedBench().met]);
runFastBench();
await runAccuracyBench();
gates.push(['progress on / off', runProgressBench().met]);
gates.push(['shards sum to 2n', runShardsBench().met]);
gates.push(['async: concurrency 8 vs 1, and the driver vs the sync loop', await runAsyncBenches()]);
gates.push(['sparse Jacobians: evaluations and colours', runSparseBench().met]);
const workers = await runWorkersBench();
gates.push([`workers: ${workers.ratio.toFixed(2)}× ≥ 0.9 × the two-thread ceiling ${workers.ceiling.toFixed(2)}×`, workers.met]);
console.log(`\nprocess peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
for (const [name, met] of gates) console.log(`${met ? 'met    ' : 'MISSED '} ${name}`);
process.exitCode = gates.every(([, met]) => met) ? 0 : 1;
