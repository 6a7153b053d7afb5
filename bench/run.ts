/**
 * `npm run bench`: runs every benchmark module in sequence. Each module does its work and
 * prints its own section when imported (ES modules evaluate in import order, and each awaits
 * its own work), so adding a benchmark is one import line.
 *
 * These are benchmarks, not timed tests: ratios from one run on whatever machine runs them.
 */
import './fast.js';
await (await import('./accuracy.js')).runAccuracyBench();
