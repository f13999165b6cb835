// Lighthouse on every page of the build, for scripts/lighthouse.sh.
//   node lighthouse.mjs --base http://127.0.0.1:PORT --dist DIST --out DIR [--chrome /usr/bin/chromium]
// One run per page with Lighthouse's defaults: the mobile preset (Moto G Power screen,
// simulated throttling: 150 ms RTT, 1.6 Mbit/s, CPU 4× slower). Each report is kept as
// DIR/<page>.json; the table gives the four category scores (0–100) and the LCP.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loopbackBase, parseArgs, reportUsageErrors, routesFromDist, table } from './lib.mjs';

reportUsageErrors('scripts/lighthouse.sh');
const args = parseArgs(process.argv.slice(2), {
  defaults: { chrome: '/usr/bin/chromium' },
  required: ['base', 'dist', 'out'],
  // scripts/lighthouse.sh and with-site.sh pass these.
  set: ['base', 'dist', 'out', 'chrome'],
});
const base = loopbackBase(args.base);
const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, 'node_modules', 'lighthouse', 'cli', 'index.js');
const routes = routesFromDist(args.dist);
fs.mkdirSync(args.out, { recursive: true });

const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const started = Date.now();
const errors = [];
const rows = [['route', 'performance', 'accessibility', 'best-practices', 'SEO', 'LCP ms']];
const notes = [];

for (const route of routes) {
  const name = route.dir.replaceAll('/', '-');
  const report = path.join(args.out, `${name}.json`);
  fs.rmSync(report, { force: true });
  const t0 = Date.now();
  const run = spawnSync(process.execPath, [
    cli, new URL(route.url, base).href,
    '--output=json', `--output-path=${report}`, '--quiet',
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROME_FLAGS}`,
  ], { env: { ...process.env, CHROME_PATH: args.chrome }, encoding: 'utf8', timeout: 180000 });
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  if (run.status !== 0 || !fs.existsSync(report)) {
    const why = run.error ? run.error.message : (run.stderr || '').trim().split('\n').slice(-3).join(' | ');
    errors.push(`${route.url}: lighthouse exited with ${run.status ?? run.signal}: ${why}`);
    rows.push([route.url, 'error', '', '', '', '']);
    console.error(`  ${route.url}: error after ${secs} s`);
    continue;
  }
  const lhr = JSON.parse(fs.readFileSync(report, 'utf8'));
  if (lhr.runtimeError) errors.push(`${route.url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  for (const w of lhr.runWarnings ?? []) notes.push(`${route.url}: ${w}`);
  const score = (id) => {
    const s = lhr.categories[id]?.score;
    return typeof s === 'number' ? Math.round(s * 100) : 'n/a';
  };
  const lcp = lhr.audits['largest-contentful-paint']?.numericValue;
  rows.push([route.url, ...CATEGORIES.map(score), Number.isFinite(lcp) ? Math.round(lcp) : 'n/a']);
  // What cost points, so that a score below 100 can be followed up in the report.
  for (const id of CATEGORIES.slice(1)) {
    const failed = (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
      .map((ref) => ref.id);
    if (failed.length) notes.push(`${route.url}: ${id} audits below full marks: ${failed.join(', ')}`);
  }
  console.log(`  ${route.url}: ${secs} s (Lighthouse ${lhr.lighthouseVersion})`);
}

console.log(`\nLighthouse, mobile preset, simulated throttling, one run per page (reports in ${path.relative(process.cwd(), args.out) || '.'}/)`);
console.log(table(rows));
if (notes.length) console.log(`\n${notes.join('\n')}`);
console.log(`\nLighthouse took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
if (errors.length) {
  console.error(`${errors.length} error(s):\n  ${errors.join('\n  ')}`);
  process.exit(1);
}
