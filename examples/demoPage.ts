/**
 * The demo's HTML page: the heatmap of each check beside its message, so the three classic bugs
 * can be seen as well as read. Written to demo-output/ (git-ignored) by `npm run demo`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type GradientReport, reportSvg } from '../src/index.js';

/** One section of the page: a title, the report's picture and its message. */
export interface DemoSection {
  readonly title: string;
  readonly report: GradientReport;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The page as HTML: self-contained (the SVGs inline), readable without a server.
 *
 * @example
 * demoPage([{ title: 'correct backpropagation', report }]); // '<!doctype html>…'
 */
export function demoPage(sections: readonly DemoSection[]): string {
  const body = sections
    .map(
      ({ title, report }) => `<section>
<h2>${escapeHtml(title)} — ${report.pass ? 'pass' : 'fail'}</h2>
<div class="picture">${reportSvg(report)}</div>
<pre>${escapeHtml(report.message)}</pre>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>gradcheck demo</title>
<style>body{font-family:system-ui,sans-serif;max-width:1300px;margin:2em auto;padding:0 1em}
section{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start;border-top:1px solid #d0d7de;padding-top:1em}
h2{flex-basis:100%;font-size:1.1em;margin:0}pre{flex:1;min-width:480px;font-size:12px;white-space:pre-wrap}</style>
</head><body><h1>gradcheck: the classic recipe on a small network</h1>
${body}
</body></html>
`;
}

/**
 * Writes the page; returns its path.
 *
 * @example
 * writeDemoPage(sections); // '/…/demo-output/index.html'
 */
export function writeDemoPage(sections: readonly DemoSection[]): string {
  const dir = fileURLToPath(new URL('../demo-output/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}index.html`;
  writeFileSync(file, demoPage(sections));
  return file;
}
