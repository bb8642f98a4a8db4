// The answer as people read it (issue 18), end to end on the release build against the royal92 replica:
// the headline sentence, the folded status, the relationship charted and selecting another (click and
// keyboard), the chart's cards and one tab stop, the whole tree one click away, history (Back and Forward
// show earlier answers without fetching), questions that cannot be asked, and nothing jumping when the
// answer arrives. Screenshots of every state at 1280×800 and 390×844 go to e2e/artifacts/answer-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, startReplica, launch, openPage, screenshot, waitForState } from '../lib.mjs';
import { twoModes } from '../fixtures/modes.mjs';

const ELIZABETH = 'Q9682';
const PHILIP = 'Q80976';
const VICTORIA = 'Q9439';
const CHRISTIAN = 'Q151305';
const GEORGE_V = 'Q269412';
const NICHOLAS = 'Q40787';
const PHONE = { width: 390, height: 844 };

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

const modes = twoModes();
const { both } = modes;
const link = (params) => modes.link(site.url, params, replica.url);
const shot = (name) => (modes.mode === 'sparql' ? `${name}-sparql` : name);

async function headline(page) {
  return (await page.textContent('[data-testid=headline]')).trim();
}

/** The data-qid of every card in the chart. */
async function chartPeople(page) {
  return page.$$eval('[data-testid=chart] [data-qid]', (els) => els.map((e) => e.dataset.qid));
}

both('the headline says it all; the closest relationship is charted; another one is one click away', async () => {
  const { page, context, errors } = await openPage(browser, link({ people: `${ELIZABETH},${PHILIP}` }));
  try {
    assert.equal(await waitForState(page), 'done');
    assert.match(await headline(page),
      /^Prince Philip, Duke of Edinburgh is Elizabeth II's husband, and also her second cousin once removed, third cousin and fourth cousin\.$/);
    // The search folds into one quiet line.
    const summary = (await page.textContent('[data-testid=summary]')).trim();
    assert.match(summary, /^\d+ (requests?|quer(y|ies)) · [\d.]+ [kM]B · [\d.]+ s · 10 generations searched$/, summary);
    assert.equal(await page.getAttribute('[data-testid=search-details]', 'open'), null, 'details on demand');
    // The closest blood relationship (through Christian IX & Louise) is selected and charted.
    const current = page.locator('li[data-testid=relationship][aria-current=true]');
    assert.equal(await current.count(), 1);
    assert.match(await current.getAttribute('data-ancestors'), new RegExp(CHRISTIAN));
    const cards = await chartPeople(page);
    assert.equal(cards.length, 9, `ancestors 2 + Elizabeth's line 4 + Philip's line 3: ${cards}`);
    for (const q of [CHRISTIAN, ELIZABETH, PHILIP]) assert.ok(cards.includes(q), `${q} in the chart`);
    assert.ok(!cards.includes(VICTORIA), 'no one of another line');
    // Legible without zooming: names at least 12 px, nothing scaled.
    const sizes = await page.$$eval('[data-testid=chart] text.name', (ts) => ts.map((t) => t.getBoundingClientRect().height));
    assert.ok(sizes.length >= 9 && sizes.every((h) => h >= 12), `name heights ${sizes}`);
    // Selecting the Victoria & Albert relationship by keyboard charts it.
    const victoriaLine = page.locator(`li[data-testid=relationship][data-ancestors*="${VICTORIA}"]`);
    await victoriaLine.locator('button.pick').focus();
    await page.keyboard.press('Enter');
    assert.equal(await victoriaLine.getAttribute('aria-current'), 'true');
    await page.waitForFunction((v) => [...document.querySelectorAll('[data-testid=chart] [data-qid]')].some((e) => e.dataset.qid === v), VICTORIA);
    assert.ok(!(await chartPeople(page)).includes(CHRISTIAN), 'the chart changed');
    // And by a click on the line (not on a link), the fourth cousins.
    await page.locator('li[data-testid=relationship]').filter({ hasText: 'fourth cousin' }).click({ position: { x: 300, y: 8 } });
    assert.equal(await page.getAttribute('li[data-testid=relationship][aria-current=true]', 'data-degree'), '4');
    await screenshot(page, shot('answer-relate-1280'));
    // The whole tree is one click away, with the selected relationship's lines highlighted.
    await page.click('[data-testid=show-tree]');
    assert.ok(await page.isVisible('svg[data-testid=tree]'));
    assert.notEqual(await page.getAttribute('.tree-area', 'data-highlight'), '');
    assert.ok(!(await page.isVisible('[data-testid=chart]')));
    await page.click('[data-testid=show-chart]');
    assert.ok(await page.isVisible('[data-testid=chart]'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

both('symmetric relationships read both ways: George V and Nicholas II are first cousins', async () => {
  const { page, context, errors } = await openPage(browser, link({ people: `${GEORGE_V},${NICHOLAS}` }), { viewport: PHONE });
  try {
    assert.equal(await waitForState(page), 'done');
    assert.equal(await headline(page), 'George V and Nicholas II of Russia are first cousins.');
    // On a phone the answer comes first: the headline is on the first screen, the form folded away.
    const box = await page.locator('[data-testid=headline]').boundingBox();
    assert.ok(box && box.y < 300, `headline at ${box?.y}`);
    assert.equal(await page.getAttribute('[data-testid=form-toggle]', 'aria-expanded'), 'false');
    // Two columns of cards fit the phone without scrolling sideways.
    const chart = await page.locator('[data-testid=chart]').boundingBox();
    assert.ok(chart && chart.x >= 0 && chart.x + chart.width <= 390, `chart ${JSON.stringify(chart)}`);
    await screenshot(page, shot('answer-relate-390'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('keyboard: the chart is one tab stop, the arrow keys move between its people, each read with name and dates', async () => {
  const { page, context, errors } = await openPage(browser, link({ people: `${ELIZABETH},${PHILIP}` }));
  try {
    await waitForState(page);
    const stops = await page.$$eval('[data-testid=chart] [data-qid]', (els) => els.filter((e) => e.getAttribute('tabindex') === '0').length);
    assert.equal(stops, 1, 'one tab stop');
    await page.focus('[data-testid=chart] [data-qid][tabindex="0"]');
    const first = await page.evaluate(() => document.activeElement.dataset.qid);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement.dataset.qid);
    assert.notEqual(second, first, 'the arrow moved the focus');
    assert.equal(await page.$$eval('[data-testid=chart] [tabindex="0"]', (els) => els.length), 1, 'still one tab stop');
    // The person in focus is read with name and dates, and shown in the details.
    const said = await page.evaluate(() => document.activeElement.querySelector('title').textContent);
    assert.match(said, /\d{3,4}/, `read with dates: ${said}`);
    await page.waitForSelector('[data-testid=details]');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('history: each question adds an entry; Back and Forward show the answers again without fetching', async () => {
  const { page, context, errors } = await openPage(browser, `${site.url}?lang=en&endpoint=${encodeURIComponent(replica.url)}`);
  try {
    await page.click('[data-testid=preset-0]');
    assert.equal(await waitForState(page), 'done');
    const first = await headline(page);
    assert.match(first, /husband/);
    assert.match(await page.title(), /Elizabeth II & Prince Philip/);
    // A second question, typed into the form: the people of George V and Nicholas II.
    await page.goto(`${site.url}?lang=en&endpoint=${encodeURIComponent(replica.url)}&people=${GEORGE_V},${NICHOLAS}`);
    assert.equal(await waitForState(page), 'done');
    await page.click('[data-testid=preset-0]');
    await waitForState(page);
    await page.waitForFunction(() => /husband/.test(document.querySelector('[data-testid=headline]').textContent));
    await replica.reset();
    await page.goBack();
    await page.waitForFunction(() => /first cousins/.test(document.querySelector('[data-testid=headline]').textContent));
    assert.match(page.url(), new RegExp(`people=${GEORGE_V}(%2C|,)${NICHOLAS}`));
    assert.match(await page.title(), /George V & Nicholas II/);
    await page.goForward();
    await page.waitForFunction(() => /husband/.test(document.querySelector('[data-testid=headline]').textContent));
    const { by_kind: kinds } = await replica.stats();
    const data = Object.entries(kinds).filter(([k]) => k !== 'filepath').reduce((n, [, v]) => n + v, 0);
    assert.equal(data, 0, `nothing fetched again: ${JSON.stringify(kinds)}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

both('a person who does not exist is said at once at their chip; nothing more is crawled; with three people the others are related', async () => {
  await replica.reset();
  const { page, context, errors } = await openPage(browser, link({ people: `${ELIZABETH},Q99999999999` }));
  try {
    assert.equal(await waitForState(page), 'failed');
    assert.match(await headline(page), /^Q99999999999 does not exist on /);
    await page.waitForSelector('[data-qid=Q99999999999] [data-testid=chip-problem]');
    assert.match(await page.textContent('[data-qid=Q99999999999] [data-testid=chip-problem]'), /does not exist/);
    const { by_kind: kinds } = await replica.stats();
    const data = Object.entries(kinds).filter(([k]) => k !== 'filepath').reduce((n, [, v]) => n + v, 0);
    assert.ok(data <= 4, `nothing crawled for an answer that cannot come: ${JSON.stringify(kinds)}`);
    await screenshot(page, shot('answer-failure-1280'));
    // Asked again with a third person: the two who exist are related, the chip still says why.
    await page.goto(link({ people: `${ELIZABETH},Q99999999999,${PHILIP}` }));
    assert.equal(await waitForState(page), 'done');
    assert.ok((await page.$$('li[data-testid=relationship]')).length >= 3, 'Elizabeth II and Philip related');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a question that cannot be asked says what is missing', async () => {
  const base = `${site.url}?lang=en&endpoint=${encodeURIComponent(replica.url)}`;
  for (const [q, want] of [
    [`&people=${ELIZABETH},${ELIZABETH}`, /given twice[\s\S]*two people/],
    [`&people=${ELIZABETH}`, /two people/],
    ['&descendants=1', /root/],
  ]) {
    const { page, context, errors } = await openPage(browser, base + q);
    try {
      await page.waitForSelector('ul[data-testid=messages] li');
      const said = (await page.$$eval('ul[data-testid=messages] li', (ls) => ls.map((l) => l.textContent))).join(' ');
      assert.match(said, want, `${q}: ${said}`);
      assert.equal(await page.getAttribute('[data-testid=progress]', 'data-state'), 'idle', 'nothing crawled');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

test('nothing jumps when the answer arrives (layout shift below 0.05)', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
    const context = await browser.newContext({ viewport });
    await context.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    try {
      await page.goto(link({ people: `${ELIZABETH},${PHILIP}` }));
      await waitForState(page);
      await page.waitForTimeout(500);
      const cls = await page.evaluate(() => window.__cls);
      assert.ok(cls < 0.05, `layout shift ${cls} at ${viewport.width}px`);
    } finally {
      await context.close();
    }
  }
});

test('screenshots: landing, relate, a connection, explore, descendants, a failure — at 1280×800 and 390×844', async () => {
  const base = `${site.url}?lang=en&endpoint=${encodeURIComponent(replica.url)}`;
  const states = [
    ['landing', '', null],
    ['relate', `&people=${ELIZABETH},${PHILIP}`, 'done'],
    ['explore', `&people=${ELIZABETH},${PHILIP}&roots=${VICTORIA},${CHRISTIAN}`, 'done'],
    ['descendants', `&roots=${VICTORIA}&descendants=1`, 'done'],
  ];
  for (const [name, q, state] of states) {
    for (const [size, viewport] of [['1280', { width: 1280, height: 800 }], ['390', PHONE]]) {
      const { page, context, errors } = await openPage(browser, base + q, { viewport });
      try {
        if (state) assert.equal(await waitForState(page), state, name);
        else await page.waitForSelector('[data-testid=run]');
        await screenshot(page, `answer-${name}-${size}`);
        assert.deepEqual(errors, [], name);
      } finally {
        await context.close();
      }
    }
  }
});
