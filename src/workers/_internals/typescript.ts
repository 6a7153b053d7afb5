import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** File extensions Node treats as TypeScript (when it can load TypeScript at all). */
const TYPESCRIPT_FILE = /\.(?:ts|mts|cts|tsx)$/i;

/** Set by the source-mode bootstrap, which has already registered tsx in this thread. */
const REGISTERED = Symbol.for('gradcheck.workers.tsxRegistered');

/** @internal Whether `moduleUrl` names a TypeScript file. */
export function isTypeScriptUrl(moduleUrl: string): boolean {
  return TYPESCRIPT_FILE.test(new URL(moduleUrl).pathname);
}

/**
 * @internal Whether this Node loads TypeScript on its own: `process.features.typescript` is
 * set from Node 22.10 when type stripping is on (by default from 23.6; `--experimental-strip-types`
 * before). Node 20 has neither.
 */
export function nodeStripsTypes(): boolean {
  return Boolean((process.features as { typescript?: unknown }).typescript);
}

/**
 * @internal Registers tsx's ESM loader in this worker thread. On Node 20 a worker ignores
 * `--import` in its `execArgv`, but `register()` called inside the worker works. tsx is looked
 * up from the user's module first (their project's tsx, also under pnpm's strict layout), then
 * from gradcheck's own location. Never a dependency of gradcheck: `false` when it is not installed.
 */
export async function registerTsx(moduleUrl: string): Promise<boolean> {
  const holder = globalThis as { [REGISTERED]?: boolean };
  if (holder[REGISTERED]) return true;
  for (const specifier of tsxCandidates(moduleUrl)) {
    try {
      const api = (await import(specifier)) as { register?: () => unknown };
      if (typeof api.register !== 'function') continue;
      api.register();
      holder[REGISTERED] = true;
      return true;
    } catch {
      // Not installed where we looked: try the next place.
    }
  }
  return false;
}

function tsxCandidates(moduleUrl: string): string[] {
  const candidates: string[] = [];
  try {
    candidates.push(pathToFileURL(createRequire(moduleUrl).resolve('tsx/esm/api')).href);
  } catch {
    // The user's project has no tsx.
  }
  // A variable, so that the bundler leaves the specifier alone.
  const bare = 'tsx/esm/api';
  candidates.push(bare);
  return candidates;
}
