// Shared harness of the end-to-end tests and benchmarks: a static server for the release build in dist/,
// the local Wikidata replica as a child process, and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { readFile, mkdir, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..');
export const shared = resolve(repo, '..', 'shared', 'data');
export const dist = join(repo, 'dist');
export const artifacts = join(here, 'artifacts');
export const replicaBin = join(repo, 'target', 'release', 'wikidata-replica');
export const royalGed = join(shared, 'royal92.ged');
export const royalQids = join(shared, 'royal92-qids.csv');

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** Serves `dir` on 127.0.0.1 (random port) under `prefix` (e.g. '/wikikin/' to test sub-path hosting). */
export async function serveStatic(dir = dist, prefix = '/') {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end('not here'); return; }
      let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
      if (rel.endsWith('/')) rel += 'index.html';
      const file = normalize(join(dir, rel));
      if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Starts the replica (release binary) with extra args; resolves once it prints its address. */
export async function startReplica(args = [], { gedcom = royalGed, qids = royalQids, port = 0 } = {}) {
  await stat(replicaBin);
  const full = [];
  if (gedcom) full.push('--gedcom', gedcom);
  if (qids) full.push('--qids', qids);
  full.push('--port', String(port), ...args);
  const child = spawn(replicaBin, full, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`replica did not start: ${stderr}`)), 60000);
    lines.on('line', (line) => {
      const m = /^listening on (http:\/\/\S+)/.exec(line);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`replica exited ${code}: ${stderr}`)); });
  });
  const replica = {
    url,
    child,
    async stats() { return (await fetch(`${url}/__replica/stats`)).json(); },
    async reset() { await fetch(`${url}/__replica/reset`, { method: 'POST' }); },
    async people() { return (await fetch(`${url}/__replica/people`)).json(); },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await done;
    },
  };
  return replica;
}

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs, headless: true });
}

/**
 * Opens a page that records every page error, console error and dialog. `problems()` lists them so a
 * test can assert there were none.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(url);
  return { page, context, errors, dialogs };
}

export async function screenshot(page, name) {
  await mkdir(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Waits until the progress element reports one of the given states; returns the state. */
export async function waitForState(page, states = ['done', 'failed', 'cancelled'], timeout = 60000) {
  const sel = '[data-testid=progress]';
  await page.waitForFunction(
    ([s, wanted]) => wanted.includes(document.querySelector(s)?.getAttribute('data-state')),
    [sel, states],
    { timeout },
  );
  return page.getAttribute(sel, 'data-state');
}
