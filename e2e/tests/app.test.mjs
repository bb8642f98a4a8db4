// The app end to end (issue 5): the release build in dist/ driven by Playwright + Chromium against the local
// Wikidata replica serving royal92. Every test asserts data attributes AND words AND (where it matters) the
// replica's own counts, and that the page logged no error. The tests that ask a question run in both modes —
// entity JSON and the query service (`sparql=`) — with the same expectations (issue 13; see `both`).
// Screenshots go to e2e/artifacts/app-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveStatic, startReplica, launch, openPage, screenshot, waitForState } from '../lib.mjs';
import { twoModes } from '../fixtures/modes.mjs';

const ELIZABETH = 'Q9682';
const PHILIP = 'Q80976';
const VICTORIA = 'Q9439';
const ALBERT = 'Q152245';
const CHRISTIAN = 'Q151305';

let browser;
let replica; // royal92, no added latency
let site; // dist/ at /
let ids; // replica Q-ids of GEDCOM people without a real Q-id
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

before(async () => {
  [browser, replica, site] = await Promise.all([launch(), startReplica([]), serveStatic()]);
  const people = await replica.people();
  const byGedcom = (g) => {
    const p = people.find((x) => x.gedcom_id === g);
    assert.ok(p, `${g} is in the replica`);
    return p.qid;
  };
  ids = { louise: byGedcom('I226'), ludwig: byGedcom('I484'), henriette: byGedcom('I485') };
});

after(async () => {
  await browser?.close();
  await replica?.stop();
  await site?.close();
});

// Every test that asks a relationship or explore question and checks the answer runs twice (issue 13): reading
// entity JSON, and reading the replica's query service (`sparql=<endpoint>/sparql`), with the same expectations —
// the answers must be identical. Only what is specific to one way of fetching (the entity JSON crawl's request
// counts) is asserted per mode. The tests that stay single-mode say why.
const modes = twoModes();
const { both } = modes;

/** A screenshot's name in this mode (the query service's get `-sparql`). */
const shot = (name) => (modes.mode === 'sparql' ? `${name}-sparql` : name);

/** The share link of a question on a replica, in this mode. */
const shareLink = (base, params, endpoint = replica.url) => modes.link(base, params, endpoint);

/** Every relationship on the page, by its data attributes and its words. */
async function relationships(page) {
  return page.$$eval('li[data-testid=relationship]', (lis) => lis.map((li) => ({
    a: li.dataset.a, b: li.dataset.b, kind: li.dataset.kind,
    degree: Number(li.dataset.degree), removed: Number(li.dataset.removed),
    half: li.dataset.half, double: li.dataset.double,
    ga: Number(li.dataset.ga), gb: Number(li.dataset.gb),
    ancestors: li.dataset.ancestors.split(',').sort(), text: li.textContent,
  })));
}

const sameSet = (list, wanted) => [...list].sort().join(',') === [...wanted].sort().join(',');

/** The three relationships of Elizabeth II and Philip, checked by attributes and by words. */
function assertRoyalRelationships(rels) {
  assert.equal(rels.length, 3, JSON.stringify(rels, null, 1));
  for (const r of rels) {
    assert.equal(r.a, ELIZABETH);
    assert.equal(r.b, PHILIP);
    assert.equal(r.kind, 'cousin');
    assert.equal(r.half, 'false');
    assert.equal(r.double, 'false');
  }
  const find = (ancestors) => {
    const r = rels.find((x) => sameSet(x.ancestors, ancestors));
    assert.ok(r, `a relationship through ${ancestors}: ${JSON.stringify(rels.map((x) => x.ancestors))}`);
    return r;
  };
  const christian = find([CHRISTIAN, ids.louise]);
  assert.deepEqual([christian.degree, christian.removed, christian.ga, christian.gb], [2, 1, 4, 3]);
  assert.equal(christian.text,
    "Prince Philip, Duke of Edinburgh is Elizabeth II's second cousin once removed — through Christian IX of Denmark & Louise of Hesse-Cassel");
  const victoria = find([VICTORIA, ALBERT]);
  assert.deepEqual([victoria.degree, victoria.removed, victoria.ga, victoria.gb], [3, 0, 4, 4]);
  assert.equal(victoria.text,
    "Prince Philip, Duke of Edinburgh is Elizabeth II's third cousin — through Queen Victoria & Albert, Prince Consort");
  const ludwig = find([ids.ludwig, ids.henriette]);
  assert.deepEqual([ludwig.degree, ludwig.removed, ludwig.ga, ludwig.gb], [4, 0, 5, 5]);
  assert.match(ludwig.text, /^Prince Philip, Duke of Edinburgh is Elizabeth II's fourth cousin — through Ludwig of Wurttemberg & Henriette$/);
}

/** The replica served the family the way this mode reads it: entity JSON only, or queries only (no fallback). */
function assertFetchedByMode(stats) {
  const k = stats.by_kind;
  if (modes.mode === 'entities') {
    assert.ok((k.wbgetentities ?? 0) > 0, `entity JSON read: ${JSON.stringify(k)}`);
    assert.equal(k.sparql ?? 0, 0, `no query: ${JSON.stringify(k)}`);
  } else {
    assert.ok((k.sparql ?? 0) >= 1, `queries made: ${JSON.stringify(k)}`);
    assert.equal((k.wbgetentities ?? 0) + (k.entitydata ?? 0), 0, `no entity JSON: ${JSON.stringify(k)}`);
  }
}

/** The viewport group's `translate(x y) scale(k)` as numbers. */
async function viewTransform(page) {
  const t = await page.getAttribute('g[data-testid=viewport]', 'transform');
  const m = /translate\(([-\d.]+) ([-\d.]+)\) scale\(([-\d.]+)\)/.exec(t ?? '');
  assert.ok(m, `a pan/zoom transform: ${t}`);
  return { x: Number(m[1]), y: Number(m[2]), k: Number(m[3]), raw: t };
}

both('share link relates Elizabeth II and Philip: three relationships, the tree, polite requests', async () => {
  await replica.reset();
  const { page, errors, context } = await openPage(browser, shareLink(site.url, { people: `${ELIZABETH},${PHILIP}` }));
  try {
    assert.equal(await waitForState(page, ['done', 'failed', 'cancelled'], 30000), 'done',
      await page.textContent('[data-testid=status]'));
    assertRoyalRelationships(await relationships(page));
    assert.equal(await page.textContent('[data-testid=endpoint] strong'), replica.url);
    // The tree draws both people and the three ancestor couples.
    const drawn = await page.$$eval('svg[data-testid=tree] g.person[data-qid]', (gs) => gs.map((g) => g.dataset.qid));
    for (const q of [ELIZABETH, PHILIP, VICTORIA, ALBERT, CHRISTIAN, ids.louise, ids.ludwig, ids.henriette]) {
      assert.ok(drawn.includes(q), `${q} is drawn (${drawn.length} people drawn)`);
    }
    // The progress figures agree with what the replica served; polite and preflight-free.
    // (The replica also counts the portraits the tree loads as `filepath` requests.)
    const stats = await replica.stats();
    const shown = Number(await page.getAttribute('[data-testid=progress]', 'data-requests'));
    if (modes.mode === 'entities') {
      // The entity JSON crawl: wbgetentities only, each entity served once.
      assert.equal(stats.by_kind.wbgetentities, shown, JSON.stringify(stats.by_kind));
      assert.ok(shown > 10 && shown < 200, `${shown} requests`);
      assert.equal(stats.max_served_per_id, 1);
    } else {
      // The query service: a query or few, and no entity JSON at all (nothing fell back).
      assert.equal(stats.by_kind.sparql, shown, JSON.stringify(stats.by_kind));
      assert.ok(shown >= 1 && shown <= 3, `a query or few: ${shown}`);
      assert.equal(stats.by_kind.wbgetentities ?? 0, 0, JSON.stringify(stats.by_kind));
      assert.equal(stats.by_kind.entitydata ?? 0, 0, JSON.stringify(stats.by_kind));
      assert.equal(await page.$('ul[data-testid=fallbacks]'), null, 'nothing fell back');
    }
    assert.equal(stats.requests, shown + (stats.by_kind.filepath ?? 0), JSON.stringify(stats.by_kind));
    assert.ok(stats.peak_inflight <= 6, `peak in flight ${stats.peak_inflight}`);
    assert.equal(stats.preflight, 0);
    await screenshot(page, shot('app-done'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

both('explore: down from Victoria, and preset-1 down from Victoria and Christian IX, reaches both people', async () => {
  await replica.reset();
  const { page, errors, context } = await openPage(browser,
    shareLink(site.url, { people: `${ELIZABETH},${PHILIP}`, roots: VICTORIA }));
  try {
    assert.equal(await waitForState(page, ['done', 'failed', 'cancelled'], 30000), 'done');
    const reached = () => page.$$eval('ul[data-testid=reached] li[data-qid]',
      (lis) => Object.fromEntries(lis.map((li) => [li.dataset.qid, li.dataset.degree])));
    // Victoria → Edward VII → George V → George VI → Elizabeth; Victoria → Alice → Victoria of Hesse → Alice of
    // Battenberg → Philip.
    assert.deepEqual(await reached(), { [ELIZABETH]: '4', [PHILIP]: '4' });
    assert.match(await page.textContent(`ul[data-testid=reached] li[data-qid=${ELIZABETH}]`), /Elizabeth II reached at degree 4/);
    const levels = await page.$$eval('table[data-testid=levels] tbody tr', (trs) => trs.map((tr) => tr.textContent));
    assert.ok(levels.length >= 5, `levels 0..4 at least: ${levels}`);
    // Explore finds the relationship through the root couple on what it loaded.
    const rels = await relationships(page);
    assert.ok(rels.some((r) => sameSet(r.ancestors, [VICTORIA, ALBERT]) && r.degree === 3), JSON.stringify(rels));

    // The preset with both roots: chips, URL, and Philip now reached at degree 3 through Christian IX. This reuses
    // the page's store from the first crawl (regression: Philip used to come out at degree 4 and the Christian IX
    // relationship was missing, while a fresh page gave the right answer).
    await page.click('[data-testid=preset-1]');
    await page.waitForFunction(() => document.querySelector('[data-testid=progress]')?.dataset.state === 'running'
      || document.querySelectorAll('[data-testid=field-roots] [data-testid=chip]').length === 2);
    assert.equal(await waitForState(page, ['done', 'failed', 'cancelled'], 30000), 'done',
      await page.textContent('[data-testid=status]'));
    await screenshot(page, shot('app-explore'));
    const rootChips = await page.$$eval('[data-testid=field-roots] [data-testid=chip]', (cs) => cs.map((c) => c.dataset.qid));
    assert.deepEqual(rootChips, [VICTORIA, CHRISTIAN]);
    assert.match(page.url(), /roots=Q9439(%2C|,)Q151305/);
    // Christian IX → Alexandra → George V → George VI → Elizabeth is 4 too; Christian IX → George I of Greece →
    // Andrew → Philip is 3.
    assert.deepEqual(await reached(), { [ELIZABETH]: '4', [PHILIP]: '3' });
    const rels2 = await relationships(page);
    assert.ok(rels2.some((r) => sameSet(r.ancestors, [CHRISTIAN, ids.louise]) && r.degree === 2 && r.removed === 1),
      JSON.stringify(rels2.map((r) => r.text)));
    // Both explores read the family the way the link asks, and only that way.
    const stats = await replica.stats();
    assertFetchedByMode(stats);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Cancel with requests in flight (the replica answers after 400 ms). The last assertions — nothing shown in flight,
// no aborted request listed under "Could not load" — are regression checks (both used to happen). Both modes: the
// query service's run reads in a query or few, so there it is cancelled with its first query in flight (and must
// not fall back to entity JSON).
both('Cancel stops the crawl: state cancelled and no request reaches the replica afterwards', async () => {
  // The query service's run is one query (and a names query): it takes 3 s at the replica, so
  // that Cancel surely comes while it is in flight (a screenshot comes first).
  const slow = await startReplica(['--latency-ms', '400', ...(modes.mode === 'sparql' ? ['--query-ms', '3000'] : [])]);
  const { page, errors, context } = await openPage(browser,
    shareLink(site.url, { people: `${ELIZABETH},${PHILIP}` }, slow.url));
  try {
    assert.equal(await waitForState(page, ['running', 'done', 'failed', 'cancelled'], 10000), 'running');
    if (modes.mode === 'entities') {
      // Wait for a few requests to be in flight / answered, then cancel mid-crawl.
      for (let i = 0; i < 100 && (await slow.stats()).requests < 3; i++) await sleep(50);
      await page.waitForFunction(() => Number(document.querySelector('[data-testid=progress]').dataset.requests) >= 3,
        null, { timeout: 10000 });
    } else {
      // Wait for the first query to be in flight at the replica, then cancel.
      for (let i = 0; i < 100 && ((await slow.stats()).inflight < 1); i++) await sleep(20);
      assert.ok((await slow.stats()).inflight >= 1, 'a query in flight');
    }
    assert.equal(await page.isDisabled('[data-testid=cancel]'), false, 'Cancel is enabled while running');
    assert.equal(await page.isDisabled('[data-testid=run]'), true, 'Run is disabled while running');
    await screenshot(page, shot('app-running'));
    await page.click('[data-testid=cancel]', { timeout: 5000 });
    assert.equal(await waitForState(page, ['done', 'failed', 'cancelled'], 5000), 'cancelled');
    const at = (await slow.stats()).requests;
    await sleep(1500);
    const later = await slow.stats();
    assert.equal(later.requests, at, 'no new requests after Cancel');
    assert.equal(later.inflight, 0, 'nothing left in flight at the replica');
    if (modes.mode === 'sparql') {
      // (The aborted query is not counted: the replica counts what it served.)
      assert.equal((later.by_kind.wbgetentities ?? 0) + (later.by_kind.entitydata ?? 0), 0,
        `a cancelled query does not fall back to entity JSON: ${JSON.stringify(later.by_kind)}`);
    }
    assert.match(await page.textContent('[data-testid=status]'), /cancel/i);
    assert.equal(await page.isDisabled('[data-testid=cancel]'), true);
    assert.equal(await page.isDisabled('[data-testid=run]'), false);
    await screenshot(page, shot('app-cancelled'));
    assert.deepEqual(errors, []);
    const figures = await page.$$eval('dl.figures div', (ds) => Object.fromEntries(ds.map((d) =>
      [d.querySelector('dt').textContent, d.querySelector('dd').textContent])));
    assert.equal(figures['In flight'], '0', `nothing is in flight after Cancel: ${JSON.stringify(figures)}`);
    const failures = await page.$$eval('ul[data-testid=failures] li', (lis) => lis.map((li) => li.textContent));
    assert.deepEqual(failures.filter((f) => /aborted/.test(f)), [], 'a cancel is not a failure to load');
  } finally {
    await context.close().catch(() => {});
    await slow.stop();
  }
});

// One mode only: no question is run — the form, the URL and the clipboard are the same whichever way data is read.
test('idle page: the form writes the question into the URL, and Copy link copies it', async () => {
  const { page, errors, context } = await openPage(browser, `${site.url}?endpoint=${encodeURIComponent(replica.url)}`);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
    await page.waitForSelector('[data-testid=people-input]');
    assert.equal(await page.getAttribute('[data-testid=progress]', 'data-state'), 'idle');
    assert.equal(await page.isDisabled('[data-testid=cancel]'), true, 'Cancel is disabled when idle');
    await screenshot(page, 'app-idle');
    const historyBefore = await page.evaluate(() => history.length);
    const input = page.locator('[data-testid=people-input]');
    await input.fill(ELIZABETH);
    await input.press('Enter');
    await input.fill(`https://www.wikidata.org/wiki/${PHILIP}`);
    await input.press('Enter');
    await page.waitForFunction(() => /people=Q9682(%2C|,)Q80976/.test(location.search));
    const chips = await page.$$eval('[data-testid=field-people] [data-testid=chip]', (cs) => cs.map((c) => c.dataset.qid));
    assert.deepEqual(chips, [ELIZABETH, PHILIP]);
    // Chips get their labels from the replica (when idle).
    await page.waitForFunction(() => /Elizabeth II/.test(document.querySelector('[data-testid=chip][data-qid=Q9682]')?.textContent ?? ''),
      null, { timeout: 10000 });
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('endpoint'), replica.url, 'the endpoint stays in the link');
    assert.equal(url.searchParams.get('lang'), 'en');
    // replaceState, not pushState: typing made no history entries.
    assert.equal(await page.evaluate(() => history.length), historyBefore);

    // Removing a chip updates the URL too.
    await page.click(`[data-testid=chip][data-qid=${PHILIP}] button`);
    await page.waitForFunction(() => !/Q80976/.test(location.search));
    assert.match(page.url(), /people=Q9682(&|$)/);

    await page.click('[data-testid=copy-link]');
    await page.waitForFunction(() => document.querySelector('[data-testid=copy-link]').textContent === 'Link copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

both('sub-path hosting (/wikikin/) runs the share link', async () => {
  const sub = await serveStatic(undefined, '/wikikin/');
  const { page, errors, context } = await openPage(browser, shareLink(sub.url, { people: `${ELIZABETH},${PHILIP}` }));
  try {
    assert.equal(await waitForState(page, ['done', 'failed', 'cancelled'], 30000), 'done');
    assertRoyalRelationships(await relationships(page));
    assert.ok(new URL(page.url()).pathname.startsWith('/wikikin/'), page.url());
    assert.match(page.url(), /people=Q9682(%2C|,)Q80976/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await sub.close();
  }
});

both('phone width (390×844): the answer fits the screen', async () => {
  const { page, errors, context } = await openPage(browser, shareLink(site.url, { people: `${ELIZABETH},${PHILIP}` }),
    { viewport: { width: 390, height: 844 } });
  try {
    assert.equal(await waitForState(page, ['done', 'failed', 'cancelled'], 30000), 'done');
    assertRoyalRelationships(await relationships(page));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    await screenshot(page, shot('app-phone'));
    await page.screenshot({ path: new URL(`../artifacts/${shot('app-phone-full')}.png`, import.meta.url).pathname, fullPage: true });
    assert.ok(overflow <= 390, `no sideways scrolling on a phone: page is ${overflow}px wide`);
    await page.click('[data-testid=show-tree]');
    const svg = await page.locator('svg[data-testid=tree]').boundingBox();
    assert.ok(svg && svg.width > 200 && svg.width <= 390 && svg.height > 150, `tree box ${JSON.stringify(svg)}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// One mode only: pan, zoom, Fit and hover act on the tree as drawn, and the drawn tree is the same in both modes
// (the Export JSON test compares the two modes' trees field for field).
test('tree: wheel, + button, + key and drag change the view; Fit restores it; hover shows details', async () => {
  const { page, errors, context } = await openPage(browser, shareLink(site.url, { people: `${ELIZABETH},${PHILIP}` }));
  try {
    assert.equal(await waitForState(page, ['done', 'failed', 'cancelled'], 30000), 'done');
    await page.click('[data-testid=show-tree]'); // the whole tree, one click away from the chart
    await page.waitForSelector('svg[data-testid=tree] g.person[data-qid]');
    await page.locator('svg[data-testid=tree]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300); // fitted again once shown
    const fitted = await viewTransform(page);
    const box = await page.locator('svg[data-testid=tree]').boundingBox();
    assert.ok(box && box.width > 300 && box.height > 200, JSON.stringify(box));

    // Wheel up over the tree zooms in about the pointer.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -200);
    await page.waitForFunction((raw) => document.querySelector('g[data-testid=viewport]').getAttribute('transform') !== raw,
      fitted.raw);
    const wheeled = await viewTransform(page);
    assert.ok(wheeled.k > fitted.k * 1.1, `wheel zoomed in: ${fitted.k} → ${wheeled.k}`);

    // The + button zooms by 1.25 about the centre.
    await page.click('[data-testid=zoom-in]');
    const plus = await viewTransform(page);
    assert.ok(Math.abs(plus.k / wheeled.k - 1.25) < 0.01, `+ button: ${wheeled.k} → ${plus.k}`);
    await page.click('[data-testid=zoom-out]');
    const minus = await viewTransform(page);
    assert.ok(Math.abs(minus.k / plus.k - 0.8) < 0.01, `− button: ${plus.k} → ${minus.k}`);

    // Keyboard: + on the focused tree zooms, arrows pan.
    await page.focus('svg[data-testid=tree]');
    await page.keyboard.press('+');
    const key = await viewTransform(page);
    assert.ok(Math.abs(key.k / minus.k - 1.25) < 0.01, `+ key: ${minus.k} → ${key.k}`);
    await page.keyboard.press('ArrowLeft');
    const arrowed = await viewTransform(page);
    assert.ok(Math.abs(arrowed.x - key.x - 60) < 0.5 && arrowed.k === key.k, `ArrowLeft pans: ${key.raw} → ${arrowed.raw}`);

    // Drag pans by the pointer's movement.
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + 100, box.y + 70, { steps: 5 });
    await page.mouse.up();
    const dragged = await viewTransform(page);
    assert.ok(Math.abs(dragged.x - arrowed.x - 60) < 1 && Math.abs(dragged.y - arrowed.y - 30) < 1,
      `drag pans by (60, 30): ${arrowed.raw} → ${dragged.raw}`);

    // Fit comes back to the fitted view.
    await page.click('[data-testid=fit]');
    assert.equal((await viewTransform(page)).raw, fitted.raw);

    // Hover over Victoria shows her details.
    const victoria = page.locator(`svg[data-testid=tree] g.person[data-qid=${VICTORIA}]`);
    // (Focus, not hover: at a readable zoom she may be off the view.)
    await victoria.locator('a').focus();
    await page.waitForSelector('[data-testid=details]', { timeout: 5000 });
    const details = await page.textContent('[data-testid=details]');
    assert.match(details, /Queen Victoria/);
    assert.match(details, /Q9439 on the endpoint/);
    const link = await page.getAttribute('[data-testid=details] a', 'href');
    assert.ok(link.startsWith(replica.url), link);
    // Hovering someone else changes the details.
    await page.locator(`svg[data-testid=tree] g.person[data-qid=${PHILIP}] a`).focus();
    await page.waitForFunction(() => /Prince Philip/.test(document.querySelector('[data-testid=details]')?.textContent ?? ''));
    await screenshot(page, 'app-details');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

let exported; // the entity JSON run's export, for the query service run to be compared with

both('Export JSON downloads the relationships (the same answer in both modes)', async () => {
  const { page, errors, context } = await openPage(browser, shareLink(site.url, { people: `${ELIZABETH},${PHILIP}` }));
  try {
    assert.equal(await waitForState(page, ['done', 'failed', 'cancelled'], 30000), 'done');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('[data-testid=export-json]')]);
    assert.equal(download.suggestedFilename(), 'wikikin-Q9682-Q80976.json');
    const json = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(json.endpoint, replica.url);
    assert.match(json.question, /people=Q9682,Q80976/);
    // The question says how it was read (a link that asks the same way again).
    assert.equal(/(^|&)sparql=/.test(json.question), modes.mode === 'sparql', json.question);
    assert.equal(json.relationships.length, 3);
    const asPage = json.relationships.map((r) => ({
      a: r.a, b: r.b, kind: r.kind, degree: r.degree, removed: r.removed, half: String(r.half), double: String(r.double),
      ga: r.ga, gb: r.gb, ancestors: [...r.ancestors].sort(), text: `${r.words} — through ${r.through}`,
    }));
    assertRoyalRelationships(asPage);
    assert.ok(json.persons.some((p) => p.id === ELIZABETH && p.label === 'Elizabeth II'), 'persons carry labels');
    // Issue 13, whole: the query service's answer is the entity JSON's, field for field — the outcome, every
    // relationship and connection, what was reached, failures, problems, the tree as drawn, and who was loaded,
    // with the same labels. (Not the persons' other fields: the query reads ancestors' partial records — no
    // children or spouses — by design.)
    const answer = (j) => ({
      outcome: j.outcome, relationships: j.relationships, connections: j.connections,
      direct_ancestors: j.direct_ancestors, reached: j.reached, failures: j.failures, problems: j.problems,
      tree: j.tree, persons: j.persons.map((p) => [p.id, p.label]).sort(),
    });
    if (modes.mode === 'entities') exported = answer(json);
    else if (exported) assert.deepEqual(answer(json), exported, 'the same answer as the entity JSON crawl');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
