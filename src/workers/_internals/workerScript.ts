/** Name of the built worker script, beside the built `gradcheck/workers` entry in `dist/`. */
const BUILT_WORKER = './workers-worker.js';

/** The bootstrap that runs `worker.ts` from the sources (see that file for why). */
const SOURCE_WORKER = './sourceWorker.mjs';

/**
 * @internal The URL of the script each pool thread runs. From `dist/` (this code is bundled
 * into `dist/workers.js`/`.cjs`, whose CommonJS `import.meta.url` tsdown shims) it is the
 * built script beside it; from the sources (Vitest, tsx) it is the bootstrap beside this file.
 */
export function workerScript(): string {
  const here = import.meta.url;
  const fromSources = /\.[cm]?ts$/.test(new URL(here).pathname);
  return new URL(fromSources ? SOURCE_WORKER : BUILT_WORKER, here).href;
}
