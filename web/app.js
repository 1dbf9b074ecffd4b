// talentwar dashboard: a small hash-routed page over the JSON API (/api/…).
// Views: flows (Sankey), deals, pay (chart), timeline, entity, article (with the
// evidence of each event highlighted), search. Korean and English labels.
'use strict';

const I18N = {
  en: {
    'nav.flows': 'Flows', 'nav.deals': 'Deals', 'nav.pay': 'Pay', 'nav.timeline': 'Timeline',
    'search.placeholder': 'Search people, organisations, articles', 'search.entity': 'Found as', 'search.didyoumean': 'Did you mean', 'flows.title': 'Who takes talent from whom',
    'flows.since': 'From', 'flows.until': 'to', 'flows.apply': 'Apply', 'flows.ranking': 'Net gain by organisation',
    'col.org': 'Organisation', 'col.in': 'In', 'col.out': 'Out', 'col.net': 'Net', 'col.from': 'Sources of talent',
    'deals.title': 'Deals ledger', 'deals.totals': 'Totals per pair', 'pay.title': 'Offers and pay', 'pay.stats': 'Pay statistics',
    'timeline.title': 'Timeline', 'col.type': 'Type', 'col.what': 'What', 'col.amount': 'Amount', 'col.sources': 'Sources',
    'col.date': 'First reported', 'entity.spellings': 'Spellings', 'entity.units': 'Units', 'entity.career': 'Career',
    'entity.facts': 'Facts', 'article.events': 'Events in this article', 'search.title': 'Search', 'none': 'Nothing yet.',
    'disputed': 'disputed', 'lang.switch': '한국어', 'rule': 'rule', 'people': 'people',
    'kind.org': 'organisation', 'kind.person': 'person', 'kind.unknown': 'unknown', 'entity.follow': 'Follow (Atom feed)',
    'pair.people': 'People who moved', 'pair.sources': 'Reported by', 'flows.undated': 'first reported without a date, not placed in this window', 'flows.listed': 'largest pairs shown of', 'flows.click': 'Click a flow to see who moved and who reported it.',
    'status.offer': 'offer', 'status.talks': 'talks', 'status.agreed': 'agreed', 'status.failed': 'failed', 'status.completed': 'completed',
    'stat.median': 'median', 'stat.mean': 'mean', 'stat.max': 'max', 'stat.min': 'min', 'stat.typical': 'typical',
    'rule.largest reported running total': 'largest reported running total', 'rule.sum of reported tranches': 'sum of reported tranches',
  },
  ko: {
    'nav.flows': '인재 이동', 'nav.deals': '투자·인수', 'nav.pay': '보상', 'nav.timeline': '타임라인',
    'search.placeholder': '인물·조직·기사 검색', 'search.entity': '찾은 이름', 'search.didyoumean': '혹시 이 이름인가요', 'flows.title': '누가 누구의 인재를 데려가는가',
    'flows.since': '기간', 'flows.until': '~', 'flows.apply': '적용', 'flows.ranking': '조직별 순유입',
    'col.org': '조직', 'col.in': '유입', 'col.out': '유출', 'col.net': '순유입', 'col.from': '인재 출처',
    'deals.title': '투자·인수 장부', 'deals.totals': '투자자별 합계', 'pay.title': '영입 제안과 보상', 'pay.stats': '보상 통계',
    'timeline.title': '타임라인', 'col.type': '유형', 'col.what': '내용', 'col.amount': '금액', 'col.sources': '출처',
    'col.date': '첫 보도', 'entity.spellings': '표기', 'entity.units': '산하 조직', 'entity.career': '경력',
    'entity.facts': '사실', 'article.events': '이 기사의 사건', 'search.title': '검색', 'none': '아직 없습니다.',
    'disputed': '반박됨', 'lang.switch': 'English', 'rule': '기준', 'people': '명',
    'kind.org': '조직', 'kind.person': '인물', 'kind.unknown': '알 수 없음', 'entity.follow': '구독 (Atom 피드)',
    'pair.people': '이동한 사람', 'pair.sources': '보도한 기사', 'flows.undated': '명은 날짜 없이 보도되어 이 기간에 넣지 못했습니다', 'flows.listed': '개의 큰 흐름만 표시 / 전체', 'flows.click': '흐름을 누르면 누가 옮겼고 어디서 보도했는지 볼 수 있습니다.',
    'status.offer': '인수 제안', 'status.talks': '협상 중', 'status.agreed': '합의', 'status.failed': '무산', 'status.completed': '완료',
    'stat.median': '중간값', 'stat.mean': '평균', 'stat.max': '최대', 'stat.min': '최소', 'stat.typical': '통상',
    'rule.largest reported running total': '보도된 누적액 중 최대', 'rule.sum of reported tranches': '보도된 회차별 합계',
  },
};
const TYPE_NAMES = {
  en: { move: 'move', offer: 'offer', investment: 'investment', acquisition: 'acquisition', layoff: 'layoff', comp_stat: 'pay statistic', counteroffer: 'counteroffer' },
  ko: { move: '이동', offer: '제안', investment: '투자', acquisition: '인수', layoff: '감원', comp_stat: '보상 통계', counteroffer: '맞제안' },
};

let lang = localStorage.getItem('talentwar.lang') || ((navigator.language || 'en').startsWith('ko') ? 'ko' : 'en');
if (!I18N[lang]) lang = 'en';
const t = (key) => I18N[lang][key] || I18N.en[key] || key;
const view = document.getElementById('view');
let chart = null;

function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

async function api(path) {
  const res = await fetch(path);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function money(m) {
  if (!m) return '';
  const v = m.value, cur = m.currency === 'USD' ? '$' : `${m.currency} `;
  const q = { up_to: '≤', at_least: '≥', about: '~' }[m.qualifier] || '';
  const n = v >= 1e9 ? `${(v / 1e9).toFixed(2)}B` : v >= 1e6 ? `${(v / 1e6).toFixed(1)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(0)}K` : `${v}`;
  return `${q}${cur}${n}`;
}

function entityLink(name) {
  return name ? `<a class="entity" href="#/entity/${encodeURIComponent(name)}">${esc(name)}</a>` : '?';
}

// One readable line per fact or event, names linked to their pages.
function describe(f) {
  const who = (k) => entityLink(f[`${k}_unit`] || f[k]);  // the unit the article named, when it named one
  switch (f.type) {
    case 'move': return `${f.person ? who('person') : `${f.count ?? ''} ${t('people')}`}: ${who('from')} → ${who('to')}`;
    case 'offer': return `${who('by')} → ${f.person ? who('person') : who('target_org')}`;
    case 'investment': return `${who('investor')} → ${who('investee')}${f.cumulative ? ' (Σ)' : ''}`;
    case 'acquisition': return `${who('acquirer')} ⟶ ${who('target')} <span class="tag">${esc(f.status ? t(`status.${f.status}`) : '')}</span>`;
    case 'layoff': return `${who('org')} −${f.count ?? ''}`;
    case 'comp_stat': return `${who('org')} ${esc(f.stat ? t(`stat.${f.stat}`) : '')}`;
    case 'counteroffer': return `${who('org')} ⇄ ${who('target_org')}`;
    default: return esc(f.type);
  }
}

// A source as people know it: outlet · headline (date), opening the article at its evidence;
// the original page behind ↗ (http and https links only).
function sourceLink(s) {
  const label = `${s.outlet ? `<span class="outlet">${esc(s.outlet)}</span> · ` : ''}${esc(s.title || s.doc)}${s.date ? ` <span class="muted">${esc(s.date)}</span>` : ''}`;
  const inner = s.article_id ? `<a class="source" href="#/article/${s.article_id}?e=${encodeURIComponent(s.evidence || '')}" title="${esc(s.doc)}">${label}</a>` : label;
  const out = /^https?:\/\//i.test(s.url || '') ? ` <a class="external" href="${esc(s.url)}" target="_blank" rel="noopener noreferrer">↗</a>` : '';
  return inner + out;
}

function sourcesCell(f) {
  return (f.sources || []).map(sourceLink).join('<br>');
}

function factRows(facts) {
  if (!facts.length) return `<p class="muted">${t('none')}</p>`;
  return `<table><thead><tr><th>${t('col.type')}</th><th>${t('col.what')}</th><th>${t('col.amount')}</th><th>${t('col.sources')}</th></tr></thead><tbody>${
    facts.map((f) => `<tr data-type="${esc(f.type)}"><td>${esc(TYPE_NAMES[lang][f.type] || f.type)}${f.disputed ? ` <span class="tag disputed">${t('disputed')}</span>` : ''}</td><td>${describe(f)}</td><td class="num">${money(f.amount)}</td><td>${sourcesCell(f)}</td></tr>`).join('')
  }</tbody></table>`;
}

function disposeChart() {
  if (chart) { chart.dispose(); chart = null; }
}

async function showFlows(params) {
  const since = params.get('since') || '', until = params.get('until') || '';
  const q = new URLSearchParams();
  if (since) q.set('since', since);
  if (until) q.set('until', until);
  const data = await api(`/api/flows?${q}`);
  view.innerHTML = `<h1>${t('flows.title')}</h1>
    <div class="card"><form class="controls" id="range">
      <label>${t('flows.since')} <input name="since" placeholder="2024-01" value="${esc(since)}" size="10"></label>
      <label>${t('flows.until')} <input name="until" placeholder="2025-12" value="${esc(until)}" size="10"></label>
      <button type="submit">${t('flows.apply')}</button></form>
      <p class="muted">${data.flows.length} ${t('flows.listed')} ${data.pairs}. ${t('flows.click')}${data.undated ? ` <span class="undated">+${data.undated} ${t('flows.undated')}</span>` : ''}</p>
      <div id="sankey" class="chart"></div></div>
    <h2>${t('flows.ranking')}</h2><div class="card"><table id="ranking"><thead><tr><th>${t('col.org')}</th><th>${t('col.in')}</th><th>${t('col.out')}</th><th>${t('col.net')}</th><th>${t('col.from')}</th></tr></thead><tbody>${
      data.organisations.map((o) => `<tr data-org="${esc(o.org)}"><td>${entityLink(o.org)}</td><td class="num">${o.in}</td><td class="num">${o.out}</td><td class="num">${o.net > 0 ? '+' : ''}${o.net}</td><td>${o.sources.map((s) => `${esc(s.org)} (${s.people})`).join(', ')}</td></tr>`).join('')
    }</tbody></table></div>`;
  document.getElementById('range').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    const p = new URLSearchParams();
    for (const k of ['since', 'until']) if (f.get(k)) p.set(k, f.get(k));
    location.hash = `#/flows?${p}`;
  });
  // Sankey needs an acyclic graph: sources on the left ("OpenAI"), destinations on the right ("→ Meta").
  const nodes = new Map();
  const links = data.flows.map((e) => {
    const from = e.from_units && e.from_units.length === 1 ? e.from_units[0] : e.from;
    const to = `→ ${e.to}`;
    nodes.set(from, { name: from });
    nodes.set(to, { name: to });
    return { source: from, target: to, value: e.people, from: e.from, to: e.to };
  });
  disposeChart();
  chart = echarts.init(document.getElementById('sankey'), null, { renderer: 'svg' });
  chart.setOption({
    tooltip: { trigger: 'item' },
    series: [{ type: 'sankey', data: [...nodes.values()], links, emphasis: { focus: 'adjacency' }, nodeAlign: 'justify',
      label: { fontSize: 12 }, lineStyle: { color: 'gradient', curveness: 0.5 } }],
  });
  chart.on('click', (p) => {
    if (p.dataType === 'node') location.hash = `#/entity/${encodeURIComponent(p.name.replace(/^→ /, ''))}`;
    if (p.dataType === 'edge') location.hash = `#/pair?${new URLSearchParams({ from: p.data.from, to: p.data.to, ...(since && { since }), ...(until && { until }) })}`;
  });
  window.__talentwarFlows = data;  // for tests and curious users
}

// One flow opened: everyone who moved between the two organisations, and the articles that say so.
async function showPair(params) {
  const q = new URLSearchParams();
  for (const k of ['from', 'to', 'since', 'until']) if (params.get(k)) q.set(k, params.get(k));
  const p = await api(`/api/flows/pair?${q}`);
  const window = [params.get('since'), params.get('until')].filter(Boolean).map(esc).join(' – ');
  view.innerHTML = `<h1>${entityLink(p.from)} → ${entityLink(p.to)}</h1>${window ? `<p class="muted">${window}</p>` : ''}
    <h2>${t('pair.people')} (${p.named.length})</h2><div class="card"><p class="people">${p.named.map(entityLink).join(', ') || t('none')}</p></div>
    <h2>${t('pair.sources')} (${p.sources.length})</h2><div class="card"><ul class="sources">${p.sources.map((s) => `<li>${sourceLink(s)}</li>`).join('') || `<li class="muted">${t('none')}</li>`}</ul></div>`;
}

async function showDeals() {
  const data = await api('/api/deals');
  view.innerHTML = `<h1>${t('deals.title')}</h1><div class="card">${factRows(data.deals)}</div>
    <h2>${t('deals.totals')}</h2><div class="card"><table><tbody>${data.totals.map((p) =>
      `<tr><td>${entityLink(p.investor)} → ${entityLink(p.investee)}</td><td class="num">${money({ value: p.total, currency: p.currency })}</td><td class="muted">${t('rule')}: ${esc(t(`rule.${p.rule}`))}</td></tr>`).join('')}</tbody></table></div>`;
}

async function showPay() {
  const data = await api('/api/pay');
  const all = [...data.offers, ...data.pay_statistics].filter((f) => f.amount && f.amount.currency === 'USD');
  view.innerHTML = `<h1>${t('pay.title')}</h1><div class="card"><div id="paychart" class="chart" style="height:320px"></div></div>
    <div class="card">${factRows(data.offers)}</div><h2>${t('pay.stats')}</h2><div class="card">${factRows(data.pay_statistics)}</div>`;
  disposeChart();
  chart = echarts.init(document.getElementById('paychart'), null, { renderer: 'svg' });
  const label = (f) => (f.type === 'offer' ? `${f.by} → ${f.person || f.target_org}` : `${f.org || '—'} ${f.stat || ''}`);
  chart.setOption({
    grid: { left: 220, right: 30, top: 10, bottom: 30 },
    xAxis: { type: 'log', name: 'USD' },
    yAxis: { type: 'category', data: all.map(label) },
    series: [{ type: 'bar', data: all.map((f) => f.amount.value) }],
    tooltip: {},
  });
}

async function showTimeline() {
  const data = await api('/api/timeline?limit=500');
  view.innerHTML = `<h1>${t('timeline.title')}</h1><div class="card"><table><thead><tr><th>${t('col.date')}</th><th>${t('col.type')}</th><th>${t('col.what')}</th><th>${t('col.amount')}</th><th>${t('col.sources')}</th></tr></thead><tbody>${
    data.items.map((f) => `<tr><td class="num">${esc(f.first_reported || '—')}</td><td>${esc(TYPE_NAMES[lang][f.type] || f.type)}</td><td>${describe(f)}</td><td class="num">${money(f.amount)}</td><td>${sourcesCell(f)}</td></tr>`).join('')
  }</tbody></table></div>`;
}

async function showEntity(name) {
  const p = await api(`/api/entities/${encodeURIComponent(name)}`);
  const feed = p.kind === 'person' || p.kind === 'org' ? `/api/feed.atom?${p.kind === 'person' ? 'person' : 'org'}=${encodeURIComponent(p.name)}` : '';
  view.innerHTML = `<h1 id="entity-name">${esc(p.name)} <span class="tag">${esc(t(`kind.${p.kind}`))}</span>${feed ? ` <a class="feed" href="${esc(feed)}" title="Atom">${t('entity.follow')}</a>` : ''}</h1>
    <div class="card"><p><b>${t('entity.spellings')}:</b> ${p.spellings.map(esc).join(', ')}</p>
    ${p.units && p.units.length ? `<p><b>${t('entity.units')}:</b> ${p.units.map(entityLink).join(', ')}</p>` : ''}
    ${p.affiliations && p.affiliations.length ? `<p><b>${t('entity.career')}:</b> ${p.affiliations.map(entityLink).join(' → ')}</p>` : ''}</div>
    <h2>${t('entity.facts')}</h2><div class="card">${factRows(p.facts)}</div>`;
}

async function showArticle(id, params) {
  const a = await api(`/api/articles/${id}`);
  const focus = params.get('e') || '';
  const evidence = a.events.map((e) => e.evidence).filter(Boolean);
  // Each paragraph, with every evidence sentence marked; the one followed here is scrolled to.
  const html = a.text.split('\n').filter(Boolean).map((para) => {
    let out = esc(para);
    for (const ev of evidence) {
      const safe = esc(ev);
      if (out.includes(safe)) out = out.replace(safe, `<mark${ev === focus ? ' id="focus" class="focus"' : ''}>${safe}</mark>`);
    }
    return `<p>${out}</p>`;
  }).join('');
  const self = { article_id: a.id, doc: a.doc, title: a.title, outlet: a.outlet, date: a.date, url: a.url };
  view.innerHTML = `<h1>${esc(a.title || a.doc)}</h1><p class="muted">${a.outlet ? esc(a.outlet) + ' · ' : ''}${esc(a.doc)} · ${esc(a.lang)} ${a.date ? '· ' + esc(a.date) : ''}${/^https?:\/\//i.test(a.url || '') ? ` · <a class="external" href="${esc(a.url)}" target="_blank" rel="noopener noreferrer">${esc(a.url)}</a>` : ''}</p>
    <div class="card article">${html}</div><h2>${t('article.events')}</h2><div class="card">${factRows(a.events.map((e) => ({ ...e, sources: [{ ...self, evidence: e.evidence }] })))}</div>`;
  const f = document.getElementById('focus');
  if (f) f.scrollIntoView({ block: 'center' });
}

async function showSearch(q) {
  const data = await api(`/api/search?q=${encodeURIComponent(q)}`);
  // Each spelling found as a word is a part of its own: shown as a highlight.
  const marked = (parts) => (parts || []).map((p) => (p.match ? `<mark>${esc(p.text)}</mark>` : esc(p.text))).join('');
  const entity = data.entity ? `<p class="found">${t('search.entity')}: ${entityLink(data.entity.name)} <span class="muted">${(data.spellings || []).map(esc).join(' · ')}</span></p>` : '';
  const near = (data.suggestions || []).length ? `<p class="suggestions">${t('search.didyoumean')}: ${data.suggestions.map(entityLink).join(', ')}</p>` : '';
  view.innerHTML = `<h1>${t('search.title')}: ${esc(q)}</h1>${entity}${near}<div class="card"><table><tbody>${
    data.items.map((h) => `<tr><td><a class="entity" href="#/article/${h.id}">${esc(h.title || h.doc)}</a> <span class="muted">${[h.outlet, h.date].filter(Boolean).map(esc).join(' · ')}</span><br><span class="snippet">${marked(h.snippet_parts)}</span></td></tr>`).join('') || `<tr><td class="muted">${t('none')}</td></tr>`
  }</tbody></table></div>`;
}

function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.getElementById('lang').textContent = t('lang.switch');
}

async function route() {
  const [path, query] = (location.hash.slice(1) || '/flows').split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean);
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.getAttribute('href') === `#/${parts[0]}`));
  applyLanguage();
  try {
    if (parts[0] === 'deals') await showDeals();
    else if (parts[0] === 'pay') await showPay();
    else if (parts[0] === 'timeline') await showTimeline();
    else if (parts[0] === 'entity') await showEntity(decodeURIComponent(parts.slice(1).join('/')));
    else if (parts[0] === 'article') await showArticle(parts[1], params);
    else if (parts[0] === 'search') await showSearch(params.get('q') || '');
    else if (parts[0] === 'pair') await showPair(params);
    else await showFlows(params);
    // Each view names itself in the tab: its heading, then the tool.
    const heading = view.querySelector('h1');
    document.title = heading ? `${heading.textContent.trim()} — talentwar` : 'talentwar';
    document.body.dataset.ready = location.hash;  // lets tests wait for a view to finish
  } catch (e) {
    view.innerHTML = `<div class="card"><b>${esc(e.message)}</b></div>`;
    document.body.dataset.ready = location.hash;
  }
}

document.getElementById('lang').addEventListener('click', () => {
  lang = lang === 'en' ? 'ko' : 'en';
  localStorage.setItem('talentwar.lang', lang);
  route();
});
document.getElementById('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = document.getElementById('search').value.trim();
  if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', route);
window.addEventListener('resize', () => chart && chart.resize());
route();
