// The dashboard on a generated corpus of more than 100,000 facts, in a real headless
// Chromium: every view renders, narrows and drills down as on the samples. Each API
// request the pages make is timed (Chromium's own request timing) and written, with the
// screenshots, to $TALENTWAR_E2E_ARTIFACTS/scale-timings.json; the figures are reported
// in docs/benchmarks.md, not asserted here (a loaded CI machine is not a benchmark).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/serve.mjs';

const bin = process.env.TALENTWAR_BIN;
const sourceDir = process.env.TALENTWAR_SOURCE_DIR;
const artifacts = path.join(process.env.TALENTWAR_E2E_ARTIFACTS || path.join(tmpdir(), 'talentwar-e2e'), 'scale');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// 290 MB of generated news gives about 139,000 events that merge into about 104,000 facts.
const size = process.env.TALENTWAR_SCALE_SIZE || '290MB';
const minFacts = Number(process.env.TALENTWAR_SCALE_MIN_FACTS || 100000);

let server, browser, page, base, workdir, facts = 0;
const timings = [];

async function open(hash, name) {
  await page.goto(`${base}/${hash}`);
  await page.waitForFunction((h) => document.body.dataset.ready === h, hash, { timeout: 30000 });
  const error = await page.locator('main .card b').first().textContent().catch(() => null);
  assert.equal(await page.locator('main h1').count() > 0, true, `${hash} rendered a view${error ? `: ${error}` : ''}`);
  if (name) await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: false });
}

before(async () => {
  assert.ok(bin && existsSync(bin), 'TALENTWAR_BIN must point at the built talentwar');
  assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: install Debian's chromium package`);
  mkdirSync(artifacts, { recursive: true });
  workdir = mkdtempSync(path.join(tmpdir(), 'talentwar-scale-'));
  const corpus = path.join(workdir, 'corpus'), db = path.join(workdir, 'scale.db');
  execFileSync(path.join(sourceDir, 'scripts', 'gen-corpus'), ['--out', corpus, '--size', size], { stdio: 'pipe' });
  execFileSync(bin, ['ingest', '--db', db, corpus], { stdio: 'pipe' });
  rmSync(corpus, { recursive: true, force: true });
  // Facts, as the graph export merges them over every event in the database.
  facts = JSON.parse(execFileSync(bin, ['graph', '--db', db, '--format', 'json'], { maxBuffer: 1 << 30 }).toString()).facts;
  ({ server, base } = startServer(bin, db));
  base = await base;
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/')) return;
    const tm = request.timing();
    timings.push({ path: url.pathname + url.search, ms: Math.round((tm.responseEnd - tm.requestStart) * 10) / 10 });
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (timings.length) {
    const sorted = [...timings].sort((a, b) => b.ms - a.ms);
    writeFileSync(path.join(artifacts, 'scale-timings.json'), JSON.stringify({ size, facts, requests: timings }, null, 1));
    console.log(`# ${facts} facts; ${timings.length} API requests; slowest: ${sorted.slice(0, 3).map((r) => `${r.path} ${r.ms} ms`).join(', ')}`);
  }
  if (workdir) rmSync(workdir, { recursive: true, force: true });
});

test(`the generated database holds at least ${minFacts} facts`, () => {
  assert.ok(facts >= minFacts, `${facts} facts`);
});

test('flows: a top-25 Sankey with Other, windows and one organisation, a link opening its people and sentences', async () => {
  await open('#/flows', 'flows');
  const option = await page.evaluate(() => echarts.getInstanceByDom(document.getElementById('sankey')).getOption().series[0]);
  assert.ok(option.links.filter((l) => !l.other).length <= 25, 'the 25 largest pairs');
  assert.ok(option.data.some((n) => n.name === 'Other'), 'the rest in one node');
  await open('#/flows?since=2025-01&until=2025-06', 'flows-window');
  await open('#/flows?org=Meta', 'flows-meta');
  const edge = await page.evaluate(() => window.__talentwarFlows.flows[0]);
  await open(`#/pair?from=${encodeURIComponent(edge.from)}&to=${encodeURIComponent(edge.to)}`, 'pair');
  assert.ok((await page.locator('.people a').count()) > 0);
  await page.locator('.sources a.source').first().click();
  await page.waitForFunction(() => document.body.dataset.ready?.startsWith('#/article/'));
  await page.locator('#focus').waitFor();
  await page.screenshot({ path: path.join(artifacts, 'article.png') });
});

test('lists: filters in the URL, pages with totals, and the reach of the newest reports said', async () => {
  await open('#/timeline', 'timeline');
  assert.ok((await page.locator('.reach').count()) === 1, 'the timeline says it reads the newest reports');
  await open('#/timeline?type=move&lang=ko&org=Meta', 'timeline-filtered');
  const types = await page.locator('main table tbody tr td:nth-child(2)').allTextContents();
  assert.ok(types.length > 0 && types.every((ty) => ty === 'move'));
  await page.locator('.pager a.next').click();
  await page.waitForFunction(() => document.body.dataset.ready?.includes('offset=50'));
  await open('#/deals', 'deals');
  await open('#/deals?type=acquisition&since=2025', 'deals-filtered');
  await open('#/pay', 'pay');
  assert.equal(await page.locator('#paychart svg').count(), 1);
  await open('#/pay?usd=1', 'pay-usd');
});

test('search across scripts, an entity, and the phone layout', async () => {
  await open('#/search?q=Meta', 'search');
  const marks = await page.locator('.snippet mark').allTextContents();
  assert.ok(marks.length > 0, 'articles found for Meta');
  await open('#/entity/Meta', 'entity');
  await page.setViewportSize({ width: 390, height: 844 });
  for (const hash of ['#/flows', '#/pay', '#/timeline']) {
    await open(hash, `phone-${hash.slice(2)}`);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, `${hash} fits 390 px`);
  }
});
