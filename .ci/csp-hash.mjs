// Trunk post_build hook: puts the sha256 of every inline <script> of the built index.html into its
// Content-Security-Policy meta, in place of the placeholder 'inline-script-hashes' written in index.html.
//
// Trunk writes one inline module script (the loader that imports the wasm-bindgen JS and starts the
// wasm); its text names the hashed file names, so its hash changes with every build. With the hash in
// `script-src` the policy needs neither 'unsafe-inline' nor a per-response nonce (which a static host
// such as GitHub Pages cannot give). Fails the build if the placeholder or the inline script is
// missing, so the policy cannot silently drift from the loader. Node is already needed by the build
// (wasm-opt comes from npm), so the hook adds no tool.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const PLACEHOLDER = "'inline-script-hashes'";
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('csp-hash: TRUNK_STAGING_DIR is not set (run by Trunk as a post_build hook)');
  process.exit(1);
}
const path = join(staging, 'index.html');
let html = readFileSync(path, 'utf8');
if (!html.includes(PLACEHOLDER)) {
  console.error(`csp-hash: ${path} has no ${PLACEHOLDER} in its Content-Security-Policy`);
  process.exit(1);
}
// Inline scripts: <script …> without a src attribute; the hash is over the exact text between the
// tags, as the browser sees it (UTF-8).
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  if (/\bsrc\s*=/i.test(m[1])) continue;
  const h = `'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`;
  if (!hashes.includes(h)) hashes.push(h);
}
if (hashes.length === 0) {
  console.error('csp-hash: no inline script found; remove the placeholder from index.html');
  process.exit(1);
}
html = html.replace(PLACEHOLDER, hashes.join(' '));
writeFileSync(path, html);
console.log(`csp-hash: script-src allows ${hashes.length} inline script(s): ${hashes.join(' ')}`);
