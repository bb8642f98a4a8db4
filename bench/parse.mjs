// Figure 5: our wasm entity parser (wikikin_core::parse_entities through bench_parse) vs
// JSON.parse plus reading the same fields in JavaScript, in the page, on the same bodies.

/**
 * Runs in the page. Reads what `parse_entities` reads — label/description by the language chain,
 * P21, P569/P570, P18, P22/P25/P40/P26 from the best-ranked statements — and returns the same
 * digest as `bench_parse` so the two readers can be checked against each other.
 */
function inPage({ body, lang, minMs, rounds }) {
  const bytes = new TextEncoder().encode(body);
  const chain = [...new Set([lang, 'mul', 'en'].filter(Boolean))];
  const qnum = (s) => (typeof s === 'string' && /^Q[1-9][0-9]{0,14}$/.test(s) ? Number(s.slice(1)) : null);
  const pick = (m) => {
    if (!m || typeof m !== 'object') return undefined;
    for (const l of chain) if (m[l]?.value != null) return m[l].value;
    for (const k in m) if (m[k]?.value != null) return m[k].value;
    return undefined;
  };
  const best = (stmts) => {
    if (!Array.isArray(stmts)) return [];
    const pref = stmts.some((s) => s.rank === 'preferred');
    const want = pref ? 'preferred' : 'normal';
    return stmts.filter((s) => (s.rank ?? 'normal') === want);
  };
  const items = (stmts) => {
    const out = [];
    for (const s of best(stmts)) {
      const v = s.mainsnak?.datavalue?.value;
      if (s.mainsnak?.snaktype === 'value' && v && typeof v === 'object') {
        const n = v['numeric-id'] ?? qnum(v.id);
        if (n != null && !out.includes(n)) out.push(n);
      }
    }
    return out;
  };
  const date = (stmts) => {
    for (const s of best(stmts)) {
      const v = s.mainsnak?.datavalue?.value;
      if (v && typeof v.time === 'string' && v.precision >= 7) {
        const m = /^([+-]?)(\d+)-(\d\d)-(\d\d)/.exec(v.time);
        if (m) return { year: Number(m[2]) * (m[1] === '-' ? -1 : 1), month: Number(m[3]), day: Number(m[4]), precision: v.precision };
      }
    }
    return null;
  };
  const read = (doc) => {
    const persons = [];
    let missing = 0;
    for (const [key, e] of Object.entries(doc.entities ?? {})) {
      if (e.missing !== undefined) { missing += 1; continue; }
      if (e.type && e.type !== 'item') continue;
      const id = qnum(e.id) ?? qnum(key);
      if (id == null) continue;
      const c = e.claims ?? {};
      const image = best(c.P18).map((s) => s.mainsnak?.datavalue?.value).find((f) => typeof f === 'string' && f.trim());
      persons.push({
        id,
        label: pick(e.labels),
        description: pick(e.descriptions),
        sex: items(c.P21)[0],
        birth: date(c.P569),
        death: date(c.P570),
        image,
        fathers: items(c.P22).filter((q) => q !== id),
        mothers: items(c.P25).filter((q) => q !== id),
        children: items(c.P40).filter((q) => q !== id),
        spouses: items(c.P26).filter((q) => q !== id),
      });
    }
    return { persons, missing };
  };
  const digest = ({ persons, missing }) => {
    const d = [persons.length + missing, 0, 0, 0, 0, 0, 0];
    let sum = 0;
    for (const p of persons) {
      if (p.label != null) { d[1] += 1; d[2] += [...p.label].length; }
      for (const q of [...p.fathers, ...p.mothers, ...p.children, ...p.spouses]) { d[3] += 1; sum = (sum + q) % 1e9; }
      d[4] += (p.birth ? 1 : 0) + (p.death ? 1 : 0);
      d[5] += p.image ? 1 : 0;
    }
    d[6] = sum;
    return d;
  };
  // Each reader is timed over enough repetitions to take at least `minMs`, `rounds` times.
  const time = (f) => {
    let reps = 1;
    for (;;) {
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) f();
      const dt = performance.now() - t0;
      if (dt >= minMs) return reps;
      reps *= 2;
    }
  };
  let sink = 0;
  const jsString = () => { sink += read(JSON.parse(body)).persons.length; };
  const jsBytes = () => { sink += read(JSON.parse(new TextDecoder().decode(bytes))).persons.length; };
  const w = window.wasmBindings;
  const wasmReps = Math.max(1, Math.ceil(minMs / Math.max(0.01, w.bench_parse(bytes, lang, 1)[1])));
  const res = { bytes: bytes.length, js: [], jsBytes: [], wasm: [], wasmCall: [] };
  const repsS = time(jsString);
  const repsB = time(jsBytes);
  for (let r = 0; r < rounds; r++) {
    let t0 = performance.now();
    for (let i = 0; i < repsS; i++) jsString();
    res.js.push((performance.now() - t0) / repsS);
    t0 = performance.now();
    for (let i = 0; i < repsB; i++) jsBytes();
    res.jsBytes.push((performance.now() - t0) / repsB);
    res.wasm.push(w.bench_parse(bytes, lang, wasmReps)[1]);
    // Through the binding, copy of the body into wasm memory included.
    t0 = performance.now();
    for (let i = 0; i < wasmReps; i++) w.bench_parse(bytes, lang, 0);
    res.wasmCall.push((performance.now() - t0) / wasmReps);
  }
  res.jsDigest = digest(read(JSON.parse(body)));
  res.wasmDigest = Array.from(w.bench_parse(bytes, lang, 0).slice(2));
  res.sink = sink;
  return res;
}

/** Parses each body in a fresh page of the app; returns per-body results. */
export async function parseBench(browser, siteUrl, bodies, { rounds = 5, minMs = 150 } = {}) {
  const out = [];
  for (const { name, body } of bodies) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(siteUrl);
      await page.waitForFunction(() => window.wasmBindings?.bench_parse);
      const r = await page.evaluate(inPage, { body, lang: 'en', minMs, rounds });
      out.push({ name, ...r, digestsAgree: JSON.stringify(r.jsDigest) === JSON.stringify(r.wasmDigest) });
    } finally {
      await context.close();
    }
  }
  return out;
}
