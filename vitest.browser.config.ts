// Vitest browser mode (`npm run test:browser`): test/browser runs in Debian's Chromium
// (/usr/bin/chromium, `apt-get install chromium`), driven by Playwright through
// @vitest/browser-playwright. Nothing downloads a browser: Playwright is given the executable.
// The Node suite (vitest.config.ts) leaves test/browser alone.
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { gradcheckAliases } from './vitest.config.js';

/**
 * Chromium's flags, as this machine runs it headless (/work/.library/env/machines/node.md): no
 * GPU, no background networking, component updates, sync or QUIC (the closed network refuses
 * them, many at a time), no first-run page; Playwright adds --headless, --no-sandbox and a new
 * empty profile. WebGL runs on SwiftShader, Chromium's CPU implementation of the GPU (the
 * renderer reads "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader
 * driver)"). Chromium 156 falls back to it even without the last two flags; they make that
 * choice explicit rather than a fallback that a later Chromium may drop.
 */
const chromiumFlags = [
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export default defineConfig({
  resolve: { alias: gradcheckAliases },
  // Vite's pre-bundled dependencies (TF.js…) in the work tree, not in a shared node_modules.
  cacheDir: '.tmp/vite-browser',
  optimizeDeps: { include: ['@tensorflow/tfjs'] },
  test: {
    include: ['test/browser/**/*.test.ts'],
    // Failure screenshots and saved attachments go with the other scratch files (.tmp/ is ignored).
    attachmentsDir: '.tmp/vitest-attachments',
    testTimeout: 120_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: chromiumFlags },
      }),
      instances: [{ browser: 'chromium' }],
      screenshotDirectory: '.tmp/browser-screenshots',
    },
  },
});
