// Issue 21 end to end: the replica with `--sources mixed`; the GEDCOM export of the people drawn downloads and
// reads back (individuals, families, children and a citation on every link, each pointing at its statement), in
// both fetch modes; and (todo until the page has the hooks) every step of an answer as a
// `[data-testid=link]` whose attributes equal the statements the replica serves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveStatic, startReplica, launch, openPage, waitForState } from '../lib.mjs';
import { distDir } from '../fixtures/support.mjs';
import { twoModes } from '../fixtures/modes.mjs';

const ELIZABETH = 'Q9682';
const PHILIP = 'Q80976';

let browser;
let replica; // royal92 with --sources mixed
let site;

before(async () => {
  [browser, replica, site] = await Promise.all([
    launch(),
    startReplica(['--sources', 'mixed', '--seed', '1']),
    serveStatic(distDir),
  ]);
});

after(async () => {
  await browser?.close();
  await replica?.stop();
  await site?.close();
});

const modes = twoModes();
const { both } = modes;
const shareLink = (params) => modes.link(site.url, params, replica.url);

/** A GEDCOM file in a few lines: records by level-0 tag, and each record's lines. */
function readGedcom(text) {
  const records = [];
  for (const raw of text.split(/\r?\n/)) {
    const m = /^(\d+) (?:(@[^@]+@) )?(\S+)(?: (.*))?$/.exec(raw);
    if (!m) continue;
    const [, level, xref, tag, value = ''] = m;
    if (level === '0') records.push({ xref, tag, lines: [] });
    else records.at(-1)?.lines.push({ level: Number(level), tag, value });
  }
  const of = (tag) => records.filter((r) => r.tag === tag);
  return { records, indi: of('INDI'), fam: of('FAM'), sour: of('SOUR') };
}

async function download(page, testid) {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    page.click(`[data-testid=${testid}]`),
  ]);
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

// Entity JSON only for now: through the query service the statements' references are not fetched
// yet (issue 21 §5, the sources query after the answer), so its export has no citations; that run
// stays a todo until the crawl brings them.
const exportGedcom = async () => {
  const { page, errors, context } = await openPage(browser, shareLink({ people: `${ELIZABETH},${PHILIP}` }));
  try {
    assert.equal(await waitForState(page, ['done', 'failed', 'cancelled'], 30000), 'done');
    const json = JSON.parse((await download(page, 'export-json')).text);
    const ged = await download(page, 'export-gedcom');
    assert.equal(ged.name, `wikikin-${ELIZABETH}-${PHILIP}.ged`);
    assert.match(ged.text, /^0 HEAD\r?\n/);
    assert.match(ged.text, /\n1 CHAR UTF-8\r?\n/);
    assert.match(ged.text, /\n2 VERS 5\.5\.1\r?\n/);
    assert.match(ged.text, /\n0 TRLR\s*$/);
    const g = readGedcom(ged.text);
    const tree = json.tree;
    assert.equal(g.indi.length, tree.persons.length, 'one INDI per person drawn');
    assert.equal(g.fam.length, tree.couples.length, 'one FAM per couple drawn');
    assert.equal(g.sour.length, 1, 'one source record: the Wikibase');
    const chil = g.fam.flatMap((f) => f.lines.filter((l) => l.level === 1 && l.tag === 'CHIL'));
    assert.equal(chil.length, tree.edges.length, 'one CHIL per parent → child line drawn');
    // A parent link is cited on the child's record (1 SOUR), a marriage on its MARR event (2 SOUR).
    const partners = (c) => (Array.isArray(c) ? c.filter((x) => x != null).length : 1);
    const parentLinks = tree.edges.reduce((n, e) => n + partners(tree.couples[e.couple]), 0);
    const indiCites = g.indi.flatMap((r) => r.lines.filter((l) => l.level === 1 && l.tag === 'SOUR'));
    assert.equal(indiCites.length, parentLinks, 'a citation per parent link');
    const marr = g.fam.filter((f) => f.lines.some((l) => l.level === 1 && l.tag === 'MARR'));
    const marrCites = g.fam.flatMap((f) => f.lines.filter((l) => l.level === 2 && l.tag === 'SOUR'));
    assert.equal(marrCites.length, marr.length, 'a citation per marriage');
    assert.ok(marr.length >= 1);
    for (const c of [...indiCites, ...marrCites]) assert.equal(c.value, g.sour[0].xref);
    // PAGE: the statement's URL on the replica, then its references in words.
    const pages = g.records.flatMap((r) => r.lines.filter((l) => l.tag === 'PAGE').map((l) => l.value));
    assert.equal(pages.length, parentLinks + marr.length);
    for (const p of pages) assert.match(p, new RegExp(`^${replica.url.replace(/[.]/g, '\\.')}/wiki/Q\\d+#P(22|25|40|26) — `));
    assert.ok(pages.some((p) => /imported from English Wikipedia/.test(p)), 'an imported link');
    assert.ok(pages.some((p) => /stated in .*\(Q\d+\)/.test(p)), 'a referenced link');
    // Names and births as the JSON has them.
    const names = g.indi.map((r) => r.lines.find((l) => l.tag === 'NAME')?.value.replaceAll('/', '').trim()).sort();
    const labels = json.persons.filter((p) => tree.persons.includes(p.id)).map((p) => p.label).sort();
    assert.deepEqual(names, labels);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
};
test('Export GEDCOM: the people drawn, their families and a citation on every link [entity JSON]', async () => { modes.mode = 'entities'; await exportGedcom(); });
test.todo('Export GEDCOM: the same citations through the query service', async () => { modes.mode = 'sparql'; try { await exportGedcom(); } finally { modes.mode = 'entities'; } });

// The page's link hooks (`[data-testid=link]`, issue 21 item 2) are another engineer's; until they are on the
// page this stays a todo (it runs, and reports, without failing the suite).
test.todo('Every step of an answer is a link whose attributes are the statements served', async () => {
  const { page, errors, context } = await openPage(browser, modes.link(site.url, { people: `${ELIZABETH},${PHILIP}` }, replica.url));
  try {
    assert.equal(await waitForState(page, ['done', 'failed', 'cancelled'], 30000), 'done');
    const links = await page.$$eval('[data-testid=link]', (els) => els.map((e) => ({ ...e.dataset })));
    assert.ok(links.length >= 8, `${links.length} links`);
    const entity = async (q) => (await (await fetch(`${replica.url}/wiki/Special:EntityData/${q}.json`)).json()).entities[q];
    for (const l of links) {
      assert.match(l.from, /^Q\d+$/);
      assert.match(l.to, /^Q\d+$/);
      assert.ok(['referenced', 'imported', 'none'].includes(l.sources), l.sources);
      assert.match(l.prop, /^P(22|25|40|26)$/);
      // The statement read is on one of the two items and names the other.
      const [a, b] = await Promise.all([entity(l.from), entity(l.to)]);
      const states = (e, other) => (e.claims[l.prop] ?? []).some((s) => s.mainsnak?.datavalue?.value?.id === other);
      assert.ok(states(a, l.to) || states(b, l.from), `${l.from} ${l.prop} ${l.to}`);
      for (const d of l.doubt ? l.doubt.split(',') : []) assert.match(d, /^Q\d+$/);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
