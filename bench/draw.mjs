// Figure 6: drawing at scale. In the page, `bench_draw` builds a synthetic royal-like pedigree
// (wikikin_kinship::synthetic::royal_like), lays it out with the app's options, renders the app's
// SVG markup and puts it into the page's g[data-testid=viewport]; we then fit it to the view
// and wait two animation frames (painted). Then pan/zoom frame times at one size through the
// app's own handlers (real mouse input from Playwright).
import { median, quantile } from './util.mjs';

/** Runs in the page: one drawing of about `n` people. */
async function drawInPage({ n, seed }) {
  const w = window.wasmBindings;
  const raf = () => new Promise((ok) => requestAnimationFrame(ok));
  await raf();
  await raf();
  const t0 = performance.now();
  const svg = document.querySelector('svg[data-testid=tree]');
  const g = document.querySelector('g[data-testid=viewport]');
  // The view size before the drawing goes in (no forced layout of the new markup).
  const box = svg.getBoundingClientRect();
  const r = w.bench_draw(n, seed, true);
  const tInserted = performance.now();
  // Fit the whole drawing into the view, as the app does for a new answer.
  const [width, height] = [r[9], r[10]];
  const k = Math.max(0.02, Math.min(1, (box.width - 48) / Math.max(1, width), (box.height - 48) / Math.max(1, height)));
  g.setAttribute('transform', `translate(${(box.width - width * k) / 2} ${(box.height - height * k) / 2}) scale(${k})`);
  // Style and layout of the new markup, forced here so that it is timed apart from painting.
  void g.getBBox();
  void document.body.getBoundingClientRect().height;
  const t1 = performance.now();
  await raf();
  await raf();
  const t2 = performance.now();
  return {
    people: r[0], boxes: r[1], edges: r[2], generate: r[3], layout: r[4], answer: r[5], markup: r[6],
    insert: r[7], bytes: r[8], width, height, rows: r[11], k,
    styleLayout: t1 - tInserted,
    paint: t2 - t1,
    // From complete data (the pedigree built) to painted.
    total: t2 - t0 - r[3],
    ...window.__drawnIn(g),
  };
}

/**
 * Runs in the page (freshPage installs it as `window.__drawnIn`): how many people a drawing shows. A
 * very large tree from afar (Detail::Dense, crates/wikikin-view/src/dense.rs) draws most people as
 * runs, `rect.run` with `data-people` = how many people each stands for; only the people asked,
 * the roots and the common ancestors stay elements of their own (`.person[data-qid]`).
 */
function drawnIn(g) {
  const own = g.querySelectorAll('.person[data-qid]').length;
  const runs = [...g.querySelectorAll('rect.run')];
  const inRuns = runs.reduce((a, r) => a + Number(r.getAttribute('data-people') || 0), 0);
  return { drawn: own + inRuns, own, runs: runs.length, inRuns };
}

/**
 * Runs in the page: one drawing through the app's own pipeline (`bench_show` sets the page's
 * answer; the tree view picks the level of detail, renders, fits). Timed from the call to the
 * second animation frame after it.
 */
async function showInPage({ n, seed }) {
  const w = window.wasmBindings;
  const raf = () => new Promise((ok) => requestAnimationFrame(ok));
  await raf();
  await raf();
  const g = document.querySelector('g[data-testid=viewport]');
  const t0 = performance.now();
  const r = w.bench_show(n, seed);
  const t1 = performance.now();
  await raf();
  const t2 = performance.now();
  await raf();
  const t3 = performance.now();
  return {
    people: r[0], boxes: r[1], generate: r[2], layout: r[3], answer: r[4], set: r[5],
    // The reactive update (markup, innerHTML, fit) runs before the first frame; the second
    // frame is after the first paint of the drawing.
    render: t2 - t1,
    paint: t3 - t2,
    total: t3 - t0 - r[2],
    ...window.__drawnIn(g),
    transform: g.getAttribute('transform'),
  };
}

/** Whether the page registered its signals for `bench_show` (see src/bench_api.rs). */
async function appPathAvailable(page) {
  return page.evaluate(() => {
    try {
      window.wasmBindings.bench_show(0, 1);
      return true;
    } catch {
      return false;
    }
  });
}

/** Records requestAnimationFrame timestamps until stopped (in the page). */
function startFrames() {
  const frames = [];
  const run = { on: true, frames };
  window.__frameRun = run;
  const tick = (t) => {
    if (!run.on) return;
    frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

function stopFrames() {
  const run = window.__frameRun;
  run.on = false;
  const f = run.frames;
  return f.slice(1).map((t, i) => t - f[i]);
}

async function freshPage(browser, siteUrl, initScript) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(siteUrl);
  await page.evaluate(`window.__drawnIn = ${drawnIn}`);
  await page.waitForFunction(() => window.wasmBindings?.bench_draw && document.querySelector('g[data-testid=viewport]'));
  // The page warms its drawing code up when idle after it starts (src/warm.rs), as it will have
  // long before a real crawl's answer arrives: measure after that, as a user would meet it.
  await page.waitForFunction(() => document.documentElement.dataset.warm !== undefined, null, { timeout: 15000 });
  const warmMs = Number(await page.evaluate(() => document.documentElement.dataset.warm));
  return { context, page, errors, warmMs };
}

/**
 * `reps` drawings of each size, each in a fresh page: `direct` = `bench_draw` (layout, markup
 * for the fitted view, innerHTML, fit; with style+layout timed apart), `app` = `bench_show`
 * through the page's own pipeline (only when the page registered its signals).
 */
export async function drawBench(browser, siteUrl, sizes, reps, mode = 'direct') {
  const out = {};
  for (const n of sizes) {
    out[n] = [];
    for (let i = 0; i < reps; i++) {
      const { context, page, errors, warmMs } = await freshPage(browser, siteUrl);
      try {
        const r = await page.evaluate(mode === 'app' ? showInPage : drawInPage, { n, seed: 7 });
        r.warmUpMs = warmMs;
        if (mode !== 'app') {
          // The same drawing again in the same page: V8 has compiled (and tiered up) the code.
          const again = await page.evaluate(drawInPage, { n, seed: 7 });
          r.warm = again;
        }
        if (errors.length) throw new Error(`page errors while drawing ${n}: ${errors.join('; ')}`);
        // Every box drawn: as its own element, or inside a run of the dense drawing.
        for (const x of [r, r.warm].filter(Boolean)) {
          if (x.drawn !== x.boxes) throw new Error(`drew ${x.drawn} people (${x.own} own elements + ${x.inRuns} in ${x.runs} runs) of ${x.boxes} boxes`);
        }
        out[n].push(r);
      } finally {
        await context.close();
      }
    }
  }
  return out;
}

function frameFigures(intervals) {
  return {
    frames: intervals.length,
    median: median(intervals),
    p95: quantile(intervals, 0.95),
    max: Math.max(...intervals),
    long: intervals.filter((x) => x > 50).length,
  };
}

/**
 * Pan and zoom a drawing of about `n` people through the app's handlers: wheel out to see
 * everything, drag across, wheel in and out; frame intervals while it happens.
 */
export async function interactBench(browser, siteUrl, n, reps) {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const { context, page, errors } = await freshPage(browser, siteUrl);
    try {
      if (await appPathAvailable(page)) return interactApp(browser, siteUrl, n, reps);
      await page.evaluate(drawInPage, { n, seed: 7 });
      const svg = await page.$('svg[data-testid=tree]');
      const b = await svg.boundingBox();
      const cx = b.x + b.width / 2;
      const cy = b.y + b.height / 2;
      await page.mouse.move(cx, cy);
      // Idle frames for reference.
      await page.evaluate(startFrames);
      await page.waitForTimeout(500);
      const idle = frameFigures(await page.evaluate(stopFrames));
      // Zoom out from the app's starting view until the whole tree shows (30 wheel steps).
      const before = await page.getAttribute('g[data-testid=viewport]', 'transform');
      await page.evaluate(startFrames);
      for (let k = 0; k < 30; k++) await page.mouse.wheel(0, 120);
      await page.waitForTimeout(50);
      const zoomOut = frameFigures(await page.evaluate(stopFrames));
      // Drag (pan) across the drawing and back.
      await page.evaluate(startFrames);
      await page.mouse.down();
      for (let k = 0; k < 60; k++) await page.mouse.move(cx + 300 * Math.sin(k / 10), cy + 100 * Math.cos(k / 7));
      await page.mouse.up();
      await page.waitForTimeout(50);
      const pan = frameFigures(await page.evaluate(stopFrames));
      // Zoom in and out about the pointer.
      await page.evaluate(startFrames);
      for (let k = 0; k < 40; k++) await page.mouse.wheel(0, k < 20 ? -120 : 120);
      await page.waitForTimeout(50);
      const zoom = frameFigures(await page.evaluate(stopFrames));
      const after = await page.getAttribute('g[data-testid=viewport]', 'transform');
      if (before === after) throw new Error('pan/zoom did not change the view transform');
      if (errors.length) throw new Error(`page errors while panning: ${errors.join('; ')}`);
      runs.push({ idle, zoomOut, pan, zoom, transform: after });
    } finally {
      await context.close();
    }
  }
  return runs;
}

/**
 * Through the app's pipeline: the drawing starts fitted (overview); wheel in past the overview
 * zoom (full cards re-rendered around the view), drag across (the window follows), wheel back
 * out; frame intervals in each phase, and how many people are drawn in full at the end of each.
 */
async function interactApp(browser, siteUrl, n, reps) {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const { context, page, errors } = await freshPage(browser, siteUrl);
    try {
      const shown = await page.evaluate(showInPage, { n, seed: 7 });
      const svg = await page.$('svg[data-testid=tree]');
      const b = await svg.boundingBox();
      const cx = b.x + b.width / 2;
      const cy = b.y + b.height / 2;
      await page.mouse.move(cx, cy);
      const full = () => page.$$eval('g[data-testid=viewport] g.person[data-qid]', (l) => l.length);
      const phase = async (f) => {
        await page.evaluate(startFrames);
        await f();
        await page.waitForTimeout(100);
        return { ...frameFigures(await page.evaluate(stopFrames)), full: await full() };
      };
      const idle = await phase(() => page.waitForTimeout(500));
      const zoomIn = await phase(async () => { for (let k = 0; k < 25; k++) await page.mouse.wheel(0, -120); });
      const pan = await phase(async () => {
        await page.mouse.down();
        for (let k = 0; k < 60; k++) await page.mouse.move(cx - 15 * k, cy + 60 * Math.sin(k / 6));
        await page.mouse.up();
      });
      const zoomOut = await phase(async () => { for (let k = 0; k < 25; k++) await page.mouse.wheel(0, 120); });
      const after = await page.getAttribute('g[data-testid=viewport]', 'transform');
      if (after === shown.transform) throw new Error('pan/zoom did not change the view transform');
      if (errors.length) throw new Error(`page errors while panning: ${errors.join('; ')}`);
      runs.push({ path: 'app', idle, zoom: zoomIn, pan, zoomOut, transform: after });
    } finally {
      await context.close();
    }
  }
  return runs;
}

/**
 * Drawing at scale (issue 13 §3): `bench_show` of `n` people through the page's own pipeline,
 * `reps` times each in a fresh page, reporting rather than throwing: a page error, a crashed page
 * or a timeout becomes the run's `failure` (with the time it took), so that the sizes the app
 * allows are measured as they are. Adds the page's JS heap (performance.memory) before and after.
 */
export async function drawScaleBench(browser, siteUrl, sizes, reps, { timeoutMs = 300000, log = () => {} } = {}) {
  const out = {};
  // The page's JS heap (performance.memory, as the page sees it; Chromium rounds it) and the wasm
  // linear memory (not in the JS heap), kept from trunk's start event.
  const keepWasm = () => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  const heap = () => ({ js: performance.memory ? performance.memory.usedJSHeapSize : null, wasm: window.__wasm?.memory?.buffer.byteLength ?? null });
  for (const n of sizes) {
    out[n] = [];
    for (let i = 0; i < reps; i++) {
      const t = Date.now();
      let context;
      let run = { n };
      try {
        const fresh = await freshPage(browser, siteUrl, keepWasm);
        context = fresh.context;
        const { page, errors } = fresh;
        let crashed = false;
        page.on('crash', () => { crashed = true; });
        run.heapBefore = await page.evaluate(heap);
        let timer;
        const timeout = new Promise((_, no) => { timer = setTimeout(() => no(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs); });
        const r = await Promise.race([page.evaluate(showInPage, { n, seed: 7 }), timeout]).finally(() => clearTimeout(timer));
        Object.assign(run, r);
        run.heapAfter = await page.evaluate(heap);
        const cdp = await context.newCDPSession(page);
        run.cdpHeap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        run.nodes = (await cdp.send('Performance.enable'), (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'Nodes')?.value);
        run.wall = Date.now() - t;
        if (crashed) run.failure = 'page crashed';
        if (errors.length) run.failure = `pageerror: ${errors.join('; ')}`;
      } catch (e) {
        run.wall = Date.now() - t;
        run.failure = String(e.message || e).split('\n')[0];
      } finally {
        if (context) await context.close().catch(() => {});
      }
      log(`drawscale ${n} #${i + 1}: ${run.failure ? `FAILED (${run.failure}) after ${run.wall} ms` : `total ${run.total.toFixed(0)} ms, ${run.drawn} drawn of ${run.boxes} boxes, JS heap ${(run.heapAfter.js / 1e6).toFixed(0)} MB, wasm ${(run.heapAfter.wasm / 1e6).toFixed(0)} MB`}`);
      out[n].push(run);
    }
  }
  return out;
}
