// Figures 1–4: the real app in headless Chromium crawling the replica, timed from "run" to done.
import { median } from './util.mjs';

const FINAL = ['done', 'failed', 'cancelled'];

/**
 * Recorded in the page from its first script on: when `[data-testid=progress]` turns `running`
 * (the app sets it in the same task as it starts the crawl) and when it reaches a final state,
 * then two animation frames later (the answer and tree painted).
 */
function pageProbe(final) {
  try { performance.setResourceTimingBufferSize(100000); } catch { /* old browser */ }
  const b = { running: null, done: null, end: null, painted: null, states: [] };
  window.__bench = b;
  const attach = () => {
    const el = document.querySelector('[data-testid=progress]');
    if (!el) return false;
    const note = () => {
      const s = el.getAttribute('data-state');
      const t = performance.now();
      b.states.push([s, Math.round(t)]);
      if (s === 'running' && b.running === null) b.running = t;
      if (final.includes(s) && b.running !== null && b.done === null) {
        b.done = t;
        b.end = s;
        requestAnimationFrame(() => requestAnimationFrame(() => { b.painted = performance.now(); }));
      }
    };
    note();
    new MutationObserver(note).observe(el, { attributes: true, attributeFilter: ['data-state'] });
    return true;
  };
  const mo = new MutationObserver(() => { if (attach()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true });
}

/**
 * The chain of responses that gated the end: from the last entity response back, each request's
 * predecessor is the latest response that had arrived when it was sent (the answer that released
 * it). Returns the chain (oldest first).
 */
export function criticalPath(entries) {
  if (entries.length === 0) return [];
  let cur = entries.reduce((a, e) => (e.end > a.end ? e : a));
  const chain = [cur];
  for (;;) {
    let pred = null;
    for (const e of entries) {
      if (e !== cur && e.end <= cur.start + 0.5 && (!pred || e.end > pred.end)) pred = e;
    }
    if (!pred) break;
    chain.push(pred);
    cur = pred;
  }
  return chain.reverse();
}

/**
 * The testbed's own floor for a critical path: the same URLs fetched one after another by a
 * bare page (no app work between them), in a fresh context. Returns the time in ms.
 */
export async function replayChain(browser, siteUrl, urls) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(siteUrl);
    return await page.evaluate(async (list) => {
      const t0 = performance.now();
      for (const u of list) await (await fetch(u, { cache: 'no-store' })).arrayBuffer();
      return performance.now() - t0;
    }, urls);
  } finally {
    await context.close();
  }
}

/**
 * One crawl in a fresh browser context (nothing cached). With `sparql`, the page is given the
 * replica's query service (`sparql=<replica>/sparql`; pass `fetch: 'sparql'`) and its queries count
 * as crawl requests beside any entity JSON it reads.
 */
export async function crawlOnce(browser, siteUrl, replica, { query, cap, fetch, net, replay = false, sparql = false }, timeoutMs = 120000) {
  await replica.reset();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(pageProbe, FINAL);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const sizes = new Map();
    page.on('response', (r) => {
      const u = r.url();
      if (u.startsWith(replica.url)) {
        const len = Number(r.headers()['content-length']);
        if (Number.isFinite(len)) sizes.set(u, len);
      }
    });
    const params = new URLSearchParams(query);
    params.set('endpoint', replica.url);
    params.set('cap', String(cap));
    params.set('fetch', fetch);
    if (sparql) params.set('sparql', `${replica.url}/sparql`);
    params.set('timeout', '30');
    params.set('lang', 'en');
    await page.goto(`${siteUrl}?${params}`);
    await page.waitForFunction(() => window.__bench?.painted != null, null, { timeout: timeoutMs });
    const probe = await page.evaluate(() => window.__bench);
    const attrs = await page.$eval('[data-testid=progress]', (e) => Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])));
    const stats = await replica.stats();
    const rels = await page.$$eval('li[data-testid=relationship]', (l) => l.length);
    const reached = await page.$$eval('ul[data-testid=reached] li', (l) => l.length);
    const fellBack = (await page.$('ul[data-testid=fallbacks]')) !== null;
    const origin = replica.url;
    const pattern = sparql ? 'wbgetentities|Special:EntityData|/sparql' : 'wbgetentities|Special:EntityData';
    const entries = (await page.evaluate(([o, pat]) => performance.getEntriesByType('resource')
      .filter((e) => e.name.startsWith(o) && new RegExp(pat).test(e.name))
      .map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, size: e.encodedBodySize })), [origin, pattern]))
      .filter((e) => e.end > 0 && e.end <= probe.done + 1)
      .map((e) => ({ ...e, bytes: sizes.get(e.name) ?? (e.size > 0 ? e.size : NaN) }));
    const chain = criticalPath(entries);
    const cpBytes = chain.reduce((s, e) => s + e.bytes, 0);
    const levels = Number(attrs['data-chain']);
    const bytesPerMs = (net.bandwidthMbps * 1e6) / 8 / 1000;
    // Where the critical path's time goes: in the app between an answer and the request it
    // released (parse, crawl step, page update), and in the network beyond latency + bytes at the
    // bandwidth (jitter, server work, browser).
    let cpGaps = 0;
    let cpExcess = 0;
    chain.forEach((e, i) => {
      if (i > 0) cpGaps += Math.max(0, e.start - chain[i - 1].end);
      cpExcess += e.end - e.start - net.latencyMs - e.bytes / bytesPerMs;
    });
    const limit = levels * net.latencyMs + cpBytes / bytesPerMs;
    const firstStart = entries.length ? Math.min(...entries.map((e) => e.start)) : NaN;
    const lastEnd = entries.length ? Math.max(...entries.map((e) => e.end)) : NaN;
    // The app starts the crawl in the same task as it renders `running`; the first request can
    // go out a few ms before that render lands, so the run starts at whichever came first.
    const t0 = Number.isFinite(firstStart) ? Math.min(probe.running, firstStart) : probe.running;
    const wall = probe.done - t0;
    const queries = stats.by_kind?.sparql ?? 0;
    const entityRequests = (stats.by_kind?.wbgetentities ?? 0) + (stats.by_kind?.entitydata ?? 0);
    const crawlRequests = entityRequests + (sparql ? queries : 0);
    const non200 = Object.entries(stats.by_status ?? {}).filter(([k]) => k !== '200').reduce((s, [, v]) => s + v, 0);
    const result = {
      end: probe.end,
      wall,
      paint: probe.painted - probe.done,
      levels,
      cpRequests: chain.length,
      cpBytes,
      limit,
      ratio: wall / limit,
      requests: crawlRequests,
      queries,
      entityRequests,
      sparqlPosts: stats.sparql_posts ?? 0,
      fellBack,
      wireBytes: entries.reduce((s, e) => s + (Number.isFinite(e.bytes) ? e.bytes : 0), 0),
      // The longest query's round trip (sent to last byte): latency + server time + transfer.
      queryRt: Math.max(0, ...entries.filter((e) => e.name.includes('/sparql')).map((e) => e.end - e.start)),
      appRequests: Number(attrs['data-requests']),
      bytes: Number(attrs['data-bytes']),
      fetched: Number(attrs['data-fetched']),
      peakInflight: stats.peak_inflight,
      peakQueued: stats.peak_queued,
      maxPerId: stats.max_served_per_id,
      preflight: stats.preflight,
      non200,
      relationships: rels,
      reached,
      startGap: firstStart - t0,
      cpGaps,
      cpExcess,
      tail: probe.done - lastEnd,
      errors,
    };
    await context.close();
    if (replay && chain.length) {
      result.replay = await replayChain(browser, siteUrl, chain.map((e) => e.name));
      result.ratioReplay = wall / result.replay;
    }
    return result;
  } finally {
    await context.close();
  }
}

/** Median of each figure over runs (for the text). */
export function summarise(runs) {
  const pick = (k) => median(runs.map((r) => r[k]));
  return Object.fromEntries(Object.keys(runs[0] ?? {}).filter((k) => typeof runs[0][k] === 'number').map((k) => [k, pick(k)]));
}
