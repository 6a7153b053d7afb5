// An async matcher that the test does not await must fail that test (API.md, "Time"): without
// `await`, the check ends after the test has passed and a wrong gradient goes unseen. The
// fixture (fixtures/unawaited.fixture.ts) is run by the Vitest CLI in a child process, and its
// JSON report is read: which tests failed, with which message, and nothing unhandled.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = fileURLToPath(new URL('./fixtures/vitest.config.ts', import.meta.url));

interface Assertion {
  readonly title: string;
  readonly status: string;
  readonly failureMessages: readonly string[];
}

let run: { code: number; output: string; tests: Map<string, Assertion> };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradcheck-unawaited-'));
  const outputFile = join(dir, 'report.json');
  try {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        process.execPath,
        [
          join(root, 'node_modules/vitest/vitest.mjs'),
          'run',
          '--config',
          config,
          '--reporter=json',
          `--outputFile=${outputFile}`,
        ],
        { cwd: root, env: { ...process.env, CI: '1', NO_COLOR: '1' }, timeout: 120_000, maxBuffer: 1 << 24 },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, output: stripVTControlCharacters(stdout + stderr) }),
      );
    });
    const report = JSON.parse(readFileSync(outputFile, 'utf8')) as { testResults: { assertionResults: Assertion[] }[] };
    const tests = new Map(report.testResults.flatMap((file) => file.assertionResults).map((a) => [a.title, a]));
    run = { code, output, tests };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const STATE =
  '(it was still running when the test ended|it passed, but only after the test had ended|it failed after the test had ended)';
const notAwaited = (matcher: string, expected: string) =>
  new RegExp(
    `^GradcheckError: ${matcher}: the matcher was not awaited\\. f or ${expected} is async, so the check is async and ${STATE}; write await expect\\(f\\)\\.${matcher}\\(…\\)`,
  );

describe('an async matcher under Vitest', () => {
  it('fails the test when it is not awaited, whatever the gradient, .not included, with the way to fix it', () => {
    for (const title of ['unawaited, wrong gradient', 'unawaited, right gradient', 'unawaited .not']) {
      const test = run.tests.get(title);
      expect(test?.status, title).toBe('failed');
      expect(test?.failureMessages, title).toHaveLength(1);
      expect(test?.failureMessages[0], title).toMatch(notAwaited('toHaveGradient', 'grad'));
    }
    expect(run.tests.get('unawaited Jacobian')?.failureMessages[0]).toMatch(notAwaited('toHaveJacobian', 'jac'));
  });

  it("points at the matcher's line in the test file", () => {
    const stack = run.tests.get('unawaited Jacobian')?.failureMessages[0] ?? '';
    const firstFrame = stack.split('\n').find((line) => /^\s+at /.test(line));
    expect(firstFrame).toMatch(/unawaited\.fixture\.ts:24:\d+/);
  });

  it('passes when awaited, returned, awaited later or caught, and a wrong awaited gradient fails with its report', () => {
    for (const title of [
      'awaited, right gradient',
      'returned, right gradient',
      'kept and awaited later, right gradient',
      'caught, wrong gradient',
    ]) {
      expect(run.tests.get(title)?.status, title).toBe('passed');
    }
    const wrong = run.tests.get('awaited, wrong gradient');
    expect(wrong?.status).toBe('failed');
    expect(wrong?.failureMessages[0]).toContain('The analytic gradient disagrees with the numeric one.');
    expect(wrong?.failureMessages[0]).not.toContain('not awaited');
  });

  it('leaves a synchronous matcher alone, and reports nothing unhandled', () => {
    expect(run.tests.get('synchronous f needs no await')?.status).toBe('passed');
    expect(run.tests.size).toBe(10);
    expect(run.output).not.toMatch(/Unhandled|was not awaited\. Vitest/);
    expect(run.code).toBe(1);
  });
});
