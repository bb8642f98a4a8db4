// The query service: the page reads the family from the replica's SPARQL engine (oxigraph, answering
// like query.wikidata.org) — the same relationships as the entity JSON crawl, children recorded only
// on their own side seen — and when a query is refused (429, again and again), fails (500), hangs or
// comes back cut short, it reads the entity JSON instead and says so in words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, startReplica, launch, waitForState, screenshot } from '../lib.mjs';
import { distDir, watch, assertHealthy, outcome, relationships, assertElizabethPhilip } from '../fixtures/support.mjs';

let browser;
let site;
let royal;
before(async () => {
  browser = await launch();
  site = await serveStatic(distDir, '/');
  royal = await startReplica(['--latency-ms', '5']);
});
after(async () => {
  await browser?.close();
  await royal?.stop();
  await site?.close();
});

const link = (replica, params) => `${site.url}?${new URLSearchParams({
  lang: 'en', timeout: '20', endpoint: replica.url, sparql: `${replica.url}/sparql`, ...params,
}).toString().replaceAll('%2C', ',')}`;

/** Opens a question, counting the page's queries and entity requests. */
async function ask(replica, params) {
  const w = await watch(browser, 'about:blank', { endpoint: replica.url });
  const seen = { queries: 0, entities: 0 };
  w.page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(replica.url)) return;
    if (/\/sparql(\?|$)/.test(u)) seen.queries += 1; // a GET, or a POST of a long query
    else if (/\/w\/api\.php\?action=wbgetentities|Special:EntityData/.test(u)) seen.entities += 1;
  });
  await w.page.goto(link(replica, params));
  const state = await waitForState(w.page, ['done', 'failed', 'cancelled'], 90000);
  return { w, seen, state };
}

test('relationships through the query service: the same answers, queries only', async () => {
  await royal.reset();
  const { w, seen, state } = await ask(royal, { people: 'Q9682,Q80976' });
  try {
    assert.equal(state, 'done', (await outcome(w.page)).status);
    await assertElizabethPhilip(w.page);
    assert.ok(seen.queries >= 1 && seen.queries <= 3, `a query or few: ${JSON.stringify(seen)}`);
    assert.equal(seen.entities, 0, 'no entity JSON needed');
    const stats = await royal.stats();
    assert.ok(stats.by_kind.sparql >= 1, JSON.stringify(stats.by_kind));
    // The marriage is said first.
    const first = await w.page.$eval('li[data-testid=connection]', (li) => ({ links: li.dataset.links, term: li.dataset.term }));
    assert.deepEqual(first, { links: 'spouse', term: 'husband' });
    assert.equal(await w.page.$('ul[data-testid=fallbacks]'), null, 'nothing fell back');
    await assertHealthy(w);
    await screenshot(w.page, 'query-service-relate');
  } finally {
    await w.context.close();
  }
  // Nicholas II and George V: first cousins through Christian IX & Louise, nothing through George I.
  const n = await ask(royal, { people: 'Q40787,Q269412' });
  try {
    assert.equal(n.state, 'done');
    const rels = await relationships(n.w.page);
    assert.ok(rels.some((r) => r.kind === 'cousin' && r.degree === 1 && r.removed === 0 && r.ancestors.includes('Q151305')), JSON.stringify(rels));
    assert.ok(rels.every((r) => r.ga + r.gb < 12), `nothing far off: ${JSON.stringify(rels)}`);
    await assertHealthy(n.w);
  } finally {
    await n.w.context.close();
  }
});

test('explore through the query service: the same degrees as the entity crawl, store reused', async () => {
  const { w, seen, state } = await ask(royal, { people: 'Q9682,Q80976', roots: 'Q9439' });
  try {
    assert.equal(state, 'done', (await outcome(w.page)).status);
    const reached = () => w.page.$$eval('ul[data-testid=reached] li[data-qid]',
      (lis) => Object.fromEntries(lis.map((li) => [li.dataset.qid, li.dataset.degree])));
    assert.deepEqual(await reached(), { Q9682: '4', Q80976: '4' });
    const rels = await relationships(w.page);
    assert.ok(rels.some((r) => r.ancestors.includes('Q9439') && r.degree === 3), JSON.stringify(rels));
    assert.equal(seen.entities, 0, `queries only: ${JSON.stringify(seen)}`);
    // Down from Victoria and Christian IX: Philip at degree 3 through Christian IX.
    await w.page.click('[data-testid=preset-1]');
    await w.page.waitForFunction(() => document.querySelectorAll('[data-testid=field-roots] [data-testid=chip]').length === 2);
    assert.equal(await waitForState(w.page, ['done', 'failed', 'cancelled'], 60000), 'done');
    await w.page.waitForFunction(() => document.querySelector('ul[data-testid=reached] li[data-qid=Q80976]')?.dataset.degree === '3');
    assert.deepEqual(await reached(), { Q9682: '4', Q80976: '3' });
    await assertHealthy(w);
  } finally {
    await w.context.close();
  }
});

test('every descendant of Victoria (descendants=1): the same people through the query service as through the entity JSON, drawn', async () => {
  const runs = {};
  for (const mode of ['sparql', 'entities']) {
    await royal.reset();
    const params = { roots: 'Q9439', descendants: '1', ...(mode === 'entities' ? { fetch: 'wbgetentities' } : {}) };
    const { w, seen, state } = await ask(royal, params);
    try {
      const { status } = await outcome(w.page);
      assert.equal(state, 'done', status);
      assert.match(status, /All 332 descendants were loaded \(6 generations\)/, `${mode}: ${status}`);
      // Drawn whole: the descendants and the co-parents, each once.
      const drawn = await w.page.$$eval('svg[data-testid=tree] [data-qid]', (els) => els.map((e) => e.dataset.qid));
      assert.equal(new Set(drawn).size, drawn.length, 'each person drawn once');
      runs[mode] = { drawn: new Set(drawn), seen };
      assert.equal(await w.page.$('ul[data-testid=fallbacks]'), null, `${mode}: nothing fell back`);
      await assertHealthy(w);
      await screenshot(w.page, `query-service-descendants-${mode}`);
    } finally {
      await w.context.close();
    }
  }
  const { sparql, entities } = runs;
  assert.ok(sparql.drawn.has('Q43274') && sparql.drawn.size > 400, `Charles III among ${sparql.drawn.size}`);
  assert.deepEqual([...sparql.drawn].sort(), [...entities.drawn].sort(), 'the same tree');
  // One query for all the lines down (and one or few for the co-parents' names), against a
  // crawl generation by generation.
  assert.ok(sparql.seen.queries >= 1 && sparql.seen.queries <= 4, JSON.stringify(sparql.seen));
  assert.equal(sparql.seen.entities, 0, 'no entity JSON needed');
  assert.equal(entities.seen.queries, 0, 'fetch=wbgetentities asks no query');
  assert.ok(entities.seen.entities > sparql.seen.queries * 5, JSON.stringify(entities.seen));
});

test('children recorded only on their own side: Victoria reaches Charles III at degree 5 under --quirks', async () => {
  const quirky = await startReplica(['--latency-ms', '5', '--quirks']);
  try {
    const { w, state } = await ask(quirky, { people: 'Q43274', roots: 'Q9439' });
    try {
      assert.equal(state, 'done', (await outcome(w.page)).status);
      const row = await w.page.$eval('[data-testid=reached] li[data-qid=Q43274], [data-testid=reached] [data-qid=Q43274]', (el) => el.closest('li')?.dataset.degree ?? el.dataset.degree);
      assert.equal(row, '5');
      await assertHealthy(w, { allowNetworkErrors: true });
    } finally {
      await w.context.close();
    }
  } finally {
    await quirky.stop();
  }
});

for (const [name, args, extra] of [
  ['a query service that keeps answering 429', ['--fault', '429:1@sparql'], {}],
  ['a query service that fails (500)', ['--fault', '500:1@sparql'], {}],
  ['a hanging query', ['--fault', 'hang:1@sparql'], { timeout: '3' }],
  ['a truncated answer', ['--fault', 'truncate:1@sparql'], {}],
]) {
  test(`fallback: ${name} — the entity JSON answers, and the page says so`, async () => {
    const faulty = await startReplica(['--latency-ms', '5', ...args]);
    try {
      const { w, seen, state } = await ask(faulty, { people: 'Q9682,Q80976', ...extra });
      try {
        assert.equal(state, 'done', (await outcome(w.page)).status);
        await assertElizabethPhilip(w.page);
        assert.ok(seen.queries >= 1, JSON.stringify(seen));
        assert.ok(seen.entities >= 1, `the entity JSON was read: ${JSON.stringify(seen)}`);
        const words = await w.page.textContent('ul[data-testid=fallbacks]');
        assert.match(words, /query service[\s\S]*entity JSON instead/, words);
        await assertHealthy(w, { allowNetworkErrors: true });
      } finally {
        await w.context.close();
      }
    } finally {
      await faulty.stop();
    }
  });
}
