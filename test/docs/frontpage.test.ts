// The README is the npm front page: short (≤ 300 lines), its links absolute (npm shows the
// README alone, without docs/), every guide it names present, and the failure it shows the one
// gradcheck prints today for the README's own example (not typed by hand, so never stale).
import { existsSync, readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import 'gradcheck/vitest';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const REPO = 'https://github.com/gradcheck/gradcheck';

/**
 * Guides the README links that other branches of issue 22 are writing (jax-js, the diagnoses
 * rewrite, sparse Jacobians). Take a name off this list once its file is on main.
 */
const WRITTEN_ELSEWHERE: string[] = [];

/** The text of the ```text block after `<!-- failure-output … -->`. */
function shownFailure(): string {
  const match = /<!-- failure-output[^>]*-->\s*```text\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('README.md: no ```text block after the failure-output marker');
  return match[1];
}

/** What a failing toHaveGradient prints under Vitest, for the README's example with the sign of ∂J/∂w flipped. */
function realFailure(): string {
  const loss = ([w, b]: number[]) => (2 * w + b - 1) ** 2;
  const flipped = ([w, b]: number[]) => [-4 * (2 * w + b - 1), 2 * (2 * w + b - 1)];
  try {
    expect(loss).toHaveGradient(flipped, { at: [0.3, -0.2], pictures: false });
  } catch (error) {
    return `${stripVTControlCharacters((error as Error).message)}\n`;
  }
  throw new Error('the flipped gradient passed');
}

describe('README.md as a front page', () => {
  it('is at most 300 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
  });

  it('shows the failure gradcheck really prints for its example', () => {
    expect(shownFailure()).toBe(realFailure());
  });

  it('links only absolutely, and every guide it links exists in docs/', () => {
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.filter((t) => !/^(https?:|#)/.test(t))).toEqual([]);
    const guides = targets
      .filter((t) => t.startsWith(`${REPO}/blob/main/`))
      .map((t) => t.slice(`${REPO}/blob/main/`.length).split('#')[0]);
    expect(guides.filter((path) => !existsSync(new URL(path, root)) && !WRITTEN_ELSEWHERE.includes(path))).toEqual([]);
    expect(guides).toEqual(expect.arrayContaining(['docs/guide.md', 'docs/setup.md', 'docs/api.md', 'CONTRIBUTING.md']));
  });

  it('keeps the two development commands, and package.json points npm at the repository', () => {
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('npm test');
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${REPO}.git` });
  });
});
