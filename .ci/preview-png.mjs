// Renders assets/preview.svg (the link preview: a chart of a relationship, 1200×630) to
// assets/preview.png with Debian's headless Chromium through playwright-core (e2e/node_modules).
// Run by hand after editing the SVG; the PNG is committed and copied into dist/ by Trunk
// (index.html, rel="copy-file"), named by og:image / twitter:image.
//   node .ci/preview-png.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'assets', 'preview.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${svg}</body></html>`);
  await page.screenshot({ path: join(root, 'assets', 'preview.png'), clip: { x: 0, y: 0, width: 1200, height: 630 } });
} finally {
  await browser.close();
}
console.log('wrote assets/preview.png (1200×630)');
