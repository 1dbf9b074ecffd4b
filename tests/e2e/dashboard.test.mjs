// The dashboard in a real headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core): flows with Meta and its sources, an entity page, an article with
// its evidence highlighted, the language switch, search. Screenshots are kept in
// $TALENTWAR_E2E_ARTIFACTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const bin = process.env.TALENTWAR_BIN;
const sourceDir = process.env.TALENTWAR_SOURCE_DIR;
const artifacts = process.env.TALENTWAR_E2E_ARTIFACTS || path.join(tmpdir(), 'talentwar-e2e');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

let server, browser, page, base, workdir;

async function open(hash) {
  await page.goto(`${base}/${hash}`);
  await page.waitForFunction((h) => document.body.dataset.ready === h, hash.replace(/^\//, ''), { timeout: 20000 });
}

async function shot(name) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

before(async () => {
  assert.ok(bin && existsSync(bin), 'TALENTWAR_BIN must point at the built talentwar');
  assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: install Debian's chromium package`);
  mkdirSync(artifacts, { recursive: true });
  workdir = mkdtempSync(path.join(tmpdir(), 'talentwar-e2e-'));
  const db = path.join(workdir, 'dash.db');
  const inputs = [path.join(sourceDir, 'data', 'samples', 'articles')];
  const seeds = path.join(sourceDir, '..', 'shared', 'corpus', 'seeds');
  if (existsSync(seeds)) inputs.push(seeds);
  execFileSync(bin, ['ingest', '--db', db, ...inputs], { stdio: 'pipe' });
  ({ server, base } = startServer(bin, db));
  base = await base;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (workdir) rmSync(workdir, { recursive: true, force: true });
});

test('the flow diagram shows Meta and where its people came from', async () => {
  await open('#/flows');
  const labels = await page.locator('#sankey svg text').allTextContents();
  assert.ok(labels.some((l) => l.includes('Meta')), `Sankey labels: ${labels.join(' | ')}`);
  assert.ok(labels.includes('OpenAI') && labels.includes('Apple'), 'Meta\'s sources are in the diagram');
  const meta = page.locator('#ranking tr[data-org="Meta"]');
  await meta.waitFor();
  const sources = await meta.locator('td').nth(4).textContent();
  assert.match(sources, /OpenAI/);
  assert.match(sources, /Apple/);
  await shot('flows');
});

test('an organisation opens its page, and a source opens the article with its evidence marked', async () => {
  await open('#/flows');
  await page.locator('#ranking tr[data-org="Meta"] a.entity').first().click();
  await page.waitForFunction(() => document.body.dataset.ready?.startsWith('#/entity/'));
  assert.match(await page.locator('#entity-name').textContent(), /Meta/);
  assert.ok((await page.locator('table tbody tr').count()) > 3, 'Meta has facts');
  await shot('entity-meta');
  await page.locator('a.source').first().click();
  await page.waitForFunction(() => document.body.dataset.ready?.startsWith('#/article/'));
  const marked = page.locator('.article mark');
  assert.ok((await marked.count()) > 0, 'evidence sentences are highlighted');
  await page.locator('#focus').waitFor();
  assert.ok((await page.locator('#focus').textContent()).length > 10, 'the followed evidence is marked as focus');
  await shot('article-evidence');
});

test('the interface switches between English and Korean', async () => {
  await open('#/flows');
  assert.equal(await page.locator('nav a').first().textContent(), 'Flows');
  await page.locator('#lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  assert.equal(await page.locator('nav a').first().textContent(), '인재 이동');
  assert.match(await page.locator('h1').textContent(), /인재/);
  await shot('flows-korean');
  await page.locator('#lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
});

test('deals, pay, timeline and search render', async () => {
  await open('#/deals');
  assert.match(await page.locator('main').textContent(), /Anthropic/);
  await shot('deals');
  await open('#/pay');
  assert.ok((await page.locator('#paychart svg').count()) === 1, 'the pay chart is drawn');
  await shot('pay');
  await open('#/timeline');
  assert.ok((await page.locator('table tbody tr').count()) > 10);
  await page.fill('#search', '연구원');
  await page.press('#search', 'Enter');
  await page.waitForFunction(() => document.body.dataset.ready?.startsWith('#/search'));
  assert.ok((await page.locator('main table tbody tr a').count()) > 0, 'Korean full-text search finds articles');
  await shot('search');
  // One search across scripts: "Meta" finds the Korean articles that write 메타, marked as words.
  await open('#/search?q=Meta');
  const marks = await page.locator('.snippet mark').allTextContents();
  assert.ok(marks.includes('메타'), `a Korean article is found for Meta: ${marks.join(', ')}`);
  assert.ok(marks.includes('Meta'), 'and an English one');
  assert.match(await page.locator('.found').textContent(), /Meta/);
  await shot('search-across-scripts');
  await open('#/search?q=Zuckerburg');
  assert.ok((await page.locator('.suggestions a').count()) > 0, 'a misspelt name gets suggestions');
});

test('a flow opens on everyone behind it, and each source opens its article', async () => {
  await open('#/flows');
  const edge = await page.evaluate(() => window.__talentwarFlows.flows[0]);
  const link = await page.evaluate(() => echarts.getInstanceByDom(document.getElementById('sankey')).getOption().series[0].links[0]);
  assert.equal(link.to, edge.to, 'each Sankey link knows the pair it opens');
  await open(`#/pair?from=${encodeURIComponent(edge.from)}&to=${encodeURIComponent(edge.to)}`);
  const people = await page.locator('.people a').allTextContents();
  for (const name of edge.named) assert.ok(people.includes(name), `${name} is listed`);
  assert.ok((await page.locator('.sources a.source').count()) > 0, 'the reports are listed');
  await shot('pair');
  await page.locator('.sources a.source').first().click();
  await page.waitForFunction(() => document.body.dataset.ready?.startsWith('#/article/'));
  assert.ok((await page.locator('.article mark').count()) > 0, 'the article opens with its evidence marked');
  await page.locator('#focus').waitFor();  // at the sentence that reports this move
  await shot('pair-article-focus');
});

test('Korean mode has a label for every English one', async () => {
  await open('#/flows');
  const [en, ko] = await page.evaluate(() => [Object.keys(I18N.en).sort(), Object.keys(I18N.ko).sort()]);
  assert.deepEqual(ko, en, 'the same label set in both languages');
  const types = await page.evaluate(() => [Object.keys(TYPE_NAMES.en).sort(), Object.keys(TYPE_NAMES.ko).sort()]);
  assert.deepEqual(types[1], types[0]);
  // …and exactly the model's event types, as the API states them (meta_test holds the
  // OpenAPI lists to src/model/model.h).
  const api = await (await fetch(`${base}/api/openapi.json`)).json();
  const served = api.paths['/api/timeline'].get.parameters.find((p) => p.name === 'type').schema.enum;
  assert.deepEqual(types[0], [...served].sort());
});

test('each view names itself in the tab, and the page has an icon', async () => {
  await open('#/deals');
  assert.match(await page.title(), /— talentwar$/);
  const deals = await page.title();
  await open('#/timeline');
  assert.notEqual(await page.title(), deals, 'another view, another title');
  const icon = await page.request.get(`${base}/favicon.svg`);
  assert.equal(icon.status(), 200, 'the favicon is served, not a 404');
});

test('filters live in the URL: a shared link opens the same narrowed list, and the form writes them', async () => {
  await open('#/timeline?type=move&lang=ko');
  assert.equal(await page.locator('form.filters select[name="type"]').inputValue(), 'move');
  assert.equal(await page.locator('form.filters select[name="lang"]').inputValue(), 'ko');
  const types = await page.locator('main table tbody tr td:nth-child(2)').allTextContents();
  assert.ok(types.length > 0 && types.every((ty) => ty === 'move'), `only moves: ${[...new Set(types)]}`);
  const total = Number(await page.locator('.pager .total').textContent());
  await page.fill('form.filters input[name="org"]', 'Meta');
  await page.locator('form.filters button[type="submit"]').click();
  await page.waitForFunction(() => document.body.dataset.ready?.includes('org=Meta'));
  const hash = await page.evaluate(() => location.hash);
  for (const part of ['type=move', 'lang=ko', 'org=Meta']) assert.ok(hash.includes(part), `${part} in ${hash}`);
  assert.ok(Number(await page.locator('.pager .total').textContent()) <= total, 'a narrower filter, no more facts');
  // Paging with totals: one fact a page, the next page starts after it.
  await open('#/timeline?limit=1');
  assert.match(await page.locator('.pager .range').textContent(), /^1–1 of \d+/);
  await page.locator('.pager a.next').click();
  await page.waitForFunction(() => document.body.dataset.ready?.includes('offset=1'));
  assert.match(await page.locator('.pager .range').textContent(), /^2–2 of \d+/);
  await shot('timeline-filtered');
});

test('a top-N Sankey gathers the rest into "Other", and net gain opens the moves behind it', async () => {
  await open('#/flows?top=5');
  const option = await page.evaluate(() => echarts.getInstanceByDom(document.getElementById('sankey')).getOption().series[0]);
  const listed = option.links.filter((l) => !l.other);
  assert.equal(listed.length, 5, 'the five largest pairs');
  assert.ok(option.data.some((n) => n.name === 'Other'), 'the others are one node');
  const all = await page.evaluate(() => fetch('/api/flows?top=500').then((r) => r.json()));
  const sum = (links) => links.reduce((n, l) => n + l.value, 0);
  assert.equal(sum(option.links), all.flows.reduce((n, f) => n + f.people, 0), 'the picture adds up to every pair');
  assert.ok((await page.locator('#netchart svg').count()) === 1 && (await page.locator('#monthchart svg').count()) === 1);
  await shot('flows-top5-other');
  await page.locator('#ranking tr[data-org="Meta"] a.net').click();
  await page.waitForFunction(() => document.body.dataset.ready?.startsWith('#/timeline?'));
  const rows = await page.locator('main table tbody tr').allTextContents();
  assert.ok(rows.length > 0 && rows.every((r) => r.includes('Meta')), 'the moves in and out of Meta');
  // Months for one organisation: in and out stacked.
  await open('#/flows?org=Meta');
  const series = await page.evaluate(() => echarts.getInstanceByDom(document.getElementById('monthchart')).getOption().series.length);
  assert.equal(series, 2, 'people in and people out');
});

test('the pay view keeps offers apart from statistics, says what each offer is, and a bar opens its sentence', async () => {
  await open('#/pay');
  assert.equal(await page.locator('#paychart svg').count(), 1);
  assert.equal(await page.locator('#statchart svg').count(), 1, 'pay statistics on their own axis');
  const offers = await page.locator('table.pay').first().textContent();
  assert.match(offers, /signing bonus|package/, 'comp kind shown');
  assert.match(offers, /declined|accepted/, 'outcome shown');
  const labels = await page.evaluate(() => echarts.getInstanceByDom(document.getElementById('paychart')).getOption().yAxis[0].data);
  assert.equal(new Set(labels).size, labels.length, `no two bars share a label: ${labels}`);
  await shot('pay');
  // A bar opens the article at the sentence its figure comes from. The bars grow in as the
  // chart animates (longer on a busy machine), so the click waits for the chart to finish
  // drawing and is tried again if it landed before the bar had reached it.
  const clickFirstBar = () => page.evaluate(() => new Promise((resolve) => {
    document.getElementById('paychart').scrollIntoView({ block: 'center' });
    const c = echarts.getInstanceByDom(document.getElementById('paychart'));
    const at = () => {
      const bar = c.getOption().series[0].data[0];
      const end = c.convertToPixel({ seriesIndex: 0 }, [bar.value, 0]);
      const box = document.getElementById('paychart').getBoundingClientRect();
      resolve({ x: box.left + end[0] - 4, y: box.top + end[1] });
    };
    c.on('finished', at);
    setTimeout(at, 1500);  // drawn already: no 'finished' to come
  })).then((point) => page.mouse.click(point.x, point.y));
  for (let attempt = 0; ; ++attempt) {
    await clickFirstBar();
    const opened = await page.waitForFunction(() => document.body.dataset.ready?.startsWith('#/article/'), null, { timeout: 5000 })
      .then(() => true, () => false);
    if (opened) break;
    assert.ok(attempt < 3, 'a pay bar opens its article');
  }
  await page.locator('#focus').waitFor();
  // The USD view converts other currencies at a dated rate and says where the rates come from.
  await open('#/pay?usd=1');
  assert.match(await page.locator('.rates').textContent(), /usd\.tsv/);
  await open('#/pay?type=comp_stat');
  assert.equal(await page.locator('table.pay').first().textContent().then((s) => s.includes('signing')), false);
});

test('deals page with totals, and a total opens the deals behind it', async () => {
  await open('#/deals?limit=2');
  assert.ok((await page.locator('main table').first().locator('tbody tr').count()) <= 2);
  await page.locator('#totals a.open').first().click();
  await page.waitForFunction(() => document.body.dataset.ready?.startsWith('#/deals?') && document.body.dataset.ready.includes('org='));
  const rows = await page.locator('main table').first().locator('tbody tr').allTextContents();
  assert.ok(rows.length > 0 && rows.every((r) => /investment/.test(r)), 'the investments of that pair');
});

test('at 390 px wide nothing overflows the page', async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'ko-KR' });
  try {
    for (const hash of ['#/flows', '#/pay', '#/timeline', '#/deals', '#/entity/Meta', '#/search?q=Meta']) {
      await phone.goto(`${base}/${hash}`);
      await phone.waitForFunction((h) => document.body.dataset.ready === h, hash, { timeout: 20000 });
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${hash} is ${width} px wide`);
      await phone.screenshot({ path: path.join(artifacts, `phone-${hash.replace(/[^a-z]+/g, '-')}.png`), fullPage: true });
    }
    // Korean mode leaves no English label on the page's own furniture.
    await phone.goto(`${base}/#/pay`);
    await phone.waitForFunction(() => document.body.dataset.ready === '#/pay');
    const furniture = await phone.evaluate(() => [...document.querySelectorAll('nav a, h1, h2, th, label, .pager, .toggles a, button')]
      .map((e) => e.childNodes[0]?.textContent || '').join(' '));
    assert.doesNotMatch(furniture, /\b(Offers|Type|Organisation|Person|Language|Apply|Kind|Outcome|Sources|Previous|Next)\b/, furniture);
  } finally {
    await phone.close();
  }
});
