import type { WorkerFailure, WorkerSetup } from './protocol.js';
import { describeThrown } from './protocol.js';
import { isTypeScriptUrl, nodeStripsTypes, registerTsx } from './typescript.js';

/** The user's function, or why it cannot be had. */
export type Loaded = { readonly fn: (theta: unknown) => unknown } | { readonly failure: WorkerFailure };

/**
 * @internal Imports `setup.exportName` from `setup.moduleUrl` inside a worker thread,
 * registering tsx first when the module is TypeScript this Node cannot load (or when asked).
 * Every way it can fail becomes a `WorkerFailure` the caller turns into one clear sentence.
 */
export async function loadExport(setup: WorkerSetup): Promise<Loaded> {
  const typescript = isTypeScriptUrl(setup.moduleUrl);
  const wantTsx = setup.tsx ?? (typescript && !nodeStripsTypes());
  if (wantTsx && !(await registerTsx(setup.moduleUrl)) && setup.tsx === true) {
    return { failure: { kind: 'tsx-missing', name: '', message: 'tsx is not installed', stack: '' } };
  }
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(setup.moduleUrl)) as Record<string, unknown>;
  } catch (thrown) {
    const unknownExtension = (thrown as { code?: unknown }).code === 'ERR_UNKNOWN_FILE_EXTENSION';
    return { failure: describeThrown(typescript && unknownExtension ? 'typescript' : 'load-failed', thrown) };
  }
  return pickExport(namespace, setup.exportName);
}

function pickExport(namespace: Record<string, unknown>, exportName: string): Loaded {
  if (!(exportName in namespace)) {
    const exports = Object.keys(namespace);
    return { failure: { kind: 'missing-export', name: '', message: `no export named '${exportName}'`, stack: '', exports } };
  }
  const fn = namespace[exportName];
  if (typeof fn !== 'function') {
    const message = fn === null ? 'null' : typeof fn;
    return { failure: { kind: 'not-a-function', name: '', message, stack: '' } };
  }
  return { fn: fn as (theta: unknown) => unknown };
}
