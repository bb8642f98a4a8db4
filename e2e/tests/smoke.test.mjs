// The release build renders in Chromium, from the root and from a sub-path, with no page or console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, launch, openPage, screenshot } from '../lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const prefix of ['/', '/wikikin/']) {
  test(`release build renders when served from ${prefix}`, async () => {
    const site = await serveStatic(undefined, prefix);
    try {
      const { page, errors, context } = await openPage(browser, site.url);
      await page.waitForSelector('h1');
      assert.match(await page.textContent('h1'), /wikikin/);
      assert.equal(await page.getAttribute('[data-testid=progress]', 'data-state'), 'idle');
      assert.ok(await page.$('svg[data-testid=tree]'), 'the tree area is there');
      await screenshot(page, `smoke${prefix.replaceAll('/', '-')}`);
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await site.close();
    }
  });
}
