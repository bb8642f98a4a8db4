// Other Wikibases for real: a FactGrid-shaped replica (its property ids, items and IRIs) names the
// same three relationships of Elizabeth II and Philip; the page loaded with the real FactGrid address
// (https://database.factgrid.de, answered here from the replica by Playwright's request routing) gets
// through the Content-Security-Policy; wrong or missing property ids give words, never a blank.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, startReplica, launch, waitForState, screenshot } from '../lib.mjs';
import { distDir, watch, assertHealthy, outcome, assertElizabethPhilip, SEL } from '../fixtures/support.mjs';

const FACTGRID = 'https://database.factgrid.de';
let browser;
let site;
let factgrid; // replica serving FactGrid's ids
let royal; // replica serving Wikidata's ids

before(async () => {
  browser = await launch();
  site = await serveStatic(distDir, '/');
  [factgrid, royal] = await Promise.all([
    startReplica(['--latency-ms', '5', '--wikibase', 'factgrid']),
    startReplica(['--latency-ms', '5']),
  ]);
});

after(async () => {
  await browser?.close();
  await factgrid?.stop();
  await royal?.stop();
  await site?.close();
});

const link = (params) => `${site.url}?${new URLSearchParams({ lang: 'en', timeout: '20', ...params }).toString().replaceAll('%2C', ',')}`;

test('the classic question on a FactGrid-shaped replica names the same three relationships', async () => {
  // The replica serves P141/P142/P150/P84…: read with Wikidata's ids, nothing would connect.
  const entity = await (await fetch(`${factgrid.url}/wiki/Special:EntityData/Q9682.json`)).json();
  const claims = Object.keys(entity.entities.Q9682.claims);
  assert.ok(claims.includes('P141') && !claims.includes('P22'), `FactGrid's ids: ${claims}`);
  const w = await watch(browser, link({ people: 'Q9682,Q80976', endpoint: factgrid.url, wikibase: 'factgrid' }), { endpoint: factgrid.url });
  try {
    assert.equal(await waitForState(w.page), 'done', (await outcome(w.page)).status);
    await assertElizabethPhilip(w.page);
    assert.equal(await w.page.getAttribute('[data-testid=endpoint]', 'data-wikibase'), 'factgrid');
    assert.match(await w.page.textContent('[data-testid=endpoint]'), /FactGrid/);
    // What FactGrid's known ids cannot give is said (its male item is not confirmed).
    assert.match(await w.page.textContent('[data-testid=cannot-show]'), /No male property is known for FactGrid/);
    await assertHealthy(w);
    await screenshot(w.page, 'wikibase-factgrid-replica');
  } finally {
    await w.context.close();
  }
});

test('the real FactGrid address gets through the page policy (answered from the replica by routing)', async () => {
  const w = await watch(browser, 'about:blank', { endpoint: FACTGRID });
  let routed = 0;
  await w.context.route(`${FACTGRID}/**`, async (route) => {
    routed += 1;
    const u = new URL(route.request().url());
    const r = await fetch(`${factgrid.url}${u.pathname}${u.search}`);
    const headers = Object.fromEntries([...r.headers].filter(([k]) => !/^(content-length|content-encoding|transfer-encoding|connection)$/i.test(k)));
    await route.fulfill({ status: r.status, headers, body: Buffer.from(await r.arrayBuffer()) });
  });
  try {
    await w.page.goto(link({ people: 'Q9682,Q80976', wikibase: 'factgrid' }));
    assert.equal(await waitForState(w.page), 'done', (await outcome(w.page)).status);
    assert.ok(routed > 0, 'the page asked database.factgrid.de');
    assert.ok(w.requests.every((r) => r.url.startsWith(FACTGRID)), 'every data request went to FactGrid');
    await assertElizabethPhilip(w.page);
    const href = await w.page.getAttribute('li[data-testid=relationship] a', 'href');
    assert.ok(href.startsWith(`${FACTGRID}/wiki/Item:Q`), `links go to FactGrid's item pages: ${href}`);
    await assertHealthy(w); // includes: no Content-Security-Policy violation
  } finally {
    await w.context.close();
  }
});

test('wrong or missing property ids give words on the page, never a blank', async () => {
  for (const [params, expected] of [
    [{ props: 'father=P22,uncle:P9' }, /is not key:id[\s\S]*“uncle” is not one of[\s\S]*props was not used/],
    [{ props: 'mother:Q5' }, /mother: “Q5” is not a property id like P22/],
    [{ wikibase: 'nowhere' }, /not a Wikibase wikikin knows/],
  ]) {
    const w = await watch(browser, link({ people: 'Q9682,Q80976', endpoint: royal.url, ...params }), { endpoint: royal.url });
    try {
      await w.page.waitForSelector(SEL.messages);
      const words = (await w.page.$$eval(SEL.messages, (ls) => ls.map((l) => l.textContent))).join(' | ');
      assert.match(words, expected, JSON.stringify(params));
      await assertHealthy(w);
    } finally {
      await w.context.close();
    }
  }
  // Props that say there is no spouse property: the question runs, and the page says what it cannot find.
  const w = await watch(browser, link({ people: 'Q9682,Q80976', endpoint: factgrid.url, wikibase: 'factgrid', props: 'spouse:none' }), { endpoint: factgrid.url });
  try {
    assert.equal(await waitForState(w.page), 'done');
    await assertElizabethPhilip(w.page);
    const gaps = await w.page.textContent('[data-testid=cannot-show]');
    assert.match(gaps, /No spouse property[\s\S]*connections through marriage cannot be found/);
    await assertHealthy(w);
  } finally {
    await w.context.close();
  }
});
