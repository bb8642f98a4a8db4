// Reliability under network faults: the replica answers 429 (Retry-After: 1), 500, 503, hangs, cuts
// answers off or answers slowly, or is stopped mid-crawl and restarted. For each: no page error, no
// blank page, a clear final state and message, retries bounded (counted on both sides) and backing
// off, what was fetched kept, politeness kept, and the answer right whenever the data allows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStatic, startReplica, launch, waitForState, screenshot } from '../lib.mjs';
import {
  distDir, watch, assertHealthy, outcome, relationships, failures, assertElizabethPhilip,
  assertPolite, requestsPerId, VICTORIA, CHRISTIAN_IX,
} from '../fixtures/support.mjs';

const EP = 'people=Q9682,Q80976';
let browser;
let site;
before(async () => { browser = await launch(); site = await serveStatic(distDir, '/'); });
after(async () => { await browser?.close(); await site?.close(); });

/** Starts a replica with `args`, runs `query` against it to its end; returns everything to check. */
async function runAgainst(args, query, { wait = 60000 } = {}) {
  const replica = await startReplica(['--latency-ms', '10', ...args]);
  const t0 = Date.now();
  // Portraits are answered by the test: the faults then hit only the app's own requests, and the
  // replica's counts compare one to one with the page's.
  const w = await watch(browser, `${site.url}?${query}&endpoint=${replica.url}`, { endpoint: replica.url, portraits: 'local' });
  await waitForState(w.page, ['done', 'failed', 'cancelled'], wait);
  const elapsed = Date.now() - t0;
  const stats = await replica.stats();
  return { replica, w, elapsed, stats, ...(await outcome(w.page)) };
}

/**
 * The answer is right where the data allows: every relationship shown is one of the three true ones,
 * and if any is missing, the page says people could not be fetched and lists them.
 */
async function assertRightOrExplained(page) {
  const fails = await failures(page);
  if (fails.length === 0) return assertElizabethPhilip(page);
  // Some ancestors could not be loaded: the page must say so, and every true line it still shows
  // must be exactly right. (A line through an older common ancestor may appear when the nearer one
  // on that side was lost; it is then true of what was loaded, and explained by the failures.)
  assert.match(await page.textContent('[data-testid=status]'), /could not be fetched/);
  const rels = await relationships(page);
  const truth = { [VICTORIA]: 'cousin 3/0 4/4', [CHRISTIAN_IX]: 'cousin 2/1 4/3' };
  for (const [q, want] of Object.entries(truth)) {
    const r = rels.find((x) => x.ancestors.includes(q));
    if (r) assert.equal(`${r.kind} ${r.degree}/${r.removed} ${r.ga}/${r.gb}`, want, r.text);
  }
  for (const r of rels) assert.ok(['cousin', 'aunt-uncle', 'niece-nephew'].includes(r.kind), r.text);
}

/**
 * For every id, the wait between a 429/503 answer for it (complete, browser clock) and the next
 * request for it. `timed` is `w.timed()`.
 */
function retryGaps(timed, statuses = [429, 503]) {
  const gaps = [];
  const perId = new Map();
  for (const r of timed) for (const q of r.ids) (perId.get(q) ?? perId.set(q, []).get(q)).push(r);
  for (const list of perId.values()) {
    const sorted = [...list].sort((a, b) => a.t0 - b.t0);
    for (let i = 0; i + 1 < sorted.length; i++) {
      if (statuses.includes(sorted[i].status)) {
        gaps.push({ attempt: i + 1, gap: Math.round(sorted[i + 1].t0 - sorted[i].t1), ids: sorted[i].ids });
      }
    }
  }
  return gaps;
}

/** Failures only for ids that got `status` 3 times; the others that got it were fetched on a retry. */
function assertLostOnlyAfterThree(fails, requests, status, stats) {
  const lost = new Set(fails.map((f) => f.qid));
  for (const f of fails) {
    const got = requests.filter((r) => r.ids.includes(f.qid) && r.status === status).length;
    assert.equal(got, 3, `${f.qid} given up after ${got} answers ${status}: ${f.text}`);
  }
  const retried = new Set(requests.filter((r) => r.status === status).flatMap((r) => r.ids));
  for (const q of retried) {
    if (lost.has(q)) continue;
    // Fetched on a retry — or, while it waited, the search found it no longer needed (e.g. every
    // asked person's line above it was already covered), so it was dropped: then it was not asked
    // for again and is not reported as a failure either.
    const attempts = requests.filter((r) => r.ids.includes(q));
    const fetched = attempts.some((r) => r.status === 200);
    assert.ok(fetched || attempts.length < 3, `${q} neither fetched after its ${status} nor given up cleanly`);
  }
  // Every 429/503 the page saw came from the server, not the browser's cache.
  assert.equal(stats.by_status[String(status)], requests.filter((r) => r.status === status).length,
    `the replica answered every ${status} the page saw`);
}

test('429 on every request: Retry-After honoured, 3 attempts per id, then a clear failure', async () => {
  const { replica, w, elapsed, stats, state, status } = await runAgainst(['--fault', '429:1'], EP);
  try {
    assert.equal(state, 'failed');
    assert.match(status, /429 Too Many Requests \(3 attempts\)/);
    const fails = await failures(w.page);
    assert.deepEqual(fails.map((f) => f.qid).sort(), ['Q80976', 'Q9682']);
    for (const f of fails) assert.match(f.text, /kept answering HTTP 429/);
    // Bounded: exactly 3 attempts per id, seen from the page.
    const per = requestsPerId(w.requests);
    assert.deepEqual([...per.values()], [3, 3], `attempts per id: ${[...per]}`);
    // Retry-After: 1 honoured: each retry waits at least 1 s after the 429, never much longer.
    const timed = await w.timed();
    assert.ok(timed.every((r) => r.t0 !== null), 'every request has its browser timing');
    const gaps = retryGaps(timed, [429]);
    assert.equal(gaps.length, 4, 'two retries for each of the two ids');
    for (const g of gaps) {
      assert.ok(g.gap >= 990, `retry ${g.attempt} of ${g.ids} waited ${g.gap} ms >= Retry-After 1 s`);
      assert.ok(g.gap < 5000, `retry ${g.attempt} of ${g.ids} waited ${g.gap} ms, bounded`);
    }
    assert.ok(elapsed < 20000, `ended in ${elapsed} ms`);
    await assertPolite(stats, 6, { requests: w.requests });
    await assertHealthy(w, { allowNetworkErrors: true });
    await screenshot(w.page, 'faults-429-all');
    // Every attempt reached the server. Regression test for bug 2 (fixed): the replica used to
    // mark its 429 page `Cache-Control: public, max-age=3600` and the app retried through the HTTP
    // cache, so attempts 2 and 3 never left the browser (the replica counted 2 requests, not 6).
    assert.equal(stats.by_status['429'], w.requests.length, `replica saw ${stats.requests} of ${w.requests.length} requests`);
  } finally {
    await w.context.close(); await replica.stop();
  }
});

test('429 on a fifth of requests: retried after Retry-After, everyone held back, answer right', async () => {
  const { replica, w, elapsed, stats, state, status } = await runAgainst(['--fault', '429:0.2', '--seed', '3'], EP);
  try {
    assert.equal(state, 'done', status);
    assert.ok(stats.faults['429'] >= 3, `some 429s were served (${JSON.stringify(stats.faults)})`);
    const per = requestsPerId(w.requests);
    assert.ok(Math.max(...per.values()) <= 3, 'at most 3 attempts for any id');
    const timed = await w.timed();
    const gaps = retryGaps(timed, [429]);
    assert.ok(gaps.length >= 3, 'retries happened');
    for (const g of gaps) assert.ok(g.gap >= 990 && g.gap < 10000, `retry of ${g.ids} after ${g.gap} ms`);
    // The whole crawl holds back after a 429: no new request starts within the Retry-After second
    // after the 429 was read. Grace: 150 ms, in which an answer that completed just before the 429
    // (and was being parsed when it arrived) may still start its round of requests — the app handles
    // one answer at a time. Also after an id's last (third) 429 (bug 9 of e2e/README.md, fixed:
    // that 429 used not to hold the crawl back).
    for (const r429 of timed.filter((r) => r.status === 429)) {
      const early = timed.filter((r) => r.t0 > r429.t1 + 150 && r.t0 < r429.t1 + 990);
      const attempt = Math.max(...r429.ids.map((q) => timed.filter((r) => r.ids.includes(q) && r.t0 <= r429.t0).length));
      assert.deepEqual(early.map((r) => `+${Math.round(r.t0 - r429.t1)} ms ${r.ids.join('|')}`), [],
        `nothing sent within 1 s of the 429 for ${r429.ids.join('|')} (its attempt ${attempt})`);
    }
    await assertRightOrExplained(w.page);
    assert.ok(elapsed < 60000);
    await assertPolite(stats, 6, { requests: w.requests });
    await assertHealthy(w, { allowNetworkErrors: true });
    // An id is given up only after 3 real 429s (each reaching the server — bug 2, fixed, had the
    // browser cache answer the retries); every other id that met a 429 got its answer on a retry.
    assertLostOnlyAfterThree(await failures(w.page), w.requests, 429, stats);
  } finally {
    await w.context.close(); await replica.stop();
  }
});

test('500: not retried, the failed people are listed with the status in words, the rest is kept', async () => {
  const { replica, w, stats, state, status } = await runAgainst(['--fault', '500:0.05', '--seed', '2'], EP);
  try {
    assert.equal(state, 'done', status);
    assert.ok(stats.faults['500'] >= 1, 'a 500 was served');
    const fails = await failures(w.page);
    assert.ok(fails.length >= 1, 'the ids of the 500 are listed');
    for (const f of fails) assert.match(f.text, /HTTP 500 Internal Server Error/);
    assert.match(status, /could not be fetched/);
    const per = requestsPerId(w.requests);
    assert.equal(Math.max(...per.values()), 1, 'a 500 is not retried');
    assert.equal(w.requests.length, stats.requests - (stats.by_kind.filepath ?? 0));
    await assertRightOrExplained(w.page);
    await assertPolite(stats, 6, { requests: w.requests });
    await assertHealthy(w, { allowNetworkErrors: true });
  } finally {
    await w.context.close(); await replica.stop();
  }
});

test('500 on every request: failed, both people named, one request each', async () => {
  const { replica, w, stats, state, status } = await runAgainst(['--fault', '500:1'], EP);
  try {
    assert.equal(state, 'failed');
    assert.match(status, /Q9682 failed: HTTP 500/);
    assert.match(status, /Q80976 failed: HTTP 500/);
    assert.equal(stats.requests, 2);
    assert.equal(await w.page.$$eval('li[data-testid=relationship]', (l) => l.length), 0);
    await assertHealthy(w, { allowNetworkErrors: true });
  } finally {
    await w.context.close(); await replica.stop();
  }
});

test('503: retried with growing backoff, at most 3 attempts, answer right', async () => {
  const { replica, w, elapsed, stats, state, status } = await runAgainst(['--fault', '503:0.15', '--seed', '5'], EP);
  try {
    assert.equal(state, 'done', status);
    assert.ok(stats.faults['503'] >= 2, `503s were served (${JSON.stringify(stats.faults)})`);
    const per = requestsPerId(w.requests);
    assert.ok(Math.max(...per.values()) <= 3, 'at most 3 attempts for any id');
    // The replica's 503 has no Retry-After: the app's own backoff, 2 s then 4 s.
    const gaps = retryGaps(await w.timed(), [503]);
    assert.ok(gaps.length >= 2, 'retries happened');
    for (const g of gaps) {
      const least = g.attempt === 1 ? 1990 : 3990;
      assert.ok(g.gap >= least && g.gap < 15000, `retry ${g.attempt} of ${g.ids} after ${g.gap} ms (>= ${least})`);
    }
    await assertRightOrExplained(w.page);
    assert.ok(elapsed < 60000);
    await assertPolite(stats, 6, { requests: w.requests });
    await assertHealthy(w, { allowNetworkErrors: true });
    assertLostOnlyAfterThree(await failures(w.page), w.requests, 503, stats);
  } finally {
    await w.context.close(); await replica.stop();
  }
});

test('hanging requests: given up after timeout=2 s, retried once, answer right', async () => {
  const { replica, w, elapsed, stats, state, status } = await runAgainst(['--fault', 'hang:0.1', '--seed', '3'], `${EP}&timeout=2`);
  try {
    assert.equal(state, 'done', status);
    assert.ok(stats.faults.hang >= 1, 'some requests hung');
    const per = requestsPerId(w.requests);
    assert.ok(Math.max(...per.values()) <= 2, 'a timed-out id is tried twice at most');
    // (The fault can also hit a portrait request, which the browser owns; count the app's own.)
    const abandoned = w.requests.filter((r) => r.failure);
    assert.ok(abandoned.length >= 1, `${abandoned.length} hung data requests were abandoned`);
    for (const r of abandoned) {
      const took = r.end - r.start;
      assert.ok(took >= 1500 && took < 4000, `a hung request was abandoned after ${took} ms (timeout 2 s)`);
    }
    for (const f of await failures(w.page)) assert.match(f.text, /timed out twice/);
    await assertRightOrExplained(w.page);
    assert.ok(elapsed < 30000, `ended in ${elapsed} ms`);
    await assertPolite(stats, 6, { requests: w.requests });
    await assertHealthy(w, { allowNetworkErrors: true });
  } finally {
    await w.context.close(); await replica.stop();
  }
});

test('truncated answers: retried once, failures said in words, answer right where data allows', async () => {
  const { replica, w, stats, state, status } = await runAgainst(['--fault', 'truncate:0.2', '--seed', '4'], EP);
  try {
    assert.equal(state, 'done', status);
    assert.ok(stats.faults.truncate >= 3, 'answers were cut off');
    const per = requestsPerId(w.requests);
    assert.ok(Math.max(...per.values()) <= 2, 'a cut-off id is tried twice at most');
    await assertRightOrExplained(w.page);
    // A cut-off answer is served twice at most (the retry).
    await assertPolite(stats, 6, { maxServedPerId: 2, requests: w.requests });
    await assertHealthy(w, { allowNetworkErrors: true });
    const fails = await failures(w.page);
    for (const f of fails) {
      assert.match(f.text, /failed twice/);
      // Bug 3 (fixed): the server was reached; the answer was cut off, and must be called so.
      assert.doesNotMatch(f.text, /could not be reached/, 'a cut-off answer is not called unreachable');
    }
  } finally {
    await w.context.close(); await replica.stop();
  }
});

test('slow answers (10× latency): nothing abandoned, answer right', async () => {
  const { replica, w, stats, state, status } = await runAgainst(['--fault', 'slow:0.3', '--latency-ms', '30'], EP);
  try {
    assert.equal(state, 'done', status);
    assert.ok(stats.faults.slow >= 5, 'some answers were slow');
    assert.deepEqual(w.requests.filter((r) => r.failure), [], 'no request abandoned');
    assert.equal(Math.max(...requestsPerId(w.requests).values()), 1);
    await assertElizabethPhilip(w.page);
    await assertPolite(stats, 6, { requests: w.requests });
    await assertHealthy(w);
  } finally {
    await w.context.close(); await replica.stop();
  }
});

test('replica stopped mid-crawl: clear end, fetched kept and shown; restarted on the same port: re-run succeeds', async () => {
  // Slow enough (250 ms per answer) to stop it half-way.
  const replica = await startReplica(['--latency-ms', '250']);
  const port = new URL(replica.url).port;
  let second;
  const w = await watch(browser, `${site.url}?${EP}&timeout=5&endpoint=${replica.url}`, { endpoint: replica.url });
  try {
    await w.page.waitForFunction(() => Number(document.querySelector('[data-testid=progress]')?.dataset.fetched) >= 15,
      null, { timeout: 30000 });
    const before = await replica.stats();
    await replica.stop();
    const state = await waitForState(w.page, ['done', 'failed', 'cancelled'], 30000);
    const { status } = await outcome(w.page);
    assert.ok(['done', 'failed'].includes(state), state);
    assert.match(status, /could not be fetched|failed/, status);
    // What was fetched is kept and shown: figures, the tree, and the people who could not be loaded.
    const fetched = Number(await w.page.getAttribute('[data-testid=progress]', 'data-fetched'));
    assert.ok(fetched >= before.distinct_ids_served - 12 && fetched >= 15, `fetched ${fetched}`);
    const drawn = await w.page.$$eval('g.person[data-qid]', (g) => g.length);
    assert.ok(drawn >= 2, `the tree shows what was loaded (${drawn} people)`);
    const fails = await failures(w.page);
    assert.ok(fails.length >= 1, 'the ids that could not be fetched are listed');
    for (const f of fails) assert.match(f.text, /failed twice: network error/);
    const per = requestsPerId(w.requests);
    assert.ok(Math.max(...per.values()) <= 2, 'a refused request is retried once');
    await assertPolite(before, 6, { requests: w.requests });
    await screenshot(w.page, 'faults-replica-stopped');
    await assertHealthy(w, { allowNetworkErrors: true });

    // Restart on the same port; the same page asks again and gets the whole answer.
    second = await startReplica(['--latency-ms', '10'], { port: Number(port) });
    assert.equal(second.url, replica.url);
    const fetchedBefore = new Set(w.requests.filter((r) => r.status === 200 && r.end && !r.failure).flatMap((r) => r.ids));
    w.errors.length = 0;
    await w.page.click('[data-testid=run]');
    await w.page.waitForFunction(() => document.querySelector('[data-testid=progress]')?.dataset.state === 'running',
      null, { timeout: 10000 }).catch(() => {});
    assert.equal(await waitForState(w.page, ['done', 'failed', 'cancelled'], 30000), 'done');
    await assertElizabethPhilip(w.page);
    assert.deepEqual(await failures(w.page), [], 'nothing failed after the restart');
    const after = await second.stats();
    const refetched = Object.keys(after.served_per_id ?? {}).filter((q) => fetchedBefore.has(q));
    assert.deepEqual(refetched, [], 'what was fetched before the stop is not fetched again');
    await assertPolite(after, 6, { requests: w.requests });
    await assertHealthy(w);
    await screenshot(w.page, 'faults-replica-restarted');
  } finally {
    await w.context.close(); await replica.stop(); await second?.stop();
  }
});
