/**
 * @internal Loading `@jax-js/jax`, an optional peer: only `gradcheck/jaxjs` imports it, and a
 * missing install becomes a GradcheckError that names the install command instead of Node's
 * "Cannot find package". In the ES module build the import starts when `gradcheck/jaxjs` is
 * loaded and is dynamic (a static import cannot be caught, and the CommonJS build cannot wait at
 * the top level). A test finds it loaded; a script's first check, if it comes within a few
 * ticks of the import, must `await jaxReady()` (an `await init(…)` is not always long enough).
 */
import { GradcheckError } from '../../numeric/errors.js';
import type { JaxModule } from '../types.js';

/** The command a missing install needs. */
export const INSTALL = 'npm install --save-dev @jax-js/jax';

let loaded: JaxModule | undefined;
let failure: GradcheckError | undefined;

/**
 * The sentence of the resolver's error: Node's "Cannot find package '@jax-js/jax'" (ESM) or
 * "Cannot find module" (CommonJS), also when a loader wraps it as the `cause` of its own.
 */
function reasonOf(cause: unknown): string {
  const first = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];
  for (let e = cause, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if (/Cannot find (package|module) '@jax-js\/jax'/.test(e.message)) return first(e);
  }
  return first(cause);
}

function missing(cause: unknown): GradcheckError {
  const reason = reasonOf(cause);
  const error = new GradcheckError(
    `gradcheck/jaxjs: cannot load @jax-js/jax (${reason}); it is an optional peer dependency: ${INSTALL}`,
  );
  Object.defineProperty(error, 'cause', { value: cause, configurable: true, writable: true });
  return error;
}

/**
 * Starts loading jax-js: `require` in the CommonJS build (synchronously, so the module is there
 * before any check), `import()` in the ES module build, each taking the copy of jax-js (its
 * `index.cjs` or `index.js`) that the user's own `require` or `import` gets: arrays of one copy
 * mean nothing to the other. The file's own extension tells the builds apart (the CommonJS build
 * shims `import.meta.url`); Vitest's module runner defines `require` in ES modules too, so its
 * presence cannot.
 */
function start(): Promise<JaxModule> {
  if (import.meta.url.endsWith('.cjs') && typeof require === 'function') {
    try {
      loaded = require('@jax-js/jax') as JaxModule;
      return Promise.resolve(loaded);
    } catch (cause) {
      failure = missing(cause);
      return Promise.reject(failure);
    }
  }
  return import('@jax-js/jax').then(
    (module) => {
      loaded = module as unknown as JaxModule;
      return loaded;
    },
    (cause: unknown) => {
      failure = missing(cause);
      throw failure;
    },
  );
}

const loading = start();
// Nobody may be waiting yet: keep an install problem for the first call instead of an
// unhandled rejection.
loading.catch(() => undefined);

/**
 * Resolves once `@jax-js/jax` is loaded; rejects with the GradcheckError naming the install
 * command when it cannot be. Await it in a script that checks before its first `await`.
 *
 * @example
 * import { jaxReady } from 'gradcheck/jaxjs';
 * await jaxReady();
 */
export function jaxReady(): Promise<void> {
  return loading.then(() => undefined);
}

/**
 * The loaded `@jax-js/jax` module, for the synchronous parts of the adapter; `caller` names the
 * public function in the error.
 *
 * @example
 * const { numpy: np } = jaxModule('checkGrads');
 */
export function jaxModule(caller: string): JaxModule {
  if (loaded) return loaded;
  // A new error per call, so that its stack starts at this call and not at the import.
  if (failure) throw missing((failure as { cause?: unknown }).cause);
  throw new GradcheckError(
    `${caller}: @jax-js/jax has not finished loading; await jaxReady() (from 'gradcheck/jaxjs') before the first check of a script`,
  );
}
