#!/usr/bin/env node
// The Lighthouse group (issue 18 §7): Lighthouse 12 (bench/package.json, exact pin), mobile profile
// (its defaults: Moto G Power, simulated slow 4G — 150 ms RTT, 1.6 Mbit/s down — and 4× CPU
// slow-down), on the Elizabeth II & Philip share link of the PRODUCTION build, served as a static
// host serves it (every file pre-gzipped, npm http-server -g), against the local replica's query
// service in two settings:
//   cached — the query answered at once (`--query-ms 0`: only the replica's own evaluation);
//   fresh  — 300 ms of server time per query (`--query-ms 300`, WDQS on a query it has not cached).
// Medians over --reps runs (3 by default), a fresh Chromium each run. Prints one table, writes it to
// bench/lighthouse.md and every run's figures to bench/results/lighthouse.json (reports in
// bench/results/lighthouse/, not committed).
//
//   bash bench/run.sh --only lighthouse [--reps 3]      # builds target/lh-dist first
//   LH_DIST=dist node bench/lighthouse.mjs --reps 1     # any production build
//
// Chromium is Debian's (/usr/bin/chromium, CHROME_PATH); nothing is downloaded.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startReplica, launch, royalGed, royalQids } from '../e2e/lib.mjs';
import { machine, median, table } from './util.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const REPS = Number(arg('--reps', 3));
const SETTINGS = arg('--settings', 'cached,fresh').split(',');
const dist = process.env.LH_DIST ? resolve(process.env.LH_DIST) : join(repo, 'target', 'lh-dist');
const lhBin = join(here, 'node_modules', '.bin', 'lighthouse');
const httpServerBin = join(here, 'node_modules', '.bin', 'http-server');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu';
const outDir = join(here, 'results', 'lighthouse');
const started = Date.now();
const loadStart = (await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ');
const log = (...a) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);

// Elizabeth II & Philip, as the README's share link names them, on the replica's query service.
const QUESTION = 'people=Q9682,Q80976';

async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** A copy of dist/ with `x.gz` (gzip -9) beside every compressible file, as a host that pre-compresses. */
function preGzip(from, to) {
  rmSync(to, { recursive: true, force: true });
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(from);
  const sizes = [];
  for (const f of files) {
    const rel = relative(from, f);
    const dst = join(to, rel);
    mkdirSync(dirname(dst), { recursive: true });
    copyFileSync(f, dst);
    if (/\.(html|js|mjs|wasm|css|svg|json|txt|xml|webmanifest)$/.test(f)) {
      const raw = readFileSync(f);
      const gz = gzipSync(raw, { level: 9 });
      writeFileSync(`${dst}.gz`, gz);
      sizes.push({ file: rel, raw: raw.length, gzip: gz.length });
    } else {
      sizes.push({ file: rel, raw: statSync(f).size, gzip: null });
    }
  }
  return sizes;
}

async function startStatic(dir) {
  const port = await freePort();
  // -g: serve x.gz for x when the request accepts gzip; -c600: GitHub Pages' max-age.
  const child = spawn(httpServerBin, [dir, '-g', '-p', String(port), '-a', '127.0.0.1', '-c600', '-s'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const done = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await done;
    },
  };
}

function runLighthouse(url, outPath) {
  return new Promise((ok, fail) => {
    const args = [url, '--output=json', `--output-path=${outPath}`, `--chrome-flags=${CHROME_FLAGS}`,
      '--only-categories=performance,accessibility,best-practices,seo', '--quiet'];
    const child = spawn(lhBin, args, { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`lighthouse exited ${code}: ${err.slice(-2000)}`))));
  });
}

/** The figures of one Lighthouse report. */
function figures(lhr) {
  const a = lhr.audits;
  const num = (id) => a[id]?.numericValue ?? null;
  const lcpEl = a['largest-contentful-paint-element']?.details?.items ?? [];
  const node = lcpEl[0]?.items?.[0]?.node ?? null;
  // LCP phases (TTFB, load delay, load time, render delay) when Lighthouse gives them.
  const phases = {};
  for (const it of lcpEl[1]?.items ?? []) phases[it.phase] = it.timing;
  const requests = a['network-requests']?.details?.items ?? [];
  const wasm = requests.find((r) => /\.wasm(\?|$)/.test(r.url));
  const query = requests.find((r) => /\/sparql\?/.test(r.url));
  const failing = {};
  for (const [cat, c] of Object.entries(lhr.categories)) {
    failing[cat] = c.auditRefs
      .filter((ref) => ref.weight > 0 || cat !== 'performance')
      .map((ref) => a[ref.id])
      .filter((x) => x && x.score !== null && x.score < 1 && !['notApplicable', 'informative', 'manual'].includes(x.scoreDisplayMode))
      .map((x) => ({ id: x.id, weight: lhr.categories[cat].auditRefs.find((r) => r.id === x.id)?.weight ?? 0, title: x.title, score: x.score, display: x.displayValue ?? '', items: (x.details?.items ?? []).slice(0, 5).map((i) => i.node?.selector ?? i.url ?? i.source?.url ?? i.description ?? '').filter(Boolean) }));
  }
  const metrics = a.metrics?.details?.items?.[0] ?? {};
  const longTasks = (a['long-tasks']?.details?.items ?? []).slice(0, 5).map((t) => ({ url: t.url, start: t.startTime, duration: t.duration }));
  return {
    scores: Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, c.score])),
    fcp: num('first-contentful-paint'),
    lcp: num('largest-contentful-paint'),
    tbt: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    si: num('speed-index'),
    tti: num('interactive'),
    observed: { fcp: metrics.observedFirstContentfulPaint, lcp: metrics.observedLargestContentfulPaint, load: metrics.observedLoad, cls: metrics.observedCumulativeLayoutShift },
    lcpElement: node ? { selector: node.selector, label: node.nodeLabel, snippet: node.snippet } : null,
    lcpPhases: phases,
    bootup: num('bootup-time'),
    mainThread: num('mainthread-work-breakdown'),
    totalBytes: num('total-byte-weight'),
    wasm: wasm ? { transfer: wasm.transferSize, resource: wasm.resourceSize, start: wasm.networkRequestTime, end: wasm.networkEndTime } : null,
    query: query ? { transfer: query.transferSize, start: query.networkRequestTime, end: query.networkEndTime, status: query.statusCode } : null,
    longTasks,
    failing,
    warnings: lhr.runWarnings ?? [],
    runtimeError: lhr.runtimeError ?? null,
  };
}

/**
 * The LCP element as the page itself sees it (PerformanceObserver, largest-contentful-paint,
 * buffered): Lighthouse 12.2.3's own `largest-contentful-paint-element` audit fails on this
 * Chromium (its TraceElements gatherer: "Dependency RootCauses failed … frame_sequence"), so one
 * extra load per run in playwright-core, at Lighthouse's mobile size (412×823, DPR 1.75) with
 * DevTools throttling like its profile (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU 4×).
 * Every candidate is kept; the last one before input is the LCP.
 */
async function lcpElement(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  try {
    await context.addInitScript(() => {
      window.__lcp = [];
      const describe = (el) => {
        if (!el) return null;
        const parts = [];
        for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
          const t = e.getAttribute('data-testid');
          parts.unshift(`${e.localName}${e.id ? `#${e.id}` : ''}${t ? `[data-testid=${t}]` : ''}${!t && e.classList.length ? `.${[...e.classList].slice(0, 2).join('.')}` : ''}`);
          if (e.id) break;
        }
        return parts.join(' > ');
      };
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) {
          window.__lcp.push({ time: e.startTime, size: e.size, selector: describe(e.element), text: (e.element?.textContent ?? e.url ?? '').trim().replace(/\s+/g, ' ').slice(0, 160) });
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6384e6 * 0.9) / 8, uploadThroughput: (0.75e6 * 0.9) / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url);
    await page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector('[data-testid=progress]')?.dataset.state), null, { timeout: 90000 }).catch(() => {});
    await page.waitForTimeout(1500);
    const entries = await page.evaluate(() => window.__lcp);
    const headline = await page.$eval('[data-testid=headline]', (e) => ({ text: e.textContent.trim().slice(0, 160) })).catch(() => null);
    return { last: entries[entries.length - 1] ?? null, candidates: entries, headline };
  } finally {
    await context.close();
  }
}

const fmtS = (ms) => (ms == null ? '—' : `${(ms / 1000).toFixed(2)} s`);
const fmtMs = (ms) => (ms == null ? '—' : `${ms.toFixed(0)} ms`);
const fmtScore = (s) => (s == null ? '—' : s.toFixed(2));
const spread = (xs, f) => {
  const v = xs.filter((x) => x != null);
  if (!v.length) return '—';
  const m = median(v);
  return v.length > 1 ? `${f(m)} (${f(Math.min(...v))}–${f(Math.max(...v))})` : f(m);
};
const mode = (xs) => {
  const c = new Map();
  for (const x of xs) c.set(x, (c.get(x) || 0) + 1);
  return [...c.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
};

async function main() {
  statSync(join(dist, 'index.html'));
  mkdirSync(outDir, { recursive: true });
  const siteDir = join(repo, 'target', 'lh-site');
  const sizes = preGzip(dist, siteDir);
  const site = await startStatic(siteDir);
  log(`static ${site.url} (${siteDir}, pre-gzipped, http-server -g)`);
  const replicas = {};
  const results = {};
  try {
    if (SETTINGS.includes('cached')) replicas.cached = await startReplica(['--query-ms', '0'], { gedcom: royalGed, qids: royalQids });
    if (SETTINGS.includes('fresh')) replicas.fresh = await startReplica(['--query-ms', '300'], { gedcom: royalGed, qids: royalQids });
    // Interleaved: cached, fresh, cached, … so that load on the machine falls on both alike.
    for (let i = 0; i < REPS; i++) {
      for (const s of SETTINGS) {
        const ep = replicas[s].url;
        const url = `${site.url}?${QUESTION}&endpoint=${ep}&sparql=${ep}/sparql`;
        const out = join(outDir, `${s}-${i + 1}.json`);
        const t = Date.now();
        await runLighthouse(url, out);
        const lhr = JSON.parse(readFileSync(out, 'utf8'));
        const f = figures(lhr);
        if (!f.lcpElement) {
          const browser = await launch();
          try {
            const el = await lcpElement(browser, url);
            f.lcpElement = el.last ? { selector: el.last.selector, label: el.last.text, size: el.last.size, time: el.last.time, via: 'PerformanceObserver' } : null;
            f.lcpCandidates = el.candidates;
            f.headline = el.headline;
          } catch (e) {
            log(`LCP element pass failed: ${String(e.message || e).split('\n')[0]}`);
          } finally {
            await browser.close();
          }
        }
        (results[s] ||= []).push(f);
        log(`${s} #${i + 1} (${((Date.now() - t) / 1000).toFixed(0)} s): perf ${fmtScore(f.scores.performance)} a11y ${fmtScore(f.scores.accessibility)} bp ${fmtScore(f.scores['best-practices'])} seo ${fmtScore(f.scores.seo)}; LCP ${fmtS(f.lcp)} TBT ${fmtMs(f.tbt)} CLS ${f.cls?.toFixed(3)}; LCP element ${f.lcpElement?.selector ?? '—'} "${(f.lcpElement?.label ?? '').slice(0, 60)}"${f.runtimeError ? `; runtime error ${f.runtimeError.code}` : ''}`);
      }
    }
  } finally {
    for (const r of Object.values(replicas)) await r.stop();
    await site.stop();
  }

  const head = ['setting', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'speed index', 'LCP element'];
  const rows = [];
  const names = { cached: 'cached (query answered at once, `--query-ms 0`)', fresh: 'fresh (300 ms server time a query, `--query-ms 300`)' };
  for (const s of SETTINGS) {
    const r = results[s];
    const el = mode(r.map((x) => (x.lcpElement ? `\`${x.lcpElement.selector}\` “${x.lcpElement.label.slice(0, 80)}”` : '—')));
    rows.push([names[s], spread(r.map((x) => x.scores.performance), fmtScore), spread(r.map((x) => x.scores.accessibility), fmtScore),
      spread(r.map((x) => x.scores['best-practices']), fmtScore), spread(r.map((x) => x.scores.seo), fmtScore),
      spread(r.map((x) => x.fcp), fmtS), spread(r.map((x) => x.lcp), fmtS), spread(r.map((x) => x.tbt), fmtMs),
      spread(r.map((x) => x.cls), (v) => v.toFixed(3)), spread(r.map((x) => x.si), fmtS), el]);
  }
  const detailHead = ['setting', 'LCP phases (TTFB / load delay / load time / render delay)', 'observed (unthrottled) FCP / LCP / load', 'wasm transfer', 'query (transfer, observed start→end)', 'JS/wasm boot-up', 'main-thread work', 'bytes', 'long tasks (observed)'];
  const detail = [];
  for (const s of SETTINGS) {
    const r = results[s];
    const m = (f) => { const v = r.map(f).filter((x) => x != null); return v.length ? median(v) : null; };
    const ph = (k) => fmtMs(m((x) => x.lcpPhases[k]));
    detail.push([s, `${ph('TTFB')} / ${ph('Load Delay')} / ${ph('Load Time')} / ${ph('Render Delay')}`,
      `${fmtMs(m((x) => x.observed.fcp))} / ${fmtMs(m((x) => x.observed.lcp))} / ${fmtMs(m((x) => x.observed.load))}`,
      `${((m((x) => x.wasm?.transfer) ?? 0) / 1000).toFixed(1)} kB (${((m((x) => x.wasm?.resource) ?? 0) / 1000).toFixed(0)} kB raw)`,
      r[0].query ? `${((m((x) => x.query?.transfer) ?? 0) / 1000).toFixed(1)} kB, ${fmtMs(m((x) => x.query?.start))}→${fmtMs(m((x) => x.query?.end))}` : 'no query seen',
      fmtMs(m((x) => x.bootup)), fmtMs(m((x) => x.mainThread)), `${((m((x) => x.totalBytes) ?? 0) / 1000).toFixed(0)} kB`,
      (r[Math.floor(r.length / 2)].longTasks || []).map((t) => `${t.duration.toFixed(0)} ms @${t.start.toFixed(0)}`).join(', ') || '—']);
  }
  // What keeps a category below 1.0 (any run of any setting).
  const flagged = new Map();
  for (const s of SETTINGS) {
    for (const f of results[s]) {
      for (const [cat, list] of Object.entries(f.failing)) {
        for (const x of list) {
          const k = `${cat}|${x.id}`;
          if (!flagged.has(k)) flagged.set(k, { cat, ...x, settings: new Set() });
          flagged.get(k).settings.add(s);
        }
      }
    }
  }
  const flagRows = [...flagged.values()]
    .filter((x) => x.cat !== 'performance' || x.score < 0.9)
    .map((x) => [x.weight ? x.cat : `${x.cat} (unscored)`, `\`${x.id}\` ${x.title}`, x.display, x.items.join('; ').slice(0, 200), [...x.settings].join(', ')]);
  const warnings = [...new Set(SETTINGS.flatMap((s) => results[s].flatMap((f) => f.warnings)))];

  const mach = machine();
  const md = [
    `# Lighthouse (issue 18 §7) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Lighthouse ${JSON.parse(readFileSync(join(here, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version}, mobile (simulated slow 4G, 4× CPU), ${mach.chromium} headless (\`--headless --no-sandbox --disable-gpu\`); ${mach.nproc} CPUs (${mach.cpu}), load average ${loadStart} at the start, ${mach.load} at the end. The LCP element: Lighthouse 12.2.3's own audit fails on this Chromium (TraceElements: \"RootCauses … frame_sequence\"), so it is the page's last \`largest-contentful-paint\` entry (PerformanceObserver) in one more load per run, playwright-core at 412×823 with DevTools throttling like Lighthouse's (150 ms, 1.6 Mbit/s, CPU 4×).`,
    `Page: \`?${QUESTION}&endpoint=<replica>&sparql=<replica>/sparql\` on the production build (\`trunk build --release\`), every file pre-gzipped (-9) and served by \`http-server -g\`; the replica \`wikidata-replica --gedcom ../shared/data/royal92.ged --qids ../shared/data/royal92-qids.csv --query-ms 0|300\`. Median (min–max) of ${REPS} runs per setting, interleaved, a fresh Chromium each.`,
    '',
    table(head, rows),
    '',
    table(detailHead, detail),
    '',
    'Files served (gzip -9):',
    '',
    table(['file', 'raw', 'gzip'], sizes.filter((x) => x.gzip != null).map((x) => [x.file, `${(x.raw / 1000).toFixed(1)} kB`, `${(x.gzip / 1000).toFixed(1)} kB`])),
    '',
    'What Lighthouse flags (audits below 1 in accessibility, best practices, SEO; performance audits below 0.9):',
    '',
    flagRows.length ? table(['category', 'audit', 'value', 'where', 'settings'], flagRows) : '(nothing)',
    '',
    warnings.length ? `Run warnings: ${warnings.join(' · ')}` : 'Run warnings: none.',
    '',
  ].join('\n');
  console.log(md);
  writeFileSync(join(here, 'lighthouse.md'), md);
  writeFileSync(join(here, 'results', 'lighthouse.json'), JSON.stringify({ started: new Date(started).toISOString(), reps: REPS, sizes, results }, null, 1));
  log(`wrote bench/lighthouse.md and bench/results/lighthouse.json (${((Date.now() - started) / 60000).toFixed(1)} min)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
