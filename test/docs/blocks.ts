/**
 * The code blocks of the documentation, extracted so that the tests can run them (README.md and
 * every docs/*.md): each ```ts block is a self-contained test file. It runs under Jest when it
 * imports '@jest/globals' or 'gradcheck/jest', under Vitest otherwise. A block preceded by an
 * HTML comment `<!-- norun -->` (or `<!-- norun: why -->`; blank lines between allowed) is shown,
 * not run: use it for config files and fragments. `<!-- readme-example: … -->` says another test
 * runs the block (for instance one that must fail, checked for its message), so it is not run
 * here either. Blocks of other languages (sh, json, text, js) are not run.
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DocBlock {
  /** The Markdown file, relative to the repository root (`README.md`, `docs/guide.md`). */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly code: string;
  /** Marked `<!-- norun -->` or `<!-- readme-example: … -->`. */
  readonly norun: boolean;
  readonly runner: 'vitest' | 'jest';
  /** Whether the block registers its own tests (`test(`, `it(`, `describe(`, `test.prop(`). */
  readonly definesTests: boolean;
}

/** Comments that, on the line before a block, keep it from being run here. */
const NOT_HERE = /^<!--\s*(norun\b|readme-example:)/;
const RUNNABLE = new Set(['ts', 'typescript']);

/** Every fenced code block of one Markdown text. */
export function extractBlocks(markdown: string, file: string): DocBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].trimStart().startsWith(fence)) body.push(lines[j++]);
    let k = i - 1;
    while (k >= 0 && lines[k].trim() === '') k--;
    const code = `${body.join('\n')}\n`;
    blocks.push({
      file,
      line: i + 1,
      lang: open[3].toLowerCase(),
      code,
      norun: k >= 0 && NOT_HERE.test(lines[k].trim()),
      runner: /from\s+['"](@jest\/globals|gradcheck\/jest)['"]|import\s+['"]gradcheck\/jest['"]/.test(code) ? 'jest' : 'vitest',
      definesTests: /(^|[^.\w])(test|it|describe)(\.(prop|each|skip|only|fails|concurrent)\b[^(]*)?\(/m.test(code),
    });
    i = j;
  }
  return blocks;
}

/** The blocks the tests run for `runner`: ```ts blocks not marked norun, of README.md and docs/*.md. */
// `root` is the repository root (passed in: this file is loaded as ESM by Vitest and as CommonJS by Jest).
export function runnableBlocks(runner: 'vitest' | 'jest', root: string): DocBlock[] {
  return documentationFiles(root)
    .flatMap((path) => extractBlocks(readFileSync(path, 'utf8'), relative(root, path)))
    .filter((b) => RUNNABLE.has(b.lang) && !b.norun && b.runner === runner);
}

/** README.md and every Markdown file of docs/, in a stable order. */
export function documentationFiles(root: string): string[] {
  const docs = join(root, 'docs');
  let extra: string[] = [];
  try {
    extra = readdirSync(docs)
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => join(docs, name));
  } catch {
    // no docs/ folder
  }
  return [join(root, 'README.md'), ...extra];
}

/** A file name for a block: `README.md-L12.ts`. */
export function blockFileName(block: DocBlock): string {
  return `${block.file.replace(/[^\w.-]+/g, '_')}-L${block.line}.ts`;
}

/**
 * Removes scratch folders (`.blocks-*`) that a run which crashed before its clean-up left in
 * `dir`, once they are ten minutes old (a younger one may belong to a run still going).
 */
export function removeStaleScratch(dir: string, maxAgeMs = 10 * 60_000): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('.blocks-')) continue;
    const path = join(dir, name);
    if (Date.now() - statSync(path).mtimeMs > maxAgeMs) rmSync(path, { recursive: true, force: true });
  }
}
