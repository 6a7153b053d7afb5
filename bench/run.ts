/**
 * `npm run bench`: runs every benchmark in sequence and prints each one's section. Adding a
 * benchmark is one line here.
 *
 * These are benchmarks, not timed tests: ratios measured on whatever machine runs them (the
 * overhead benchmark alternates its runs over rounds and reports medians).
 */
import { runAccuracyBench } from './accuracy.js';
import { mb } from './_internals/measure.js';
import { runFastBench } from './fast.js';
import { runOverheadBench } from './overhead.js';
import { runProgressBench } from './progress.js';
import { runShardsBench } from './shards.js';
import { runWorkersBench } from './workers.js';

console.log('# gradcheck benchmark: full vs bare loop, fast mode on P4, accuracy, progress, shards, workers');
runOverheadBench();
runFastBench();
await runAccuracyBench();
runProgressBench();
runShardsBench();
await runWorkersBench();
console.log(`\nprocess peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
