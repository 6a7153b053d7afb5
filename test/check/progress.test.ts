import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkGradient } from 'gradcheck';
import type { Progress } from '../../src/check/settings/types.js';
import { progressLine } from '../../src/check/timeAndProgress/progress.js';
import { wantsTerminal } from '../../src/runtime/terminal.js';

/** f costs about `ms` of busy CPU per call: a check of n entries lasts about 2n·ms. */
const slowSum = (ms: number) => (t: number[]) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
  return t.reduce((s, v) => s + v * v, 0);
};
const grad = (t: number[]) => t.map((v) => 2 * v);
const at = (n: number) => Array.from({ length: n }, (_, i) => Math.sin(i));

/** Every write to stdout and stderr while `run` runs. */
function captureOutput(run: () => void): string[] {
  const writes: string[] = [];
  const keep = (chunk: unknown) => {
    writes.push(String(chunk));
    return true;
  };
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(keep);
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  try {
    run();
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
  return writes;
}

/** Stands in for the terminal: records what the stage opens and writes (via process.getBuiltinModule). */
function fakeTerminal() {
  const written: string[] = [];
  const opened: string[] = [];
  let closed = 0;
  const fs = {
    openSync: (path: string) => {
      opened.push(path);
      return 99;
    },
    writeSync: (_fd: number, text: string) => written.push(text),
    closeSync: () => closed++,
  };
  vi.spyOn(process, 'getBuiltinModule').mockImplementation(((id: string) => (id === 'node:fs' ? fs : undefined)) as never);
  return { written, opened, closed: () => closed };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('progress', () => {
  it('tells a callback increasing counts, a total never below the final count, and a sane ETA', () => {
    const seen: Progress[] = [];
    const report = checkGradient(slowSum(0.25), grad, { at: at(1000), progress: (p) => seen.push(p) });
    expect(report.pass).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (let k = 1; k < seen.length; k++) {
      expect(seen[k].done).toBeGreaterThan(seen[k - 1].done);
      expect(seen[k].elapsedMs).toBeGreaterThanOrEqual(seen[k - 1].elapsedMs);
    }
    const last = seen[seen.length - 1];
    expect(last.done).toBe(report.evaluations);
    expect(last.etaMs).toBe(0);
    for (const p of seen) {
      expect(p.total).toBeGreaterThanOrEqual(p.done);
      expect(p.total).toBeLessThanOrEqual(report.evaluations);
      expect(p.etaMs).toBeGreaterThanOrEqual(0);
    }
    // Halfway, elapsed + ETA projects the whole check's time to within a factor of 2.
    const mid = seen.find((p) => p.done >= p.total / 2) as Progress;
    expect(mid.elapsedMs + mid.etaMs).toBeGreaterThan(report.durationMs / 2);
    expect(mid.elapsedMs + mid.etaMs).toBeLessThan(report.durationMs * 2);
  });

  it('reaches the other checks through the same stage (checkJacobian)', async () => {
    const { checkJacobian } = await import('gradcheck');
    const seen: Progress[] = [];
    const f = (t: number[]) => {
      slowSum(0.25)(t);
      return t.map((v) => v * v);
    };
    const jac = (t: number[]) => t.map((_, i) => t.map((v, j) => (i === j ? 2 * v : 0)));
    checkJacobian(f, jac, { at: at(500), progress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[0].total).toBe(1000);
  });

  it('prints nothing with progress: false, nor with auto when no person watches a terminal', () => {
    const tty = fakeTerminal();
    vi.stubEnv('FORCE_TTY', '');
    const writes = captureOutput(() => {
      checkGradient(slowSum(0.1), grad, { at: at(200), progress: false });
      checkGradient(slowSum(0.1), grad, { at: at(200) });
    });
    expect(writes).toEqual([]);
    expect(tty.opened).toEqual([]);
  });

  it('prints nothing in CI, even when Vitest says its output is a terminal', () => {
    const tty = fakeTerminal();
    vi.stubEnv('FORCE_TTY', 'true');
    vi.stubEnv('CI', 'true');
    const writes = captureOutput(() => checkGradient(slowSum(1), grad, { at: at(1200) }));
    expect(writes).toEqual([]);
    expect(tty.opened).toEqual([]);
  });

  it('auto: a check projected over 2 s draws one line on the terminal, rewritten in place, erased at the end', () => {
    const tty = fakeTerminal();
    vi.stubEnv('FORCE_TTY', 'true');
    vi.stubEnv('CI', '');
    const writes = captureOutput(() => checkGradient(slowSum(1), grad, { at: at(1200) }));
    expect(writes).toEqual([]); // not stdout/stderr: Vitest buffers those (see terminal.ts)
    expect(tty.opened).toEqual(['/dev/tty']);
    expect(tty.written.length).toBeGreaterThanOrEqual(3);
    expect(tty.written[0].startsWith('\r\x1b[K')).toBe(true);
    expect(tty.written[0].slice(4)).toMatch(
      /^gradcheck › auto: a check projected.*: full check of 1 200 entries — [\d ]+\/2 400 evaluations \(\d+ %\), .*left$/,
    );
    expect(tty.written.at(-1)).toBe('\r\x1b[K');
    expect(tty.closed()).toBe(1);
  });

  it('auto shows nothing for a check projected under 2 s', () => {
    const tty = fakeTerminal();
    vi.stubEnv('FORCE_TTY', 'true');
    vi.stubEnv('CI', '');
    checkGradient(slowSum(0.25), grad, { at: at(400) }); // about 0.2 s
    expect(tty.opened).toEqual([]);
  });

  it('decides who watches: CI never, a Vitest worker by FORCE_TTY, else an interactive stderr', () => {
    expect(wantsTerminal({ env: { CI: 'true', VITEST: 'true', FORCE_TTY: 'true' }, stderrIsTTY: true })).toBe(false);
    expect(wantsTerminal({ env: { VITEST: 'true', FORCE_TTY: 'true' }, stderrIsTTY: undefined })).toBe(true);
    expect(wantsTerminal({ env: { VITEST: 'true', FORCE_TTY: '' }, stderrIsTTY: true })).toBe(false);
    expect(wantsTerminal({ env: { JEST_WORKER_ID: '1' }, stderrIsTTY: true })).toBe(true);
    expect(wantsTerminal({ env: { JEST_WORKER_ID: '2' }, stderrIsTTY: undefined })).toBe(false);
    expect(wantsTerminal({ env: { CI: 'false' }, stderrIsTTY: true })).toBe(true);
  });

  it('words the line', () => {
    const p = { done: 6210, total: 19220, elapsedMs: 8100, etaMs: 17_000 };
    expect(progressLine(p, 'full check of 9 610 entries')).toBe(
      'gradcheck: full check of 9 610 entries — 6 210/19 220 evaluations (32 %), 8.1 s, about 17 s left',
    );
  });
});
