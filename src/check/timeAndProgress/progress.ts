import type { Progress, ProgressOption } from '../settings/types.js';
import { formatDuration, groupDigits } from './plan.js';
import { type Terminal, runtime } from './runtime.js';

/** A callback is told about once every 100 ms (the contract in `Progress`). */
export const CALLBACK_INTERVAL_MS = 100;
/** The terminal line is redrawn about 4 times a second: live, yet a negligible cost. */
export const LINE_INTERVAL_MS = 250;
/** `'auto'` shows nothing for a check projected to last less than this: it would only flicker. */
export const AUTO_MIN_TOTAL_MS = 2000;

/** Where progress goes, and how often. */
export interface ProgressReporter {
  readonly intervalMs: number;
  /** Reports nothing before the check is projected to last this long in all. */
  readonly minTotalMs: number;
  report(p: Progress): void;
  /** The last word: a callback hears the final count; the line is erased. */
  end(p: Progress): void;
}

/**
 * The reporter for the `progress` option: the user's callback, the terminal line (`'auto'`,
 * only when the runtime says a person is watching a terminal), or none.
 *
 * @example
 * const reporter = progressReporter((p) => console.log(p.done, p.total), 'full check of 4 entries');
 */
export function progressReporter(option: ProgressOption, what: string, label?: string): ProgressReporter | undefined {
  if (typeof option === 'function') return { intervalMs: CALLBACK_INTERVAL_MS, minTotalMs: 0, report: option, end: option };
  const open = option === 'auto' ? runtime().watchedTerminal() : undefined;
  return open && terminalLine(what, label, open);
}

/** One line, rewritten in place; the terminal is opened on the first line, erased at the end. */
function terminalLine(what: string, label: string | undefined, openTerminal: () => Terminal | undefined): ProgressReporter {
  let tty: Terminal | undefined;
  let opened = false;
  return {
    intervalMs: LINE_INTERVAL_MS,
    minTotalMs: AUTO_MIN_TOTAL_MS,
    report: (p) => {
      if (!opened) {
        opened = true;
        tty = openTerminal();
      }
      tty?.write(`\r\x1b[K${progressLine(p, what, label)}`);
    },
    end: () => {
      tty?.write('\r\x1b[K');
      tty?.close();
      tty = undefined;
    },
  };
}

/** The longest test name shown in the line: it shares one row with the figures. */
const LABEL_WIDTH = 40;

/**
 * The progress line: who, how far, how long so far and how long left.
 *
 * @example
 * progressLine({ done: 6210, total: 19220, elapsedMs: 8100, etaMs: 17000 }, 'full check of 9 610 entries');
 * // 'gradcheck: full check of 9 610 entries — 6 210/19 220 evaluations (32 %), 8.1 s, about 17 s left'
 */
export function progressLine(p: Progress, what: string, label?: string): string {
  const name = label && label.length > LABEL_WIDTH ? `${label.slice(0, LABEL_WIDTH - 1)}…` : label;
  const who = name ? `gradcheck › ${name}: ${what}` : `gradcheck: ${what}`;
  const percent = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 0;
  const figures = `${groupDigits(p.done)}/${groupDigits(p.total)} evaluations (${percent} %)`;
  return `${who} — ${figures}, ${formatDuration(p.elapsedMs)}, about ${formatDuration(p.etaMs)} left`;
}
