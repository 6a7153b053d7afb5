/**
 * The runtime of Node and Vitest, which the entry points provide to the checks: the running
 * Vitest test's timeout (read from Vitest's worker state, without importing vitest) and the
 * terminal a person is watching (`/dev/tty`, reached through `process.getBuiltinModule`, so
 * nothing here imports a `node:` module and a browser simply has neither).
 */
import type { Runtime } from '../check/timeAndProgress/runtime.js';
import { currentTerminalFacts, openTerminal, wantsTerminal } from './terminal.js';
import { runningVitestTest } from './vitestTest.js';

/**
 * Node and Vitest as the checks see them.
 *
 * @example
 * provideRuntime(nodeRuntime);
 */
export const nodeRuntime: Runtime = {
  runningTest: runningVitestTest,
  watchedTerminal: () => (wantsTerminal(currentTerminalFacts()) ? openTerminal : undefined),
};
