/**
 * What a check needs from where it runs, as an interface the entry points provide: the running
 * test's time budget (Vitest) and a terminal a person is watching (progress). The checks read
 * no runner internals and touch no device themselves (`src/runtime/` does, for Node and
 * Vitest); without a provider a check has neither, as in a browser or a plain script.
 */

/** The running test's time budget. */
export interface TestClock {
  /** The test's timeout in ms. */
  readonly timeoutMs: number;
  /** Date.now() when the test started. */
  readonly startedAt: number;
  /** The test's name, for the progress line. */
  readonly name?: string;
}

/** Where the progress line goes: one row, rewritten in place. */
export interface Terminal {
  write(text: string): void;
  close(): void;
}

/** The environment of a check. */
export interface Runtime {
  /** The running test's timeout and start, or undefined outside a test (or without a timeout). */
  runningTest(): TestClock | undefined;
  /** How to open the terminal when a person is watching one, else undefined. */
  watchedTerminal(): (() => Terminal | undefined) | undefined;
}

/** No runner, no terminal. */
const NOWHERE: Runtime = { runningTest: () => undefined, watchedTerminal: () => undefined };

let provided: Runtime = NOWHERE;

/**
 * Sets the runtime every later check reads (the entry points call it once, with `nodeRuntime`).
 *
 * @example
 * provideRuntime(nodeRuntime);
 */
export function provideRuntime(runtime: Runtime): void {
  provided = runtime;
}

/**
 * The runtime the checks run in.
 *
 * @example
 * runtime().runningTest()?.timeoutMs; // 5000 inside a Vitest test
 */
export function runtime(): Runtime {
  return provided;
}
