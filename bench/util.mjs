// Small helpers of the benchmark: statistics, formatting, the machine's description.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function quantile(xs, q) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** "median (min–max)" with `digits` decimals and an optional unit. */
export function mmm(xs, digits = 0, unit = '') {
  const s = xs.filter((x) => Number.isFinite(x));
  if (s.length === 0) return 'n/a';
  const f = (x) => x.toFixed(digits);
  const u = unit ? ` ${unit}` : '';
  if (s.length === 1) return `${f(s[0])}${u}`;
  return `${f(median(s))}${u} (${f(Math.min(...s))}–${f(Math.max(...s))})`;
}

export const MB = (b) => b / 1e6;

export function fmtBytes(b) {
  if (b >= 1e6) return `${(b / 1e6).toFixed(2)} MB`;
  if (b >= 1e3) return `${(b / 1e3).toFixed(1)} kB`;
  return `${b} B`;
}

function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '?';
  }
}

/** nproc, CPU model, memory, OS, Chromium and Node versions. */
export function machine() {
  let cpu = '?';
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch { /* not Linux */ }
  let mem = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`;
  const chromium = sh('/usr/bin/chromium', ['--version']).split('\n').pop();
  return {
    nproc: sh('nproc', []),
    cpu,
    mem,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium,
    node: process.version,
    load: os.loadavg().map((x) => x.toFixed(1)).join(' '),
  };
}

/** A Markdown table. */
export function table(header, rows) {
  const esc = (c) => String(c).replaceAll('|', '\\|');
  const lines = [`| ${header.map(esc).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.map(esc).join(' | ')} |`);
  return lines.join('\n');
}
