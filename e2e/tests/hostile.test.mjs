// Hostile input: names, descriptions and image file names from the data that carry markup, script
// URLs, `../` paths, 10,000 characters, right-to-left and combining characters and emoji; hostile URL
// parameters; and the Content-Security-Policy that backs it all up. Everything must be shown as text,
// nothing may execute (no dialog, no CSP violation, no injected element), and the layout must hold.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic, startReplica, launch, waitForState, screenshot, artifacts } from '../lib.mjs';
import {
  distDir, watch, assertHealthy, outcome, relationships, assertElizabethPhilip, assertPolite,
  hostileGedcom, tempFiles, HOSTILE, pageConcurrency as pageConcurrencyOf,
} from '../fixtures/support.mjs';

let browser;
let site;
let files;
let hostile; // replica on the hostile GEDCOM
let royal; // replica on royal92
let labels; // qid → label, as the hostile replica serves them
let baseline; // vertical overflow of the empty page, in px
before(async () => {
  browser = await launch();
  site = await serveStatic(distDir, '/');
  files = await tempFiles({ 'hostile.ged': hostileGedcom() });
  hostile = await startReplica(['--latency-ms', '5'], { gedcom: files.paths['hostile.ged'], qids: null });
  royal = await startReplica(['--latency-ms', '5']);
  labels = Object.fromEntries((await hostile.people()).map((p) => [p.qid, p.label]));
  // How far the page overflows the window with no data at all (should be 0; see bug 6): hostile data
  // must not make it any worse.
  const w = await watch(browser, `${site.url}?endpoint=${royal.url}`);
  await w.page.waitForSelector('[data-testid=endpoint]');
  baseline = await w.page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  await w.context.close();
});
after(async () => {
  await browser?.close(); await site?.close();
  await hostile?.stop(); await royal?.stop(); await files?.cleanup();
});

/** Bidirectional embedding/override/isolate controls, which the app may drop from labels (bug 7). */
const bidi = /[\u202A-\u202E\u2066-\u2069]/g;
/** `text` shows `label` verbatim, with or without its bidi controls. */
const shows = (text, label) => text.includes(label) || text.replace(bidi, '').includes(label.replace(bidi, ''));
const same = (a, b) => a === b || a.replace(bidi, '') === b.replace(bidi, '');

/** Nothing from the data became markup: no handler attributes, no script/iframe/img/foreign svg. */
async function assertNoInjectedMarkup(page) {
  const found = await page.evaluate(() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${el.tagName}[${a.name}]`);
        if (/^(href|src|xlink:href|action|formaction)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) {
          bad.push(`${el.tagName}[${a.name}=${a.value.slice(0, 40)}]`);
        }
      }
    }
    const scripts = [...document.scripts].filter((s) => !/wasmBindings|TrunkApplicationStarted/.test(s.textContent) && !s.src);
    if (scripts.length) bad.push(`inline scripts: ${scripts.length}`);
    for (const sel of ['iframe', 'img', 'object', 'embed', 'foreignObject', 'svg svg[onload]', 'form[action]']) {
      const n = document.querySelectorAll(sel).length;
      if (n) bad.push(`${sel}: ${n}`);
    }
    return bad;
  });
  assert.deepEqual(found, [], 'no element or attribute came from the data');
}

/** The page does not overflow the window, and the details panel (if shown) stays inside the canvas. */
async function assertLayoutIntact(page, what) {
  // The tree is one click away from the chart: its room is what is measured.
  if (await page.isVisible('[data-testid=show-tree]')) await page.click('[data-testid=show-tree]');
  const m = await page.evaluate(() => {
    const r = (s) => document.querySelector(s)?.getBoundingClientRect()?.toJSON();
    return {
      vw: innerWidth, vh: innerHeight,
      sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight,
      top: document.scrollingElement.scrollTop,
      canvas: r('.canvas'), details: r('[data-testid=details]'), header: r('header.top'),
    };
  });
  assert.ok(m.sw <= m.vw + 1, `${what}: no horizontal overflow (${m.sw} > ${m.vw})`);
  assert.ok(m.sh - m.vh <= Math.max(baseline, 0) + 1,
    `${what}: the data does not make the page taller (overflow ${m.sh - m.vh} px, empty page ${baseline} px)`);
  assert.ok(m.header.bottom > 0 && m.top <= Math.max(baseline, 0) + 1, `${what}: the header stays in view (scrolled ${m.top} px)`);
  assert.ok(m.canvas.height > 200, `${what}: the tree keeps its room (${m.canvas.height}px)`);
  if (m.details) {
    assert.ok(m.details.top >= m.canvas.top - 1 && m.details.bottom <= m.canvas.bottom + 1,
      `${what}: the details panel stays inside the tree area (${Math.round(m.details.top)}–${Math.round(m.details.bottom)} vs ${Math.round(m.canvas.top)}–${Math.round(m.canvas.bottom)})`);
  }
}

test('hostile names, descriptions and image names: shown as text, nothing runs, exports stay data', async () => {
  // Rtl (I5, Q900000004) and Tpl (I6, Q900000005) are first cousins through Sire (I1) & Dame (I2).
  const w = await watch(browser, `${site.url}?people=Q900000004,Q900000005&endpoint=${hostile.url}`, { endpoint: hostile.url });
  try {
    assert.equal(await waitForState(w.page), 'done');
    const [rel] = await relationships(w.page);
    assert.equal(rel.kind, 'cousin');
    assert.equal(rel.degree, 1);
    assert.deepEqual(rel.ancestors.sort(), ['Q900000000', 'Q900000001']);
    // The words carry the hostile labels verbatim, as text.
    for (const q of ['Q900000000', 'Q900000001', 'Q900000004', 'Q900000005']) {
      assert.ok(shows(rel.text, labels[q]), `the words show ${q}'s label as text: ${labels[q].slice(0, 60)}`);
    }
    assert.ok(rel.text.includes(HOSTILE.svg) && rel.text.includes(HOSTILE.img) && rel.text.includes(HOSTILE.emoji));
    const linkTexts = await w.page.$$eval('li[data-testid=relationship] a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    assert.equal(linkTexts.length, 2);
    assert.ok(same(linkTexts[0][0], labels.Q900000000) && same(linkTexts[1][0], labels.Q900000001), 'the ancestor links show the labels');
    for (const [, href] of linkTexts) assert.match(href, new RegExp(`^${hostile.url}/wiki/Q9000000\\d\\d$`));
    // Chips: the labels, as text.
    await w.page.waitForFunction(() => document.querySelectorAll('[data-testid=chip] .chip-text').length === 2);
    const chips = await w.page.$$eval('[data-testid=chip] .chip-text', (c) => c.map((x) => x.textContent));
    assert.ok(same(chips[0], labels.Q900000004) && same(chips[1], labels.Q900000005), `chips: ${chips}`);
    // Portraits: the endpoint's Special:FilePath with the file name percent-encoded — no `../`, no
    // `javascript:`, no quote breaking out of the attribute.
    const images = await w.page.$$eval('svg[data-testid=tree] image', (is) => is.map((i) => i.getAttribute('href')));
    assert.ok(images.length >= 4, `${images.length} portraits`);
    for (const src of images) {
      assert.ok(src.startsWith(`${hostile.url}/wiki/Special:FilePath/`), src);
      const file = src.slice(`${hostile.url}/wiki/Special:FilePath/`.length).split('?')[0];
      assert.doesNotMatch(file, /[/"<>\\ ]|\.\.\//, `file name encoded: ${file}`);
    }
    assert.ok(images.some((s) => s.includes('..%2F..%2F')), 'the ../ path is kept as an encoded name');
    // The tree cards: labels as attribute text and SVG text, never elements.
    const cardLabels = await w.page.$$eval('g.person a > title', (ts) => ts.map((t) => t.textContent));
    assert.ok(cardLabels.some((t) => t.includes(HOSTILE.img)), 'the <img onerror> label is the card title\'s text');
    assert.ok(cardLabels.some((t) => t.includes(HOSTILE.svg)), 'the "><svg onload> label is the card title\'s text');
    const cardNames = await w.page.$$eval('g.person text.name', (ts) => ts.map((t) => t.textContent));
    assert.ok(cardNames.some((t) => t.startsWith('Sire <img')), `names as SVG text: ${cardNames}`);
    // Details on focus (in the whole tree, one click away from the chart): name and description as text.
    await w.page.click('[data-testid=show-tree]');
    await w.page.focus('g.person[data-qid=Q900000000] a');
    await w.page.waitForSelector('[data-testid=details]');
    assert.ok(same(await w.page.textContent('[data-testid=details] h3'), labels.Q900000000));
    assert.ok((await w.page.textContent('[data-testid=details]')).includes(HOSTILE.script));
    await assertNoInjectedMarkup(w.page);
    await assertLayoutIntact(w.page, 'hostile cousins');
    await screenshot(w.page, 'hostile-cousins');

    // Exports are data too: the SVG escapes every label; JSON carries them as strings.
    const [svgDl] = await Promise.all([w.page.waitForEvent('download'), w.page.click('[data-testid=export-svg]')]);
    const svg = await readFile(await svgDl.path(), 'utf8');
    assert.ok(!svg.includes('<script') && !svg.includes('<img') && !svg.includes('<svg onload'), 'no markup from the data in the SVG');
    assert.ok(svg.includes('Sire &lt;img src=x onerror=alert(&quot;img&quot;)&gt;'), 'the <img onerror> label is escaped text');
    assert.ok(svg.includes('Dame &quot;&gt;&lt;svg onload=alert(&quot;svg&quot;)&gt;'), 'the "><svg onload> label is escaped text');
    // Parsed as the XML it is (in a blank page: the app's CSP would report the SVG's own <style>):
    // well formed, no script element, no handler attribute anywhere.
    const blank = await w.context.newPage();
    const parsed = await blank.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const all = [...doc.querySelectorAll('*')];
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        scripts: doc.querySelectorAll('script, foreignObject, iframe').length,
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
        labels: [...doc.querySelectorAll('g.person a > title')].map((t) => t.textContent),
      };
    }, svg);
    await blank.close();
    assert.equal(parsed.error, null, 'the exported SVG is well-formed XML');
    assert.equal(parsed.scripts, 0);
    assert.deepEqual(parsed.handlers, [], 'no event handler attribute');
    assert.ok(parsed.labels.some((t) => t.includes(HOSTILE.img)), 'the hostile text survives as text');
    const [jsonDl] = await Promise.all([w.page.waitForEvent('download'), w.page.click('[data-testid=export-json]')]);
    const json = JSON.parse(await readFile(await jsonDl.path(), 'utf8'));
    assert.ok(json.persons.some((p) => p.description === HOSTILE.script), 'the JSON keeps the description as a string');
    assert.ok(json.persons.some((p) => same(p.label ?? '', labels.Q900000001)), 'and the label');
    // The PNG export draws the SVG through a blob: image, which the CSP allows.
    const [pngDl] = await Promise.all([w.page.waitForEvent('download'), w.page.click('[data-testid=export-png]')]);
    const png = await readFile(await pngDl.path());
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
    assert.ok(png.length > 2000, `${png.length} bytes`);

    await assertPolite(await hostile.stats(), 6, { requests: w.requests });
    await assertHealthy(w);
  } finally {
    await w.context.close();
  }
});

test('a 10,000-character name, right-to-left and combining text: layout intact', async () => {
  await hostile.reset();
  // Longname (I3, Q900000002, 10,000 characters; RTL description) and Zalgo (I4) are siblings.
  const w = await watch(browser, `${site.url}?people=Q900000002,Q900000003&endpoint=${hostile.url}`, { endpoint: hostile.url });
  try {
    assert.equal(await waitForState(w.page), 'done');
    const [rel] = await relationships(w.page);
    assert.equal(rel.kind, 'sibling');
    assert.ok(shows(rel.text, labels.Q900000002), 'the whole long name is in the words');
    assert.ok(labels.Q900000002.length > 10000);
    // Tree cards show the name on two lines at most, cut with "…" (the whole name is the card's title).
    const shown = await w.page.$$eval('g.person[data-qid=Q900000002] text.name', (ts) => ts.map((t) => t.textContent));
    assert.ok(shown.length <= 2 && shown.every((l) => l.length <= 20) && shown.at(-1).endsWith('…'), `card name clipped: ${shown}`);
    const title = await w.page.$eval('g.person[data-qid=Q900000002] a > title', (t) => t.textContent);
    assert.ok(title.length >= 150 && shows(labels.Q900000002, title.replace(/…$/, '').slice(0, 150)),
      'the name is the card title (as long as the details show it)');
    await assertNoInjectedMarkup(w.page);
    await assertLayoutIntact(w.page, 'long name, nothing selected');
    await screenshot(w.page, 'hostile-long-name');
    await assertHealthy(w);
    // The details of the long-named person. Bug 1 (fixed): the panel used to
    // show all 10,000 characters, grow over the header and the answer and scroll the page.
    await w.page.focus('g.person[data-qid=Q900000002] a');
    await w.page.waitForSelector('[data-testid=details]');
    await screenshot(w.page, 'hostile-long-name-details');
    await assertLayoutIntact(w.page, 'long name, details shown');
  } finally {
    await w.context.close();
  }
});

test('an unbalanced right-to-left override in a label does not reverse the words around it', async () => {
  await hostile.reset();
  // Spoof (I7, Q900000006) is named "Spoof \u202Eeman" and is Tpl's (I6) first cousin.
  const w = await watch(browser, `${site.url}?people=Q900000006,Q900000005&endpoint=${hostile.url}`, { endpoint: hostile.url });
  try {
    assert.equal(await waitForState(w.page), 'done');
    const [rel] = await relationships(w.page);
    assert.equal(`${rel.kind} ${rel.degree}`, 'cousin 1');
    assert.ok(shows(rel.text, labels.Q900000006), 'the label is shown (its override may be dropped)');
    await assertNoInjectedMarkup(w.page);
    await assertHealthy(w);
    await w.page.locator('li[data-testid=relationship]').screenshot({ path: join(artifacts, 'hostile-bidi.png') });
    await screenshot(w.page, 'hostile-bidi-page');
    // Where the words "first cousin" and "through" are drawn: left to right, as written.
    const order = await w.page.evaluate(() => {
      const li = document.querySelector('li[data-testid=relationship]');
      const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
      const xs = {};
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const word of ['first cousin', 'through']) {
          const i = n.textContent.indexOf(word);
          if (i < 0 || xs[word]) continue;
          const at = (k) => { const r = document.createRange(); r.setStart(n, k); r.setEnd(n, k + 1); return r.getBoundingClientRect(); };
          const a = at(i);
          const b = at(i + word.length - 1);
          xs[word] = { first: a.x, last: b.x, sameLine: Math.abs(a.y - b.y) < 2 };
        }
      }
      return xs;
    });
    // Bug 7 (fixed by stripping bidi controls): the override used to run on past the name.
    for (const [word, p] of Object.entries(order)) {
      if (p.sameLine) assert.ok(p.first < p.last, `"${word}" is drawn left to right (first letter at ${p.first}, last at ${p.last})`);
    }
    assert.equal(Object.keys(order).length, 2, 'both words found');
  } finally {
    await w.context.close();
  }
});

test('layout: the page fits the window (no outer scroll bar)', async () => {
  // Bug 6 (fixed): .layout was calc(100vh - 3.2rem) under a taller header.
  assert.ok(baseline <= 1, `the empty page is ${baseline} px taller than the window`);
});

test('URL: malformed Q-ids are skipped with a message, the valid ones run', async () => {
  const bad = ['Qx', 'Q012', 'foo', '<script>alert(1)</script>', 'P31', '%00'];
  const people = encodeURIComponent([...bad, 'Q9682', 'Q80976'].join(','));
  const w = await watch(browser, `${site.url}?people=${people}&endpoint=${royal.url}`, { endpoint: royal.url });
  try {
    assert.equal(await waitForState(w.page), 'done');
    await assertElizabethPhilip(w.page);
    assert.deepEqual(await w.page.$$eval('[data-testid=chip]', (c) => c.map((x) => x.dataset.qid)), ['Q9682', 'Q80976']);
    await assertNoInjectedMarkup(w.page);
    await assertHealthy(w);
    // Bug 5 (fixed): the on-load run used to clear the URL's messages.
    const msgs = await w.page.$$eval('ul[data-testid=messages] li', (l) => l.map((x) => x.textContent));
    assert.ok(msgs.some((m) => m.includes('“Qx” in people is not a Wikidata item id like Q42: skipped.')), `messages: ${msgs.join(' | ')}`);
    assert.ok(msgs.some((m) => /3 more malformed ids in people skipped/.test(m)), `messages: ${msgs.join(' | ')}`);
  } finally {
    await w.context.close();
  }
});

test('URL: 1,000 ids are cut to the first 12 with a message; the page stays responsive', async () => {
  await royal.reset();
  const ids = Array.from({ length: 1000 }, (_, i) => `Q${900000000 + i * 3}`);
  const w = await watch(browser, `${site.url}?people=${ids.join(',')}&endpoint=${royal.url}&timeout=10`, { endpoint: royal.url });
  try {
    assert.deepEqual(await w.page.$$eval('[data-testid=chip]', (c) => c.map((x) => x.dataset.qid)), ids.slice(0, 12));
    const state = await waitForState(w.page, ['done', 'failed', 'cancelled'], 60000);
    assert.ok(['done', 'failed'].includes(state), state);
    const { status } = await outcome(w.page);
    assert.ok(status.length > 10, status);
    // The 12 kept were all asked for.
    const asked = new Set(w.requests.flatMap((r) => r.ids));
    for (const q of ids.slice(0, 12)) assert.ok(asked.has(q), `${q} was fetched`);
    await assertPolite(await royal.stats(), 6, { requests: w.requests });
    // The URL now holds the 12 kept.
    const url = new URL(w.page.url());
    assert.equal(url.searchParams.get('people').split(',').length, 12);
    await assertHealthy(w);
    // Bug 5 (fixed): the on-load run used to clear this message.
    const msgs = await w.page.$$eval('ul[data-testid=messages] li', (l) => l.map((x) => x.textContent));
    assert.ok(msgs.includes('Too many people: the first 12 are kept, 988 more dropped.'), `messages: ${msgs.join(' | ')}`);
  } finally {
    await w.context.close();
  }
});

for (const [name, endpoint, words] of [
  ['javascript:', 'javascript:alert(document.domain)', /Only http and https endpoints are allowed, not “javascript:”/],
  ['data:', 'data:text/html,<script>alert(1)</script>', /Only http and https endpoints are allowed, not “data:”/],
  ['file:', 'file:///etc/passwd', /Only http and https endpoints are allowed, not “file:”/],
  ['protocol-relative', '//evil.example', /not a URL|not an absolute URL|Only http/],
  ['credentials', 'http://user:pass@127.0.0.1:9', /must not contain a user name or password/],
  ['spaces and markup', 'http://127.0.0.1:9/"><img src=x onerror=alert(1)>', /must not contain spaces/],
]) {
  test(`URL: endpoint=${name} is refused with a message, nothing is fetched or run`, async () => {
    const w = await watch(browser, `${site.url}?people=Q9682,Q80976&endpoint=${encodeURIComponent(endpoint)}`);
    try {
      await w.page.waitForSelector('ul[data-testid=messages] li');
      const msgs = await w.page.$$eval('ul[data-testid=messages] li', (l) => l.map((x) => x.textContent));
      assert.ok(msgs.some((m) => m.startsWith('The endpoint was refused and Wikidata is used instead:') && words.test(m)), msgs.join(' | '));
      // Not run on load (a refused part means the question waits for the user), no badge; the only
      // requests are the chips' labels from Wikidata, as the message says (unreachable offline).
      await w.page.waitForTimeout(300);
      assert.equal(await w.page.getAttribute('[data-testid=progress]', 'data-state'), 'idle');
      assert.equal(await w.page.$('[data-testid=endpoint]'), null, 'no "Data from …" badge');
      for (const r of w.requests) assert.ok(r.url.startsWith('https://www.wikidata.org/w/api.php?'), r.url);
      await assertNoInjectedMarkup(w.page);
      await assertHealthy(w, { allowNetworkErrors: true });
    } finally {
      await w.context.close();
    }
  });
}

test('URL: an endpoint path with markup is shown as text only', async () => {
  // Accepted by the parser (a path is allowed), so it must be harmless wherever it is shown or used.
  const endpoint = `${royal.url}/x"><svg/onload=alert(1)>`;
  const w = await watch(browser, `${site.url}?people=Q9682,Q80976&timeout=3&endpoint=${encodeURIComponent(endpoint)}`);
  try {
    const state = await waitForState(w.page, ['done', 'failed', 'cancelled', 'idle'], 30000);
    const badge = await w.page.$('[data-testid=endpoint]');
    if (badge) assert.ok((await badge.textContent()).includes('"><svg/onload=alert(1)>'), 'shown as text');
    const msgs = await w.page.$$eval('ul[data-testid=messages] li', (l) => l.map((x) => x.textContent));
    assert.ok(badge || msgs.length, `either shown as text or refused with a message (${state})`);
    await assertNoInjectedMarkup(w.page);
    await assertHealthy(w, { allowNetworkErrors: true });
  } finally {
    await w.context.close();
  }
});

test('URL: unknown parameters are ignored; bad lang/cap/timeout give messages and defaults', async () => {
  const extra = 'foo=bar&utm_source=x&__proto__%5Bx%5D=1&constructor=1&people2=Q1';
  let w = await watch(browser, `${site.url}?people=Q9682,Q80976&endpoint=${royal.url}&${extra}`, { endpoint: royal.url });
  try {
    assert.equal(await waitForState(w.page), 'done');
    await assertElizabethPhilip(w.page);
    assert.deepEqual(await w.page.$$eval('ul[data-testid=messages] li', (l) => l.length), 0, 'no message for unknown parameters');
    await assertHealthy(w);
  } finally {
    await w.context.close();
  }
  const bad = `lang=${encodeURIComponent('"><script>alert(1)</script>')}&cap=999&timeout=abc`;
  w = await watch(browser, `${site.url}?people=Q9682,Q80976&endpoint=${royal.url}&${bad}`, { endpoint: royal.url });
  try {
    assert.equal(await waitForState(w.page), 'done');
    await assertElizabethPhilip(w.page);
    assert.ok(w.requests.every((r) => new URL(r.url).searchParams.get('languages')?.startsWith('en')));
    assert.ok(pageConcurrencyOf(w.requests) <= 6, 'the default cap is used');
    await assertNoInjectedMarkup(w.page);
    await assertHealthy(w);
    // Bug 5 (fixed): the on-load run used to clear these messages.
    const msgs = await w.page.$$eval('ul[data-testid=messages] li', (l) => l.map((x) => x.textContent));
    assert.ok(msgs.some((m) => m.includes('is not a language code like en or de')), `messages: ${msgs.join(' | ')}`);
    assert.ok(msgs.some((m) => m.includes('cap must be a number of requests from 1 to 32: using 6.')), `messages: ${msgs.join(' | ')}`);
    assert.ok(msgs.some((m) => m.includes('timeout must be 1 to 300 seconds')), `messages: ${msgs.join(' | ')}`);
  } finally {
    await w.context.close();
  }
});

test('Content-Security-Policy: present, minimal, and it blocks inline script, eval, inline style and foreign hosts', async () => {
  // The built index.html carries the policy, with the hash of Trunk's inline loader and nothing looser.
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(meta, 'a CSP meta in dist/index.html');
  const policy = Object.fromEntries(meta[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 1, 'one inline script (the loader)');
  const hash = `'sha256-${createHash('sha256').update(inline[0], 'utf8').digest('base64')}'`;
  assert.deepEqual(policy['default-src'], ["'none'"]);
  assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'", hash], 'script-src: self, wasm and the loader hash');
  assert.deepEqual(policy['style-src'], ["'self'"]);
  assert.deepEqual(policy['object-src'], ["'none'"]);
  assert.deepEqual(policy['base-uri'], ["'none'"]);
  assert.deepEqual(policy['form-action'], ["'none'"]);
  // Any https Wikibase the user chose (issue: other Wikibases for real), loopback for the replica.
  assert.deepEqual(policy['connect-src'], ["'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*']);
  for (const h of ['https:', 'http://127.0.0.1:*', 'blob:']) {
    assert.ok(policy['img-src'].includes(h), `img-src allows ${h}`);
  }
  // https: is allowed for connecting and images only; nothing else is loose.
  const httpsOk = (d) => d === 'connect-src' || d === 'img-src';
  const loose = Object.entries(policy).flatMap(([d, v]) => v.filter((t) =>
    ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'ws:', 'wss:'].includes(t)
    || (t === 'https:' && !httpsOk(d))
    || (/^(script|style|connect|default)-src$/.test(d) && ['data:', 'blob:'].includes(t))).map((t) => `${d} ${t}`));
  assert.deepEqual(loose, [], 'nothing loose');
  // The CSP meta comes before the loader, so it governs it.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));

  // In the page, after a full run (which itself caused no violation): try what an injection would do.
  const w = await watch(browser, `${site.url}?people=Q9682,Q80976&endpoint=${royal.url}`, { endpoint: royal.url });
  try {
    assert.equal(await waitForState(w.page), 'done');
    await assertElizabethPhilip(w.page);
    await assertHealthy(w);
    const tried = await w.page.evaluate(async () => {
      const out = {};
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.body.append(s);
      out.inline = window.__inlineRan === true;
      const div = document.createElement('div');
      div.innerHTML = '<img src="x" onerror="window.__handlerRan = true">';
      document.body.append(div);
      await new Promise((r) => setTimeout(r, 200));
      out.handler = window.__handlerRan === true;
      try { out.eval = eval('1 + 1') === 2; } catch (e) { out.eval = e.name; }
      try { out.fn = new Function('return 1')() === 1; } catch (e) { out.fn = e.name; }
      const styled = document.createElement('p');
      styled.setAttribute('style', 'color: rgb(255, 0, 0)');
      document.body.append(styled);
      out.style = getComputedStyle(styled).color;
      try { await fetch('http://example.org/steal'); out.fetch = 'sent'; } catch (e) { out.fetch = e.name; }
      const a = document.createElement('a');
      a.href = 'javascript:window.__jsUrlRan = true';
      document.body.append(a);
      a.click();
      await new Promise((r) => setTimeout(r, 200));
      out.jsUrl = window.__jsUrlRan === true;
      return out;
    });
    assert.equal(tried.inline, false, 'an injected inline <script> does not run');
    assert.equal(tried.handler, false, 'an injected onerror handler does not run');
    assert.equal(tried.eval, 'EvalError', 'eval is refused');
    assert.equal(tried.fn, 'EvalError', 'new Function is refused');
    assert.notEqual(tried.style, 'rgb(255, 0, 0)', 'an inline style attribute is refused');
    assert.equal(tried.fetch, 'TypeError', 'a request to a plain-http foreign host is refused');
    assert.equal(tried.jsUrl, false, 'a javascript: URL does not run');
    const violations = (await w.csp()).map((v) => v.directive);
    for (const d of ['script-src-elem', 'script-src-attr', 'script-src', 'style-src-attr', 'connect-src']) {
      assert.ok(violations.includes(d), `a ${d} violation was reported: ${violations}`);
    }
    assert.deepEqual(w.dialogs, []);
  } finally {
    await w.context.close();
  }
});
