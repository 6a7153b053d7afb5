// Refreshes scripts/vitest5-types: the declaration files of Vitest 5 that gradcheck's type
// test compiles against (test/package/vitest-types.test.ts). Vitest 5 needs Node 22 to run, and
// installing it on Node 20 makes every `npm install` warn EBADENGINE; its declarations need no
// Node at all, so they are kept here, as published, and nothing installs Vitest 5.
//
//   node scripts/vitest5-types.mjs              # npm pack vitest@5.1.1 and its type-only deps
//   node scripts/vitest5-types.mjs <dir>        # or copy from <dir>/node_modules (an install)
//
// From each package's types entry it follows relative imports and the packages below that
// differ from what Vitest 4 (this repository's node_modules) provides; every other import (vite,
// chai, expect-type…) resolves to the repository's own copy at type-check time, as npm's
// deduplicated install resolved it before.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSIONS = { vitest: '5.1.1', '@vitest/mocker': '5.1.1', tinybench: '6.2.5' };
// Beside the other fixtures in scripts/, outside the TypeScript project (tsconfig.json includes
// test/): there, Vitest 5's augmentation of 'vitest' would merge into Vitest 4's types.
const out = fileURLToPath(new URL('./vitest5-types/', import.meta.url));

/** Where each package's files are: unpacked from the registry, or an existing install. */
function sources() {
  const from = process.argv[2];
  if (from) return Object.fromEntries(Object.keys(VERSIONS).map((name) => [name, resolve(from, 'node_modules', name)]));
  const work = mkdtempSync(join(tmpdir(), 'vitest5-types-'));
  const found = {};
  for (const [name, version] of Object.entries(VERSIONS)) {
    const file = execFileSync('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', work], {
      encoding: 'utf8',
    }).trim();
    const dir = join(work, name.replace('/', '+'));
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', join(work, file), '-C', dir, '--strip-components=1']);
    found[name] = dir;
  }
  return found;
}

const packages = sources();
for (const [name, dir] of Object.entries(packages)) {
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  if (version !== VERSIONS[name]) throw new Error(`${name}: found ${version}, want ${VERSIONS[name]}`);
}
rmSync(out, { recursive: true, force: true });

/** The package (of ours) and the file a bare import names, or undefined for the others. */
function bare(specifier) {
  if (specifier.startsWith('vitest/')) return ['vitest', specifier.slice('vitest/'.length).replace(/\.js$/, '.d.ts')];
  if (specifier === '@vitest/mocker') return ['@vitest/mocker', 'dist/index.d.ts'];
  if (specifier === 'tinybench') return ['tinybench', 'dist/index.d.ts'];
  return undefined;
}

const seen = new Set();
function copy(name, file) {
  const key = `${name}/${file}`;
  if (seen.has(key)) return;
  seen.add(key);
  const source = join(packages[name], file);
  if (!existsSync(source)) throw new Error(`missing ${key}`);
  // dist/ becomes declarations/: the repository ignores every dist/ folder (its own build).
  const target = join(out, name, file.replace(/^dist([/\\])/, 'declarations$1'));
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target);
  const text = readFileSync(source, 'utf8');
  // Import and export statements only (a line of their own), not the examples in doc comments.
  for (const [, specifier] of text.matchAll(/^(?:import|export)\b[^'"\n]*?(?:from\s*)?['"]([^'"]+)['"]/gm)) {
    if (specifier.startsWith('.'))
      copy(name, relative(packages[name], resolve(dirname(source), specifier.replace(/\.js$/, '.d.ts'))));
    else {
      const other = bare(specifier);
      if (other) copy(...other);
    }
  }
}

copy('vitest', 'dist/index.d.ts');
for (const name of Object.keys(VERSIONS)) {
  for (const extra of ['package.json', 'LICENSE', 'LICENSE.md']) {
    if (existsSync(join(packages[name], extra))) cpSync(join(packages[name], extra), join(out, name, extra));
  }
}
writeFileSync(
  join(out, 'README.md'),
  `Declaration files of ${Object.entries(VERSIONS)
    .map(([n, v]) => `${n}@${v}`)
    .join(', ')}, as published (with their licences), written by scripts/vitest5-types.mjs. Do not edit.\n`,
);
console.log(`vitest5-types: ${seen.size} declaration files in ${relative(process.cwd(), out)}`);
