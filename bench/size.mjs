// Figure 7: release sizes (raw, gzip -9, brotli q11) and cold start from loopback.
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** Sizes of the app's files in dist/ by kind (wasm, js, css, html). */
export function sizes(distDir) {
  const out = {};
  for (const f of readdirSync(distDir)) {
    const kind = { '.wasm': 'wasm', '.js': 'js', '.css': 'css', '.html': 'html' }[extname(f)];
    if (!kind) continue;
    const data = readFileSync(join(distDir, f));
    const o = (out[kind] ??= { files: [], raw: 0, gzip: 0, brotli: 0 });
    o.files.push(f);
    o.raw += data.length;
    o.gzip += gzipSync(data, { level: 9 }).length;
    o.brotli += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return out;
}

/** Marks when the app has mounted (its h1 appears). */
function mountProbe() {
  window.__mounted = null;
  const mo = new MutationObserver(() => {
    if (document.querySelector('h1') && window.__mounted === null) {
      window.__mounted = performance.now();
      mo.disconnect();
    }
  });
  mo.observe(document, { childList: true, subtree: true });
}

/** `reps` cold loads (fresh context: empty cache) of the page from the loopback static server. */
export async function coldStart(browser, siteUrl, reps) {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await context.addInitScript(mountProbe);
      const page = await context.newPage();
      await page.goto(siteUrl, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__mounted !== null && performance.getEntriesByName('first-contentful-paint').length > 0);
      const r = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
        return {
          fcp: fcp.startTime,
          mounted: window.__mounted,
          domContentLoaded: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
          wasmFetched: wasm ? wasm.responseEnd : NaN,
        };
      });
      runs.push(r);
    } finally {
      await context.close();
    }
  }
  return runs;
}
