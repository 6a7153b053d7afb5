// The README's Vitest usage type-checks against Vitest 5's own declarations and against Vitest 4's.
// Vitest 5 needs Node 22 to run, but its declarations need nothing: they are kept, as published,
// in scripts/vitest5-types (scripts/vitest5-types.mjs writes them; installing Vitest 5 on Node 20
// would make every npm install warn EBADENGINE), and vitest5/tsconfig.base.json points
// every 'vitest' import there (the sources' own included). Here tsc (no emit) compiles the
// README's ```ts Vitest blocks plus vitest5/usage.ts (every matcher, .resolves, and calls that
// must not compile) twice: once with Vitest 5 and once with the Vitest 4 this suite runs on.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { blockFileName, removeStaleScratch, runnableBlocks } from '../docs/blocks.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const v5 = fileURLToPath(new URL('./vitest5/', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

removeStaleScratch(v5);
const scratch = mkdtempSync(join(v5, '.blocks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const readmeBlocks = runnableBlocks('vitest', root).filter((b) => b.file === 'README.md');
const files = ['../usage.ts'];
for (const block of readmeBlocks) {
  writeFileSync(join(scratch, blockFileName(block)), block.code);
  files.push(`./${blockFileName(block)}`);
}

/** Writes a tsconfig for one Vitest major and runs tsc on it; resolves with its output. */
function typecheck(major: 4 | 5): Promise<{ code: number; output: string }> {
  const vitest5 = {
    vitest: ['../../../../scripts/vitest5-types/vitest/declarations/index.d.ts'],
    'vitest/*': ['../../../../scripts/vitest5-types/vitest/*'],
    '@vitest/mocker': ['../../../../scripts/vitest5-types/@vitest/mocker/declarations/index.d.ts'],
    tinybench: ['../../../../scripts/vitest5-types/tinybench/declarations/index.d.ts'],
  };
  const paths = {
    ...(major === 5 ? vitest5 : { vitest: ['../../../../node_modules/vitest/dist/index.d.ts'] }),
    gradcheck: ['../../../../src/index.ts'],
    'gradcheck/vitest': ['../../../../src/vitest.ts'],
    'gradcheck/fast-check': ['../../../../src/fast-check/index.ts'],
    'gradcheck/tfjs': ['../../../../src/tfjs/index.ts'],
    'gradcheck/jaxjs': ['../../../../src/jaxjs/index.ts'],
  };
  const config = join(scratch, `tsconfig.vitest${major}.json`);
  writeFileSync(config, JSON.stringify({ extends: '../tsconfig.base.json', compilerOptions: { paths }, files }, null, 2));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsc, '-p', config, '--listFiles'],
      { timeout: 120_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
      },
    );
  });
}

const runs = { 5: typecheck(5), 4: typecheck(4) };
const errorsOf = (output: string) => output.split('\n').filter((line) => /error TS\d+/.test(line));
const vitestFiles = (output: string) =>
  output
    .split('\n')
    .filter((line) => /[/\\]vitest[/\\](dist|declarations)[/\\]index\.d\.ts$/.test(line))
    .map((line) => relative(root, line.trim()));

describe('README usage type-checks (tsc only)', () => {
  it('has README blocks to check, and Vitest 5.1.1 declarations to check them against', () => {
    expect(readmeBlocks.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(root, 'scripts/vitest5-types/vitest/package.json'), 'utf8')).version).toBe('5.1.1');
  });

  it("against Vitest 5's declarations", async () => {
    const { code, output } = await runs[5];
    expect(errorsOf(output)).toEqual([]);
    expect(code).toBe(0);
    expect(vitestFiles(output)).toEqual(['scripts/vitest5-types/vitest/declarations/index.d.ts']);
    // Vitest 5's own declarations, not Vitest 4's under another name.
    expect(output).toContain('scripts/vitest5-types/vitest/declarations/chunks/config.d.BpJq6tRA.d.ts');
    expect(output).not.toMatch(/[/\\]node_modules[/\\]vitest[/\\]dist[/\\]index\.d\.ts/);
  });

  it("against Vitest 4's declarations", async () => {
    const { code, output } = await runs[4];
    expect(errorsOf(output)).toEqual([]);
    expect(code).toBe(0);
    expect(vitestFiles(output)).toEqual(['node_modules/vitest/dist/index.d.ts']);
  });
});
