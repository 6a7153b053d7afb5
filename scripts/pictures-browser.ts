/**
 * The browser check of the pictures (issue 15): runs Vitest on scripts/pictures-fixture (a
 * test whose gradient check fails and attaches its heatmap), opens what Vitest shows in a real
 * browser (Debian's chromium, driven by playwright-core), takes a screenshot and checks that
 * the heatmap is visible: non-blank pixels in the attachment's area, among them the "wrong"
 * reds of the transposed cells and the "agree" blue of the diagonal.
 *
 * With @vitest/ui installed it opens Vitest's own HTML report (`--reporter=html`), served over
 * http; without it, a stand-in page that shows the annotation the way Vitest UI does (an <img>
 * of the attachment's data URL, at most 600 px wide). Exits non-zero on any failure, and when
 * it checked nothing (no annotation, no image on the page).
 *
 *   npx tsx scripts/pictures-browser.ts            # CHROMIUM=/usr/bin/chromium by default
 */
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { TestAnnotation } from 'vitest';
import { startVitest } from 'vitest/node';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixture = join(here, 'pictures-fixture');
const out = resolve(process.env.PICTURES_OUT ?? join(tmpdir(), 'gradcheck-pictures-browser'));
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

function fail(message: string): never {
  console.error(`pictures-browser: FAILED: ${message}`);
  process.exit(1);
}

function hasVitestUi(): boolean {
  try {
    createRequire(join(here, '..', 'package.json')).resolve('@vitest/ui/package.json');
    return true;
  } catch {
    return false;
  }
}

/** Runs the fixture and returns the image annotations of its tests (the run itself fails: on purpose). */
async function runFixture(htmlDir: string | undefined): Promise<TestAnnotation[]> {
  const annotations: TestAnnotation[] = [];
  const collector = {
    onTestCaseAnnotate(_test: unknown, annotation: TestAnnotation) {
      if (annotation.attachment?.contentType === 'image/svg+xml') annotations.push(annotation);
    },
  };
  const reporters: unknown[] = [collector];
  if (htmlDir) reporters.push(['html', { outputFile: join(htmlDir, 'index.html') }]);
  const vitest = await startVitest('test', [], {
    root: fixture,
    config: join(fixture, 'vitest.config.ts'),
    watch: false,
    reporters: reporters as never,
  });
  await vitest.close();
  process.exitCode = 0; // the fixture's test fails by design; this script decides the exit code
  return annotations;
}

/** A page showing the attachment as Vitest UI does: <a style="max-width: 600px"><img src="data:…"></a>. */
function standInPage(annotation: TestAnnotation): string {
  const body = annotation.attachment?.body;
  if (typeof body !== 'string' || body === '') fail('the annotation has no inline body');
  const src =
    annotation.attachment?.bodyEncoding === 'utf-8'
      ? `data:image/svg+xml,${encodeURIComponent(body)}`
      : `data:image/svg+xml;base64,${body}`;
  const message = annotation.message.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><meta charset="utf-8"><title>gradcheck pictures</title>
<body style="font-family: sans-serif; background: #1e1e20; color: #ddd; margin: 16px">
<p>${annotation.type}: ${message}</p>
<a class="attachment" style="display: inline-block; max-width: 600px; margin-top: 8px"><img style="max-width: 100%" src="${src}"></a>
</body>`;
}

/** Serves a folder over http (the HTML report fetches its data, which file:// does not allow). */
async function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
  };
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html'));
    try {
      const data = readFileSync(path);
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(data);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') fail('no server address');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

/** In Vitest's HTML report: open the failing test and find its attached image. */
async function openReportAttachment(page: Page, url: string): Promise<string> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByText('the gradient of W is transposed').first().click({ timeout: 15_000 });
  const img = page.locator('img[src^="data:image/svg+xml"]').first();
  await img.waitFor({ state: 'visible', timeout: 15_000 });
  return 'img[src^="data:image/svg+xml"]';
}

/** Share of non-background pixels, and counts of reds and agree-blues, in a PNG screenshot (read back in the browser). */
async function analyse(page: Page, png: Buffer) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    let white = 0;
    let red = 0;
    let agree = 0;
    for (let k = 0; k < data.length; k += 4) {
      const [r, g, b] = [data[k], data[k + 1], data[k + 2]];
      if (r > 250 && g > 250 && b > 250) white++;
      if (r - b > 80 && r > 120 && g < 120) red++;
      if (Math.abs(r - 0xcf) < 6 && Math.abs(g - 0xe2) < 6 && Math.abs(b - 0xf3) < 6) agree++;
    }
    const total = data.length / 4;
    return { width: img.width, height: img.height, total, nonWhite: (total - white) / total, red, agree };
  }, png.toString('base64'));
}

async function main() {
  mkdirSync(out, { recursive: true });
  const ui = hasVitestUi();
  const htmlDir = ui ? mkdtempSync(join(tmpdir(), 'gradcheck-html-')) : undefined;
  console.log(
    ui
      ? "pictures-browser: @vitest/ui found: checking Vitest's HTML report"
      : 'pictures-browser: @vitest/ui is not installed: checking a stand-in page that shows the annotation as Vitest UI does',
  );
  const annotations = await runFixture(htmlDir);
  if (annotations.length === 0) fail('the fixture attached no image/svg+xml annotation: nothing to check');
  // A fresh profile each run (playwright passes it as --user-data-dir).
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gradcheck-chromium-')), {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    let selector = '.attachment img';
    let server: { url: string; close: () => void } | undefined;
    if (htmlDir) {
      server = await serve(htmlDir);
      selector = await openReportAttachment(page, server.url);
    } else {
      const file = join(out, 'page.html');
      writeFileSync(file, standInPage(annotations[0]));
      await page.goto(`file://${file}`);
    }
    const img = page.locator(selector).first();
    await img.waitFor({ state: 'visible', timeout: 15_000 });
    const loaded = await img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0);
    if (!loaded) fail('the attachment image did not load in the browser');
    const box = await img.boundingBox();
    if (!box || box.width < 100 || box.height < 100) fail(`the attachment is not visible (box ${JSON.stringify(box)})`);
    await page.screenshot({ path: join(out, 'page.png'), fullPage: true });
    const shot = await page.screenshot({ clip: box, path: join(out, 'attachment.png') });
    const stats = await analyse(page, shot);
    server?.close();
    console.log(
      `pictures-browser: attachment ${Math.round(box.width)}×${Math.round(box.height)} px at (${Math.round(box.x)}, ${Math.round(box.y)}):`,
      stats,
    );
    // The heatmap of a transposed 4×4 matrix: 12 red cells off the diagonal, 4 blue ones on it.
    if (stats.nonWhite < 0.05) fail(`the attachment area is blank (${(stats.nonWhite * 100).toFixed(1)}% non-white)`);
    if (stats.red < 2000) fail(`too few "wrong" red pixels (${stats.red}): the off-diagonal cells are not visible`);
    if (stats.agree < 500) fail(`too few "agree" pixels (${stats.agree}): the diagonal cells are not visible`);
    console.log(`pictures-browser: OK: the heatmap is visible; screenshots in ${out}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
