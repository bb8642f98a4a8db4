// Trunk post_build hook: makes the link-preview tags of the built index.html absolute (Open Graph and
// Twitter cards need absolute URLs) from the build-time setting WIKIKIN_SITE_URL, the address the
// site is published at, e.g. https://<owner>.github.io/<repo>/ (the Pages workflow sets it).
//
// In index.html these tags carry URLs relative to the site (og:url "./", og:image and twitter:image
// "preview.png"). With WIKIKIN_SITE_URL they are resolved against it; without it (a local build,
// `trunk serve`) the images stay relative and og:url, which only means something absolute, is left
// out. A WIKIKIN_SITE_URL that is not an absolute http(s) URL fails the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('site-url: TRUNK_STAGING_DIR is not set (run by Trunk as a post_build hook)');
  process.exit(1);
}
const path = join(staging, 'index.html');
let html = readFileSync(path, 'utf8');
const setting = (process.env.WIKIKIN_SITE_URL ?? '').trim();
let base = null;
if (setting) {
  try {
    base = new URL(setting.endsWith('/') ? setting : `${setting}/`);
  } catch {
    base = null;
  }
  if (!base || !/^https?:$/.test(base.protocol) || base.search || base.hash) {
    console.error(`site-url: WIKIKIN_SITE_URL=${JSON.stringify(setting)} is not an absolute http(s) URL of the site`);
    process.exit(1);
  }
}
const tags = /<meta\s+(?:property|name)="(og:url|og:image|twitter:image)"\s+content="([^"]*)"\s*\/?>\n?/g;
let n = 0;
html = html.replace(tags, (tag, key, url) => {
  n++;
  if (base) return tag.replace(`content="${url}"`, `content="${new URL(url, base).href}"`);
  // No setting: og:url cannot be relative; the images stay relative to the page.
  return key === 'og:url' ? '' : tag;
});
if (n === 0) {
  console.error(`site-url: ${path} has none of the og:url, og:image, twitter:image tags`);
  process.exit(1);
}
writeFileSync(path, html);
console.log(base ? `site-url: preview tags absolute under ${base.href}` : 'site-url: WIKIKIN_SITE_URL not set; preview images relative, og:url left out');
