import { GradcheckError } from '../../numeric/errors.js';

/** The part of piscina's module that gradcheck uses. */
export type PiscinaModule = typeof import('piscina');

/** How piscina is imported; a test passes one that fails as a missing package does. */
export type PiscinaImporter = () => Promise<PiscinaModule>;

// A dynamic import: an optional peer that is not installed must not break `import 'gradcheck/workers'`.
const importPiscina: PiscinaImporter = () => import('piscina');

/** The sentence for a project without piscina. */
export const MISSING_PISCINA =
  'gradcheck/workers needs piscina, an optional peer dependency of gradcheck that is not installed; run npm install --save-dev piscina';

/**
 * @internal Imports piscina when the first pool is made, not when `gradcheck/workers` is
 * imported: a project without it gets one GradcheckError saying how to install it instead of
 * Node's "Cannot find package 'piscina'".
 *
 * @example
 * const { Piscina } = await loadPiscina();
 */
export async function loadPiscina(importer: PiscinaImporter = importPiscina): Promise<PiscinaModule> {
  try {
    return await importer();
  } catch (thrown) {
    if (isMissingPiscina(thrown)) throw Object.assign(new GradcheckError(MISSING_PISCINA), { cause: thrown });
    throw thrown;
  }
}

/**
 * Node's not-found error for piscina itself (ESM: "Cannot find package 'piscina'", CommonJS:
 * "Cannot find module 'piscina'"), not for something piscina fails to import; also when a
 * loader (a test runner's module mocker, a bundler's shim) wraps it as the `cause` of its own.
 */
function isMissingPiscina(thrown: unknown): boolean {
  for (let error = thrown, depth = 0; error && depth < 4; error = (error as { cause?: unknown }).cause, depth++) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && /Cannot find (package|module) 'piscina'/.test(message)) return true;
  }
  return false;
}
