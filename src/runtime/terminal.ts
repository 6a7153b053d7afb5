/**
 * The progress line's way to the person at the terminal.
 *
 * Why the controlling terminal (`/dev/tty`) and not stderr or console (verified in tmux, Vitest
 * 4.1 and Jest 30, see docs/scale.md): a Vitest worker is a child process whose stderr is a pipe
 * (`process.stderr.isTTY` is undefined); the main process buffers what comes through it and
 * prints it above its summary once a second, where a `\r` line garbles the summary and a `\n`
 * line piles up a log; `console.*` becomes one "stderr | file > test" block per call. Jest's
 * workers pipe stderr the same way. Writing to `/dev/tty` reaches the terminal at once: the line
 * sits on the row under Vitest's summary (the cursor's row), which Vitest clears on each redraw
 * and we rewrite within a throttle interval. Where there is no `/dev/tty` (Windows, a browser)
 * an interactive stderr of our own process is used, else nothing.
 */

import type { Terminal } from '../check/timeAndProgress/runtime.js';

/** The environment variables and stderr facts that decide whether a person is watching. */
export interface TerminalFacts {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stderrIsTTY: boolean | undefined;
}

/**
 * Whether a person is watching a terminal: never in CI; in a Vitest worker, when Vitest's own
 * output is a terminal (Vitest passes `FORCE_TTY=true` to its workers exactly then); elsewhere
 * (Jest in band, plain Node), when stderr is a terminal.
 *
 * @example
 * wantsTerminal({ env: { CI: 'true' }, stderrIsTTY: true }); // false
 */
export function wantsTerminal(facts: TerminalFacts): boolean {
  const ci = facts.env.CI;
  if (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') return false;
  if (facts.env.VITEST !== undefined && facts.env.FORCE_TTY !== undefined) return facts.env.FORCE_TTY === 'true';
  return facts.stderrIsTTY === true;
}

/** The facts of this process. */
export function currentTerminalFacts(): TerminalFacts {
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  return { env: proc?.env ?? {}, stderrIsTTY: proc?.stderr?.isTTY };
}

type Fs = Pick<typeof import('node:fs'), 'openSync' | 'writeSync' | 'closeSync'>;

/**
 * Opens the controlling terminal for writing, or stderr when it is interactive, or nothing.
 * `node:fs` is reached through `process.getBuiltinModule` (Node ≥ 20.16), not imported: the
 * checks also run where there is no Node.
 *
 * @example
 * const tty = openTerminal();
 * tty?.write('\r\x1b[Kworking…');
 * tty?.close();
 */
export function openTerminal(): Terminal | undefined {
  const proc = (globalThis as { process?: NodeJS.Process & { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as Fs | undefined;
  if (fs) {
    try {
      const fd = fs.openSync('/dev/tty', 'w');
      return {
        write: (text) => {
          try {
            fs.writeSync(fd, text);
          } catch {
            // The terminal went away (a closed session): progress is a courtesy, never a failure.
          }
        },
        close: () => fs.closeSync(fd),
      };
    } catch {
      // No controlling terminal (CI, a daemon, Windows): fall back to our own stderr below.
    }
  }
  if (proc?.stderr?.isTTY) return { write: (text) => proc.stderr.write(text), close: () => {} };
  return undefined;
}
