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

console.log('# gradcheck benchmark: full vs bare loop, fast mode on P4, accuracy');
runOverheadBench();
runFastBench();
await runAccuracyBench();
console.log(`\nprocess peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
