// Reliability under messy or extreme data: Wikidata's quirks (redirected and deleted items,
// somevalue/novalue parents, deprecated statements, one-sided P40, duplicate statements), a genealogy
// cycle, a person with 5,000 children, a 10 MB entity and an empty GEDCOM. For each: no page error, not
// blank, a clear final state and message, politeness kept, and the answer right where the data allows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serveStatic, startReplica, launch, waitForState, screenshot } from '../lib.mjs';
import {
  distDir, fixtures, watch, assertHealthy, outcome, relationships, failures, assertElizabethPhilip,
  assertPolite, bigFamilyGedcom, tempFiles,
} from '../fixtures/support.mjs';

let browser;
let site;
before(async () => { browser = await launch(); site = await serveStatic(distDir, '/'); });
after(async () => { await browser?.close(); await site?.close(); });

/** Opens `query` against `replica` (stats reset first), waits for the end; returns what to check. */
async function ask(replica, query, { wait = 60000 } = {}) {
  await replica.reset();
  const t0 = Date.now();
  const w = await watch(browser, `${site.url}?${query}&endpoint=${replica.url}`, { endpoint: replica.url });
  await waitForState(w.page, ['done', 'failed', 'cancelled'], wait);
  const elapsed = Date.now() - t0;
  const stats = await replica.stats();
  return { w, elapsed, stats, ...(await outcome(w.page)) };
}

const texts = (page, sel) => page.$$eval(sel, (els) => els.map((e) => e.textContent.trim()));
const problems = (page) => texts(page, 'ul[data-testid=problems] li');
const direct = (page) => texts(page, '[data-testid=direct]');

async function entity(replica, q) {
  const body = await (await fetch(`${replica.url}/wiki/Special:EntityData/${q}.json`)).json();
  return Object.values(body.entities)[0];
}

test('--quirks: Elizabeth & Philip still right, through redirected, duplicate and unknown-parent items', async () => {
  const replica = await startReplica(['--latency-ms', '5', '--quirks']);
  try {
    const quirks = await (await fetch(`${replica.url}/__replica/quirks`)).json();
    const { w, stats, state, status } = await ask(replica, 'people=Q9682,Q80976');
    assert.equal(state, 'done', status);
    await assertElizabethPhilip(w.page);
    assert.deepEqual(await failures(w.page), []);
    // Not vacuous: the crawl went through quirky people (Christian IX is merged and duplicated).
    const served = new Set(Object.keys(stats.served_per_id));
    const crossed = new Set(quirks.filter((q) => served.has(q.qid)).flatMap((q) => q.quirks));
    for (const k of ['redirected', 'duplicate', 'unknown_parent']) assert.ok(crossed.has(k), `crossed a ${k} item: ${[...crossed]}`);
    assert.ok(quirks.find((q) => q.qid === 'Q151305').quirks.includes('redirected'));
    // Duplicates and the deprecated father do not show up as conflicting parents.
    for (const p of await problems(w.page)) assert.doesNotMatch(p, /has \d+ (fathers|mothers)/, p);
    await assertPolite(stats, 6, { requests: w.requests });
    await assertHealthy(w);
    await w.context.close();
  } finally {
    await replica.stop();
  }
});

test('--quirks: a redirected, a deleted, a deprecated-father, a duplicate, an unknown-parent and a one-sided person', async () => {
  const replica = await startReplica(['--latency-ms', '5', '--quirks']);
  try {
    const quirks = await (await fetch(`${replica.url}/__replica/quirks`)).json();
    const only = (k) => quirks.filter((q) => q.quirks.length === 1 && q.quirks[0] === k).map((q) => q.qid);

    // Redirected: the merged id asked for is followed and said so.
    let r = await ask(replica, 'people=Q800000224,Q80976');
    assert.equal(r.state, 'done', r.status);
    assert.match(await r.w.page.textContent('[data-testid=redirected]'), /Q800000224 → Q151305/);
    assert.deepEqual(await direct(r.w.page), [
      'Christian IX of Denmark is a direct ancestor of Prince Philip, Duke of Edinburgh, 3 generations up.']);
    await assertPolite(r.stats, 6, { requests: r.w.requests });
    await assertHealthy(r.w);
    await r.w.context.close();

    // Deleted: failed, named as not on the server.
    const deleted = only('deleted')[0];
    r = await ask(replica, `people=${deleted},Q9682`);
    assert.equal(r.state, 'failed');
    assert.match(r.status, new RegExp(`${deleted} does not exist on the server`));
    assert.match(await r.w.page.textContent('[data-testid=missing]'), new RegExp(`deleted or never existed\\): ${deleted}`));
    await assertPolite(r.stats, 6, { requests: r.w.requests });
    await assertHealthy(r.w);
    await r.w.context.close();

    // Deprecated father: the preferred father is the father; the deprecated one (the grandfather) is
    // two generations up, not a second father.
    const dep = only('deprecated_father')[0];
    const claims = (await entity(replica, dep)).claims.P22;
    const preferred = claims.find((c) => c.rank === 'preferred').mainsnak.datavalue.value.id;
    const deprecated = claims.find((c) => c.rank === 'deprecated').mainsnak.datavalue.value.id;
    r = await ask(replica, `people=${dep},${preferred},${deprecated}`);
    assert.equal(r.state, 'done', r.status);
    const lines = await direct(r.w.page);
    assert.ok(lines.some((l) => / 1 generation up\.$/.test(l)), `the preferred father, 1 generation up: ${lines}`);
    assert.ok(lines.some((l) => / 2 generations up\.$/.test(l)), `the deprecated one, 2 generations up: ${lines}`);
    const rels = await relationships(r.w.page);
    const fatherLine = rels.find((x) => [x.a, x.b].includes(dep) && [x.a, x.b].includes(preferred));
    const grandLine = rels.find((x) => [x.a, x.b].includes(dep) && [x.a, x.b].includes(deprecated));
    assert.equal(Math.max(fatherLine.ga, fatherLine.gb), 1, fatherLine.text);
    assert.equal(Math.max(grandLine.ga, grandLine.gb), 2, grandLine.text);
    for (const p of await problems(r.w.page)) assert.doesNotMatch(p, /fathers/, p);
    await assertHealthy(r.w);
    await r.w.context.close();

    // Duplicate statements, unknown (somevalue/novalue) parent, one-sided P40 (Charles III is left
    // out of his parents' P40): each with their known parent — one generation, no conflict, no failure.
    const parentsOf = (e) => [...(e.claims.P22 ?? []), ...(e.claims.P25 ?? [])];
    const knownParent = (e) => parentsOf(e)
      .find((c) => c.mainsnak.snaktype === 'value' && c.rank !== 'deprecated')?.mainsnak.datavalue.value.id;
    // An unknown-parent person who has the other parent.
    let unknown;
    for (const q of only('unknown_parent')) {
      if (knownParent(await entity(replica, q))) { unknown = q; break; }
    }
    const cases = [
      ['duplicate', only('duplicate')[0]],
      ['unknown_parent', unknown],
      ['one_sided', 'Q43274'],
    ];
    for (const [kind, q] of cases) {
      assert.ok(q, `a ${kind} person`);
      const e = await entity(replica, q);
      const parent = knownParent(e);
      if (kind === 'unknown_parent') {
        const snaks = parentsOf(e).map((c) => c.mainsnak.snaktype);
        assert.ok(snaks.some((s) => s === 'somevalue' || s === 'novalue'), `${q} has an unknown parent: ${snaks}`);
      }
      r = await ask(replica, `people=${q},${parent}`);
      assert.equal(r.state, 'done', `${kind}: ${r.status}`);
      const d = await direct(r.w.page);
      assert.equal(d.length, 1, `${kind}: ${d}`);
      assert.match(d[0], / 1 generation up\.$/, `${kind}: ${d}`);
      assert.deepEqual(await failures(r.w.page), [], kind);
      for (const p of await problems(r.w.page)) assert.doesNotMatch(p, /fathers|mothers/, `${kind}: ${p}`);
      // Nobody drawn for an unknown value.
      const drawn = await r.w.page.$$eval('g.person[data-qid]', (g) => g.map((x) => x.dataset.qid));
      assert.ok(drawn.every((x) => /^Q[1-9]\d*$/.test(x)), drawn.join(','));
      await assertPolite(r.stats, 6, { requests: r.w.requests });
      await assertHealthy(r.w);
      await r.w.context.close();
    }
  } finally {
    await replica.stop();
  }
});

test('a genealogy cycle: ends at once, names the loop, relationships still drawn', async () => {
  const replica = await startReplica(['--latency-ms', '5'], { gedcom: join(fixtures, 'cycle.ged'), qids: null });
  try {
    // Bertram (Q900000001) is Adam's son and Adam's father; Clara (Q900000002) is Adam's daughter.
    const { w, elapsed, stats, state, status } = await ask(replica, 'people=Q900000001,Q900000002', { wait: 20000 });
    assert.equal(state, 'done', status);
    assert.ok(elapsed < 15000, `${elapsed} ms`);
    assert.ok(stats.requests <= 10, `bounded: ${stats.requests} requests for 5 people`);
    const ps = await problems(w.page);
    assert.ok(ps.some((p) => /loop|cycle|own ancestor/.test(p) && p.includes('Q900000000') && p.includes('Q900000001')), ps.join(' | '));
    const rels = await relationships(w.page);
    assert.ok(rels.some((r) => r.kind === 'sibling' && r.ancestors.includes('Q900000000')), 'Bertram and Clara are siblings through Adam');
    assert.ok(await w.page.$('g.person[data-qid=Q900000000]'), 'Adam is drawn');
    await assertPolite(stats, 6, { requests: w.requests });
    await assertHealthy(w);
    await screenshot(w.page, 'data-cycle');
    await w.context.close();
    // Someone outside the family: no relationship, said in words.
    const r2 = await ask(replica, 'people=Q900000000,Q900000004', { wait: 20000 });
    assert.equal(r2.state, 'done', r2.status);
    assert.match(await r2.w.page.textContent('[data-testid=no-relationship]'), /No common ancestor/);
    await assertHealthy(r2.w);
    await r2.w.context.close();
  } finally {
    await replica.stop();
  }
});

test('a person with 5,000 children: siblings found, explore reaches a child at degree 1, quickly', async () => {
  const files = await tempFiles({ 'big.ged': bigFamilyGedcom(5000) });
  const replica = await startReplica(['--latency-ms', '5'], { gedcom: files.paths['big.ged'], qids: null });
  try {
    // Children are I3…I5002 → Q900000002…Q900005001.
    let r = await ask(replica, 'people=Q900000002,Q900005001');
    assert.equal(r.state, 'done', r.status);
    const rels = await relationships(r.w.page);
    assert.equal(rels.length, 1);
    assert.equal(rels[0].kind, 'sibling');
    assert.deepEqual(rels[0].ancestors.sort(), ['Q900000000', 'Q900000001']);
    assert.equal(rels[0].half, 'false');
    assert.ok(r.stats.bytes_sent > 2e6, `the parents' entities are big (${r.stats.bytes_sent} bytes)`);
    assert.ok(r.elapsed < 30000, `${r.elapsed} ms`);
    const drawn = await r.w.page.$$eval('g.person', (g) => g.length);
    assert.ok(drawn <= 10, `only the people of the answer are drawn (${drawn}), not 5,000 children`);
    await assertPolite(r.stats, 6, { requests: r.w.requests });
    await assertHealthy(r.w);
    await screenshot(r.w.page, 'data-5000-children');
    await r.w.context.close();

    r = await ask(replica, 'people=Q900004000&roots=Q900000000');
    assert.equal(r.state, 'done', r.status);
    const reached = await r.w.page.$$eval('ul[data-testid=reached] li', (l) => l.map((x) => [x.dataset.qid, x.dataset.degree]));
    assert.deepEqual(reached, [['Q900004000', '1']]);
    assert.ok(r.stats.requests <= 10, `${r.stats.requests} requests, not one per child`);
    await assertPolite(r.stats, 6, { requests: r.w.requests });
    await assertHealthy(r.w);
    await r.w.context.close();
  } finally {
    await replica.stop();
    await files.cleanup();
  }
});

test('a 10 MB entity (Elizabeth II): received whole, answer right', async () => {
  const replica = await startReplica(['--latency-ms', '5', '--big-entity', 'Q9682:10']);
  try {
    const { w, stats, state, status } = await ask(replica, 'people=Q9682,Q80976');
    assert.equal(state, 'done', status);
    await assertElizabethPhilip(w.page);
    const bytes = Number(await w.page.getAttribute('[data-testid=progress]', 'data-bytes'));
    assert.ok(bytes >= 10e6, `the page counted ${bytes} bytes received`);
    assert.ok(stats.bytes_sent >= 10e6);
    await assertPolite(stats, 6, { requests: w.requests });
    await assertHealthy(w);
    await w.context.close();
  } finally {
    await replica.stop();
  }
});

test('an empty GEDCOM: asking for anyone fails clearly, naming the missing ids', async () => {
  const replica = await startReplica(['--latency-ms', '5'], { gedcom: join(fixtures, 'empty.ged'), qids: null });
  try {
    assert.deepEqual(await replica.people(), []);
    const { w, stats, state, status } = await ask(replica, 'people=Q9682,Q80976');
    assert.equal(state, 'failed');
    // The answer cannot come once one of the two is known not to exist: the crawl ends there,
    // naming who is missing (the other may still have been in flight).
    assert.match(status, /(Q9682|Q80976) does not exist on the server/);
    assert.match(await w.page.textContent('[data-testid=missing]'), /Q9682|Q80976/);
    assert.equal(await w.page.$$eval('li[data-testid=relationship]', (l) => l.length), 0);
    assert.ok(stats.requests <= 2, `${stats.requests} requests`);
    await assertPolite(stats, 6, { requests: w.requests });
    await assertHealthy(w);
    await screenshot(w.page, 'data-empty-gedcom');
    await w.context.close();
  } finally {
    await replica.stop();
  }
});
