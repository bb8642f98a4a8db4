// Connections through marriage end to end (issue 12): the release build in dist/ against the replica serving
// royal92. Each connection is an li[data-testid=connection] with data-a/-b, data-path, data-links and
// data-term; a marriage of the two people comes first, before the blood relationships; the people of a
// connection are links; its colour is the one of its lines in the tree. Also: first cousins with no far-off
// relationship, an explore under --quirks, and names (never bare Q-ids) in the tree and the lists.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, startReplica, launch, openPage, screenshot, waitForState } from '../lib.mjs';
import { twoModes } from '../fixtures/modes.mjs';

const ELIZABETH = 'Q9682';
const PHILIP = 'Q80976';
const CHARLES = 'Q43274';
const VICTORIA = 'Q9439';
const ALBERT = 'Q152245';
const CHRISTIAN = 'Q151305';
const NICHOLAS = 'Q40787';
const GEORGE_V = 'Q269412';

let browser;
let replica; // royal92, no added latency
let site; // dist/ at /
let ids; // replica Q-ids of GEDCOM people without a real Q-id

before(async () => {
  [browser, replica, site] = await Promise.all([launch(), startReplica([]), serveStatic()]);
  const people = await replica.people();
  const byGedcom = (g) => {
    const p = people.find((x) => x.gedcom_id === g);
    assert.ok(p, `${g} is in the replica`);
    return p.qid;
  };
  ids = {
    diana: byGedcom('I65'), // Diana Frances Spencer, wife of Charles III
    john: byGedcom('I239'), // her father, John Spencer, 8th Earl Spencer
    frances: byGedcom('I93'), // her mother, Frances Burke Roche
    raine: byGedcom('I243'), // her father's second wife
    peter: byGedcom('I804'), // her mother's second husband, Peter Shand Kydd
    brother: byGedcom('I242'), // her brother Charles Spencer
    louise: byGedcom('I226'),
    ludwig: byGedcom('I484'),
    henriette: byGedcom('I485'),
    georgeI: byGedcom('I341'), // George I of Great Britain
  };
});

after(async () => {
  await browser?.close();
  await replica?.stop();
  await site?.close();
});

// Every test runs twice: reading entity JSON, and reading the replica's query service (the answers must
// be the same).
const modes = twoModes();
const { both } = modes;

/** The share link of a question on a replica, in this mode. */
const shareLink = (params, endpoint = replica.url) => modes.link(site.url, params, endpoint);

/** Every connection and relationship of the answer, in the order shown. */
async function answerItems(page) {
  return page.$$eval(
    '[data-testid=answer] li[data-testid=connection], [data-testid=answer] li[data-testid=relationship]',
    (lis) => lis.map((li) => ({
      testid: li.dataset.testid, a: li.dataset.a, b: li.dataset.b,
      path: li.dataset.path?.split(','), links: li.dataset.links?.split(','), term: li.dataset.term,
      kind: li.dataset.kind, degree: Number(li.dataset.degree), removed: Number(li.dataset.removed),
      ga: Number(li.dataset.ga), gb: Number(li.dataset.gb), ancestors: li.dataset.ancestors?.split(',').sort(),
      colour: [...li.classList].find((c) => /^k\d+$/.test(c)),
      border: getComputedStyle(li).borderLeftColor,
      linked: [...li.querySelectorAll('a[data-qid]')].map((x) => ({ qid: x.dataset.qid, text: x.textContent })),
      text: li.textContent,
    })),
  );
}

/** Opens a question, waits for it to end `done`; returns the page and what the answer shows. */
async function ask(params, opts = {}) {
  const opened = await openPage(browser, shareLink(params, opts.endpoint));
  const { page } = opened;
  assert.equal(await waitForState(page, ['done', 'failed', 'cancelled'], 60000), 'done',
    await page.textContent('[data-testid=status]'));
  const items = await answerItems(page);
  return {
    ...opened,
    items,
    conns: items.filter((i) => i.testid === 'connection'),
    rels: items.filter((i) => i.testid === 'relationship'),
  };
}

const bareQid = (s) => /^\s*Q\d+\s*$/.test(s);

/** The connection's hooks agree with each other, its people are links with names, its colour is styled. */
function assertWellFormed(c) {
  assert.equal(c.path[0], c.a, JSON.stringify(c));
  assert.equal(c.path.at(-1), c.b, JSON.stringify(c));
  assert.equal(c.links.length, c.path.length - 1, JSON.stringify(c));
  for (const l of c.links) assert.ok(['parent', 'child', 'spouse'].includes(l), JSON.stringify(c));
  assert.ok(c.links.includes('spouse'), `a connection through marriage: ${JSON.stringify(c)}`);
  assert.ok(c.colour, `a colour class: ${JSON.stringify(c)}`);
  assert.notEqual(c.border, 'rgb(153, 153, 153)', `the colour class is styled: ${JSON.stringify(c)}`);
  // Everyone in the chain is a link, but the parent two siblings share (a parent step then a child step):
  // the chain stands for the siblings, through either parent.
  const linked = new Set(c.linked.map((l) => l.qid));
  const apex = (i) => i > 0 && c.links[i - 1] === 'parent' && c.links[i] === 'child';
  for (const [i, q] of c.path.entries()) {
    if (!apex(i)) assert.ok(linked.has(q), `${q} is a link in ${JSON.stringify(c)}`);
  }
  for (const l of c.linked) assert.ok(!bareQid(l.text) && l.text.length > 1, `a name, not ${l.text}`);
  assert.doesNotMatch(c.text, /\bQ\d+\b/, 'no bare Q-id in the words');
}

/** The one connection of `a` to `b`, with its term and links. */
function only(conns, a, b) {
  const mine = conns.filter((c) => c.a === a && c.b === b);
  assert.ok(mine.length >= 1, `a connection of ${a} to ${b}: ${JSON.stringify(conns)}`);
  for (const c of conns) assertWellFormed(c);
  return mine;
}

/** The `<path class="rel cN">` of colour N in the tree, and its computed stroke. */
async function treeStroke(page, colour) {
  return page.$$eval(`svg[data-testid=tree] path.rel.${colour.replace('k', 'c')}`,
    (ps) => ps.map((p) => ({ d: p.getAttribute('d'), stroke: getComputedStyle(p).stroke })));
}

both('Diana and Elizabeth II: daughter-in-law one way, mother-in-law the other, drawn in the colour of the line', async () => {
  const one = await ask({ people: `${ELIZABETH},${ids.diana}` });
  try {
    const [c] = only(one.conns, ELIZABETH, ids.diana);
    assert.equal(c.term, 'daughter-in-law');
    assert.deepEqual(c.links, ['child', 'spouse']);
    assert.deepEqual(c.path, [ELIZABETH, CHARLES, ids.diana]);
    // The words name a and b; the one between them follows, as a link, like a relationship's ancestors.
    assert.equal(c.text.trim(), "Diana Frances Spencer is Elizabeth II's daughter-in-law — through Charles III");
    // The line Elizabeth II → Charles III carries the connection's colour, the same as its list item's.
    const strokes = await treeStroke(one.page, c.colour);
    assert.ok(strokes.length >= 1 && strokes.every((s) => s.d.length > 0), JSON.stringify(strokes));
    assert.equal(strokes[0].stroke, c.border, 'the tree line and the list item have one colour');
    // The marriage of Charles III and Diana is drawn between their cards.
    await assertCoupleDrawn(one.page, CHARLES, ids.diana);
    // How far the search looked, discreetly, with names.
    const searched = await one.page.textContent('[data-testid=connections-searched]');
    assert.match(searched, /^Connections through marriage were searched up to \d+ links between Elizabeth II and Diana/);
    await screenshot(one.page, 'connections-diana');
    assert.deepEqual(one.errors, []);
  } finally {
    await one.context.close();
  }
  const other = await ask({ people: `${ids.diana},${ELIZABETH}` });
  try {
    const [c] = only(other.conns, ids.diana, ELIZABETH);
    assert.equal(c.term, 'mother-in-law');
    assert.deepEqual(c.links, ['spouse', 'parent']);
    assert.deepEqual(c.path, [ids.diana, CHARLES, ELIZABETH]);
    assert.equal(c.text.trim(), "Elizabeth II is Diana Frances Spencer's mother-in-law — through Charles III");
    assert.deepEqual(other.errors, []);
  } finally {
    await other.context.close();
  }
});

both('Philip and Diana: daughter-in-law', async () => {
  const { conns, context, errors } = await ask({ people: `${PHILIP},${ids.diana}` });
  try {
    const [c] = only(conns, PHILIP, ids.diana);
    assert.equal(c.term, 'daughter-in-law');
    assert.deepEqual(c.links, ['child', 'spouse']);
    assert.deepEqual(c.path, [PHILIP, CHARLES, ids.diana]);
    assert.equal(c.text.trim(),
      "Diana Frances Spencer is Prince Philip, Duke of Edinburgh's daughter-in-law — through Charles III");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** The couple line between two drawn people: a horizontal segment from one card's side to the other's. */
async function assertCoupleDrawn(page, x, y) {
  const drawn = await page.evaluate(([p, q]) => {
    const at = (id) => {
      const g = document.querySelector(`svg[data-testid=tree] g.person[data-qid="${id}"]`);
      const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(g?.getAttribute('transform') ?? '');
      const card = g?.querySelector('.card');
      return m && { x: Number(m[1]), y: Number(m[2]), w: Number(card.getAttribute('width')), h: Number(card.getAttribute('height')) };
    };
    const path = document.querySelector('svg[data-testid=tree] path.couple');
    return { a: at(p), b: at(q), d: path?.getAttribute('d') ?? '', stroke: path && getComputedStyle(path).stroke,
      width: path && getComputedStyle(path).strokeWidth };
  }, [x, y]);
  assert.ok(drawn.a && drawn.b, `both drawn: ${JSON.stringify(drawn)}`);
  const [l, r] = drawn.a.x <= drawn.b.x ? [drawn.a, drawn.b] : [drawn.b, drawn.a];
  const segments = [...drawn.d.matchAll(/M([-\d.]+) ([-\d.]+)H([-\d.]+)/g)].map((m) => m.slice(1).map(Number));
  const near = (u, v) => Math.abs(u - v) <= 1;
  assert.ok(segments.some(([x0, y0, x1]) => near(x0, l.x + l.w) && near(y0, l.y + l.h / 2) && near(x1, r.x)),
    `a couple line between ${x} and ${y}: ${JSON.stringify({ l, r, segments: segments.length })}`);
  assert.ok(drawn.stroke && drawn.stroke !== 'none' && parseFloat(drawn.width) >= 1.5, JSON.stringify(drawn));
}

both('Elizabeth II and Philip: husband first, then the three blood relationships', async () => {
  const { page, items, conns, rels, context, errors } = await ask({ people: `${ELIZABETH},${PHILIP}` });
  try {
    assert.equal(items[0].testid, 'connection', `the marriage comes first: ${JSON.stringify(items.map((i) => i.testid))}`);
    const [c] = only(conns, ELIZABETH, PHILIP);
    assert.equal(c, items[0]);
    assert.deepEqual(c.links, ['spouse']);
    assert.deepEqual(c.path, [ELIZABETH, PHILIP]);
    assert.equal(c.term, 'husband');
    assert.equal(c.text.trim(), "Prince Philip, Duke of Edinburgh is Elizabeth II's husband.");
    // The blood relationships are still all there, after it, with their hooks.
    assert.equal(rels.length, 3, JSON.stringify(rels));
    const sameSet = (list, wanted) => [...list].sort().join(',') === [...wanted].sort().join(',');
    const find = (ancestors) => {
      const r = rels.find((x) => sameSet(x.ancestors, ancestors));
      assert.ok(r, `a relationship through ${ancestors}: ${JSON.stringify(rels.map((x) => x.ancestors))}`);
      assert.equal(r.kind, 'cousin');
      return [r.degree, r.removed, r.ga, r.gb];
    };
    assert.deepEqual(find([CHRISTIAN, ids.louise]), [2, 1, 4, 3]);
    assert.deepEqual(find([VICTORIA, ALBERT]), [3, 0, 4, 4]);
    assert.deepEqual(find([ids.ludwig, ids.henriette]), [4, 0, 5, 5]);
    assert.ok(rels.every((r) => r.colour !== c.colour), 'the marriage has a colour of its own');
    await assertCoupleDrawn(page, ELIZABETH, PHILIP);
    // Where the searches stopped, with names, under its own title — not among the problems in the data.
    const limits = await page.$$eval('ul[data-testid=limits] li', (lis) => lis.map((li) => li.textContent));
    assert.deepEqual(limits, [
      'Ancestors of Elizabeth II were searched up to 10 generations; older ones were not.',
      'Ancestors of Prince Philip, Duke of Edinburgh were searched up to 10 generations; older ones were not.',
    ]);
    assert.equal(await page.$eval('ul[data-testid=limits]', (ul) => ul.previousElementSibling?.textContent),
      'Where the search stopped');
    assert.equal(await page.$('ul[data-testid=problems]'), null, 'a search limit is not a problem in the data');
    assert.equal(await page.$('ul[data-testid=fallbacks]'), null, 'entity JSON was asked for: no fallback');
    await screenshot(page, 'connections-married');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

both('step-parents: Raine is Diana\'s stepmother, Peter Shand Kydd her stepfather', async () => {
  for (const [b, term, via] of [[ids.raine, 'stepmother', ids.john], [ids.peter, 'stepfather', ids.frances]]) {
    const { conns, context, errors } = await ask({ people: `${ids.diana},${b}` });
    try {
      const [c] = only(conns, ids.diana, b);
      assert.equal(c.term, term);
      assert.deepEqual(c.links, ['parent', 'spouse']);
      assert.deepEqual(c.path, [ids.diana, via, b]);
      assert.match(c.text, new RegExp(`^.+ is Diana Frances Spencer's ${term} — through (Edward John VIII Spencer|Frances Burke Roche)$`));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

both('sibling-in-law: Charles Spencer is Charles III\'s brother-in-law, Charles III his', async () => {
  for (const [a, b] of [[CHARLES, ids.brother], [ids.brother, CHARLES]]) {
    const { conns, context, errors } = await ask({ people: `${a},${b}` });
    try {
      const mine = only(conns, a, b);
      for (const c of mine) {
        assert.equal(c.term, 'brother-in-law', JSON.stringify(c));
        assert.equal(c.path.length, 4, JSON.stringify(c));
        assert.deepEqual(c.links, a === CHARLES ? ['spouse', 'parent', 'child'] : ['parent', 'child', 'spouse']);
        assert.ok(c.path.includes(ids.diana), JSON.stringify(c));
        const [na, nb] = a === CHARLES ? ['Charles III', 'Charles Spencer'] : ['Charles Spencer', 'Charles III'];
        assert.equal(c.text.trim(), `${nb} is ${na}'s brother-in-law — through Diana Frances Spencer`);
        // Through a parent Diana and her brother share; one line for both parents (the same reading).
        const parent = c.path[a === CHARLES ? 2 : 1];
        assert.ok([ids.john, ids.frances].includes(parent), JSON.stringify(c));
      }
      assert.equal(mine.length, 1, `one line, not one per shared parent: ${JSON.stringify(mine)}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

both('a chain with two marriages: Charles III to Raine, his wife\'s stepmother (no single term)', async () => {
  const { conns, context, errors } = await ask({ people: `${CHARLES},${ids.raine}` });
  try {
    const mine = only(conns, CHARLES, ids.raine);
    const c = mine.find((x) => x.links.join(',') === 'spouse,parent,spouse');
    assert.ok(c, JSON.stringify(mine));
    assert.equal(c.links.filter((l) => l === 'spouse').length, 2);
    assert.equal(c.term, '');
    assert.deepEqual(c.path, [CHARLES, ids.diana, ids.john, ids.raine]);
    // The chain person by person, each a link, in order; John Spencer (fetched for his name only) is
    // still "her father" and "his wife".
    assert.match(c.text, /^Charles III → his wife Diana Frances Spencer → her father Edward John VIII Spencer → his wife Raine of Dartmouth McCorquodale$/);
    assert.deepEqual(c.linked.map((l) => l.qid), c.path);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

both('Nicholas II and George V: first cousins through Christian IX & Louise, nothing through George I', async () => {
  const { rels, conns, context, errors } = await ask({ people: `${NICHOLAS},${GEORGE_V}` });
  try {
    const first = rels.find((r) => r.ancestors.join(',') === [CHRISTIAN, ids.louise].sort().join(','));
    assert.ok(first, JSON.stringify(rels));
    assert.deepEqual([first.kind, first.degree, first.removed, first.ga, first.gb], ['cousin', 1, 0, 2, 2]);
    assert.match(first.text, /^George V is Nicholas II of Russia's first cousin — through Christian IX of Denmark & Louise of Hesse-Cassel$/);
    for (const r of rels) {
      assert.equal(r.a, NICHOLAS);
      assert.equal(r.b, GEORGE_V);
      assert.ok(r.ga + r.gb < 12, `no far-off relationship: ${JSON.stringify(r)}`);
      assert.ok(!r.ancestors.includes(ids.georgeI), `none through George I: ${JSON.stringify(r)}`);
    }
    // Closer by blood (4 links) than any chain through a marriage.
    assert.deepEqual(conns, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

both('--quirks: explore from Victoria reaches Charles III at degree 5, and every card and list shows names', async () => {
  const quirky = await startReplica(['--quirks']);
  try {
    const { page, context, errors } = await ask({ people: CHARLES, roots: VICTORIA }, { endpoint: quirky.url });
    try {
      const reached = await page.$$eval('ul[data-testid=reached] li[data-qid]',
        (lis) => lis.map((li) => ({ qid: li.dataset.qid, degree: li.dataset.degree, text: li.textContent })));
      assert.deepEqual(reached.map((r) => [r.qid, r.degree]), [[CHARLES, '5']], JSON.stringify(reached));
      assert.match(reached[0].text, /^Charles III reached at degree 5$/);
      // Names, never bare ids: every card of the tree, every link of the answer.
      const cards = await page.$$eval('svg[data-testid=tree] g.person[data-qid]',
        (gs) => gs.map((g) => ({ qid: g.dataset.qid, name: g.querySelector('.name')?.textContent ?? '' })));
      assert.ok(cards.length >= 6, `the line from Victoria to Charles III is drawn: ${cards.length} cards`);
      for (const c of cards) assert.ok(!bareQid(c.name) && c.name.length > 1, `a name on the card of ${c.qid}: ${c.name}`);
      const links = await page.$$eval('[data-testid=answer] a[data-qid]', (as) => as.map((a) => a.textContent));
      for (const l of links) assert.ok(!bareQid(l), `a name in the answer: ${l}`);
      await screenshot(page, 'connections-explore-quirks');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  } finally {
    await quirky.stop();
  }
});
