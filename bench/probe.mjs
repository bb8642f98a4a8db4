// A quick probe while working on the crawl: the preset questions on the benchmark's replica,
// one line of figures per run (the full suite is bench/run.sh). Uses the build in $BENCH_DIST.
//
//   BENCH_DIST=$PWD/target/bench-dist node bench/probe.mjs [REPS] [EP,EPx,CN] [wbgetentities|entitydata]
import { serveStatic, startReplica, launch, royalGed, royalQids } from '../e2e/lib.mjs';
import { crawlOnce } from './crawl.mjs';
const reps = Number(process.argv[2] || 3);
const which = (process.argv[3] || 'EP,EPx,CN').split(',');
const fetch = process.argv[4] || 'wbgetentities';
const NET = { latencyMs: 100, jitterMs: 20, bandwidthMbps: 50 };
const netArgs = ['--latency-ms', '100', '--jitter-ms', '20', '--bandwidth-mbps', '50', '--payload', 'full'];
const Q = { EP: 'people=Q9682,Q80976', EPx: 'people=Q9682,Q80976&roots=Q9439,Q151305', CN: 'people=Q40787&roots=Q151305', P3: 'people=Q40787,Q191045&roots=Q151305' };
const site = await serveStatic(process.env.BENCH_DIST);
const browser = await launch();
const replica = await startReplica(netArgs, { gedcom: royalGed, qids: royalQids });
try {
  for (let r = 0; r < reps; r++) for (const k of which) {
    const x = await crawlOnce(browser, site.url, replica, { query: Q[k], cap: 6, fetch, net: NET, replay: true }, 120000);
    console.log(`${k} wall ${x.wall.toFixed(0)} limit ${x.limit.toFixed(0)} ratio ${x.ratio.toFixed(3)} replay/limit ${(x.replay / x.limit).toFixed(3)} levels ${x.levels} cpMB ${(x.cpBytes/1e6).toFixed(2)} cpReq ${x.cpRequests} gaps ${x.cpGaps.toFixed(0)} excess ${x.cpExcess.toFixed(0)} tail ${x.tail.toFixed(0)} req ${x.requests} MB ${(x.bytes/1e6).toFixed(1)} ent ${x.fetched}`);
  }
} finally { await replica.stop(); await browser.close(); await site.close(); }
