import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { checkGradient } from 'gradcheck';
import { expect, it } from 'vitest';

/**
 * The README's example ("Property-based gradient tests" in README.md), run as a user runs
 * it: copied into a project of its own and run by the Vitest CLI. Its gradient is wrong only
 * where a margin drops below −3; the output must show the shrunk counterexample on that edge,
 * the seed and path to replay it, and the report.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const work = `${root}node_modules/.cache/gradcheck-readme/`;

function readmeExample(): string {
  const doc = readFileSync(`${root}README.md`, 'utf8');
  const match = /<!-- readme-example[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(doc);
  if (!match) throw new Error('README.md: no ```ts block after the readme-example marker');
  return match[1];
}

function runVitest(): Promise<{ code: number; output: string }> {
  mkdirSync(work, { recursive: true });
  writeFileSync(`${work}logreg.test.ts`, readmeExample());
  // No fixed seed, as users run it (a fixed global seed would also make Vitest fold the two
  // failures, whose fast-check messages would then be identical, into one): the assertions below
  // hold for any seed, since every shrunk θ ends on the edge of the bad region.
  writeFileSync(
    `${work}vitest.config.ts`,
    `import { defineConfig } from 'vitest/config';
const src = (file: string) => ${JSON.stringify(`${root}src/`)} + file;
export default defineConfig({
  resolve: { alias: [
    { find: /^gradcheck$/, replacement: src('index.ts') },
    { find: /^gradcheck\\/vitest$/, replacement: src('vitest.ts') },
    { find: /^gradcheck\\/fast-check$/, replacement: src('fast-check/index.ts') },
  ] },
  test: { include: ['logreg.test.ts'] },
});
`,
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [`${root}node_modules/vitest/vitest.mjs`, 'run', '--config', 'vitest.config.ts', '--reporter', 'verbose'],
      { cwd: work, env: { ...process.env, CI: '1', NO_COLOR: '1' }, maxBuffer: 1 << 24 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: stripVTControlCharacters(stdout + stderr) }),
    );
  });
}

/** Margins of the README's three examples at w. */
const margins = (w: number[]) => [w[0] + 2 * w[1], -(w[0] - w[1]), w[0] + 0.5 * w[1]];

it('the README example runs: the fixed θ passes, both properties fail with a shrunk θ on the edge of the bug', async () => {
  const { code, output } = await runVitest();
  expect(code).toBe(1);
  expect(output).toMatch(/✓ .*one θ near the fit proves little/);
  expect(output).toMatch(/Tests\s+2 failed \| 1 passed \(3\)/);
  const counterexamples = [...output.matchAll(/Counterexample: \[\[([^\]]*)\]\]/g)].map((m) => m[1].split(',').map(Number));
  // The verbose reporter prints each failure inline and again in the summary.
  expect(counterexamples.length).toBeGreaterThanOrEqual(2);
  for (const w of counterexamples) {
    // Shrunk onto the edge: the lowest margin is just below −3 (within a grid step of 2⁻²⁸ per entry).
    const lowest = Math.min(...margins(w));
    expect(lowest).toBeLessThan(-3);
    expect(lowest).toBeGreaterThan(-3 - 1e-7);
  }
  expect(output.match(/\{ seed: -?\d+, path: "[\d:]+", endOnFailure: true \}/g)?.length).toBeGreaterThanOrEqual(2);
  // The matcher body's cause is the matcher message; gradientProperty's names θ first.
  expect(output).toContain('Caused by: Error: expect(received).toHaveGradient(grad, options)');
  expect(output).toMatch(
    /Caused by: GradientPropertyError: gradientProperty: the gradient is wrong at θ = \[[-\d.e]+, [-\d.e]+\]/,
  );
  // …followed by the report toHaveGradient prints (its headline as the core words it).
  const headline = checkGradient((t: number[]) => t[0] * t[1], [5, 5], { at: [1, 1] }).message.split('\n')[0];
  expect(output.split(headline).length - 1).toBeGreaterThanOrEqual(2);
  expect(output).not.toContain('Serialized Error');
});
