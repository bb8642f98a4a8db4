// Figure 8's yardstick: the seed exercise's crawl, run for real over HTTP against the replica.
//
// The Python exercise (aiohttp): breadth-first from Queen Victoria (Q9439) over father (P22),
// mother (P25) and child (P40), each entity read from `Special:EntityData/Q….json`, every id of a
// level requested at once (one unbounded `asyncio.gather` per level, each task fetching and
// parsing its body), level after level until both Elizabeth II (Q9682) and Philip (Q80976) have
// been fetched. aiohttp's default connector keeps connections alive and allows 100 at once; a
// browser allows 6 per host — `maxSockets` is that limit here.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const KIN = ['P22', 'P25', 'P40'];

/** GET one URL through the agent: status and the whole body (following the replica's 30x, counted). */
function get(url, agent) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, location: res.headers.location, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(60000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

/**
 * One run of the seed's crawl against `base` (the replica's URL). Returns the wall time (ms,
 * from the first request to the last level's last body parsed), requests, bytes (body lengths),
 * levels, how many entities were fetched, and the time spent in JSON.parse.
 */
export async function seedCrawl(base, { maxSockets = 100, from = 'Q9439', targets = ['Q9682', 'Q80976'] } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const seen = new Set([from]);
  const fetched = new Set();
  let level = [from];
  let requests = 0;
  let bytes = 0;
  let levels = 0;
  let parseMs = 0;
  let non200 = 0;
  let peakLevel = 0;
  // One task of the gather: fetch the entity, parse it, return the ids it names.
  const task = async (q) => {
    let url = `${base}/wiki/Special:EntityData/${q}.json`;
    let r;
    for (let hop = 0; ; hop++) {
      r = await get(url, agent);
      requests += 1;
      bytes += r.body.length;
      if (r.status >= 300 && r.status < 400 && r.location && hop < 3) {
        url = new URL(r.location, url).toString();
        continue;
      }
      break;
    }
    if (r.status !== 200) {
      non200 += 1;
      return [];
    }
    const t = performance.now();
    const data = JSON.parse(r.body.toString('utf8'));
    parseMs += performance.now() - t;
    const named = [];
    fetched.add(q);
    // Read every entity the body holds, under the id it gives (a merged id answers with its target).
    for (const [id, e] of Object.entries(data.entities ?? {})) {
      fetched.add(id);
      seen.add(id);
      for (const p of KIN) {
        for (const claim of e.claims?.[p] ?? []) {
          const v = claim?.mainsnak?.datavalue?.value?.id;
          if (typeof v === 'string') named.push(v);
        }
      }
    }
    return named;
  };
  const t0 = performance.now();
  try {
    while (level.length && !targets.every((t) => fetched.has(t))) {
      levels += 1;
      peakLevel = Math.max(peakLevel, level.length);
      const named = await Promise.all(level.map(task));
      const next = [];
      for (const list of named) {
        for (const id of list) {
          if (!seen.has(id)) {
            seen.add(id);
            next.push(id);
          }
        }
      }
      level = next;
    }
  } finally {
    agent.destroy();
  }
  const wall = performance.now() - t0;
  return {
    wall,
    requests,
    bytes,
    levels,
    fetched: fetched.size,
    parseMs,
    non200,
    peakLevel,
    found: targets.every((t) => fetched.has(t)),
  };
}
