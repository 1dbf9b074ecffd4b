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
    'filter.type': 'Type', 'filter.all': 'all', 'filter.org': 'Organisation', 'filter.person': 'Person', 'filter.lang': 'Language',
    'filter.top': 'Largest pairs', 'filter.clear': 'Clear', 'lang.ko': 'Korean', 'lang.en': 'English',
    'page.of': 'of', 'page.prev': '← Previous', 'page.next': 'Next →', 'flows.other': 'Other', 'flows.net': 'Net gain (click for the moves)',
    'flows.monthly': 'People moving by month', 'flows.monthly.note': 'people named, by month of first report', 'flows.into': 'in', 'flows.outof': 'out',
    'flows.moves': 'the moves', 'timeline.undated': 'facts reported without a date are not placed in this window',
    'pay.offers': 'Offers and packages', 'pay.usd': 'Show in US dollars', 'pay.own': 'Show in each currency',
    'pay.rates': 'US dollar figures use the yearly rates of data/rates/usd.tsv (Federal Reserve H.10 annual averages, rounded) in effect when each fact was first reported.',
    'pay.not_on_axis': 'in other currencies are listed below, not on this axis:', 'pay.click': 'Click a bar to read the sentence it comes from.',
    'col.kind': 'Kind', 'col.outcome': 'Outcome', 'col.period': 'Period', 'col.claimed': 'Claimed by', 'col.population': 'Who',
    'comp.signing_bonus': 'signing bonus', 'comp.annual_pay': 'annual pay', 'comp.package': 'package', 'comp.raise': 'raise',
    'outcome.accepted': 'accepted', 'outcome.declined': 'declined', 'outcome.unknown': 'not known', 'period.year': 'per year', 'period.total': 'in total',
    'qual.up_to': 'up to', 'qual.at_least': 'at least', 'qual.about': 'about', 'deals.open': 'the deals',
    'undated.reports': 'reports without a date are not placed in this window', 'happened': 'happened', 'reach.from': 'Facts from the newest', 'reach.of': 'of', 'reach.more': 'matching reports: narrow the dates, type or organisation to reach older ones.',
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
    'filter.type': '유형', 'filter.all': '전체', 'filter.org': '조직', 'filter.person': '인물', 'filter.lang': '언어',
    'filter.top': '큰 흐름 수', 'filter.clear': '초기화', 'lang.ko': '한국어', 'lang.en': '영어',
    'page.of': '/', 'page.prev': '← 이전', 'page.next': '다음 →', 'flows.other': '기타', 'flows.net': '순유입 (누르면 이동 목록)',
    'flows.monthly': '월별 인재 이동', 'flows.monthly.note': '이름이 보도된 사람, 첫 보도 월 기준', 'flows.into': '유입', 'flows.outof': '유출',
    'flows.moves': '이동 목록', 'timeline.undated': '건은 날짜 없이 보도되어 이 기간에 넣지 못했습니다',
    'pay.offers': '영입 제안과 보상 패키지', 'pay.usd': '미국 달러로 보기', 'pay.own': '각 통화로 보기',
    'pay.rates': '달러 환산은 data/rates/usd.tsv의 연간 환율(미 연준 H.10 연평균, 반올림)을 각 사실이 처음 보도된 시점 기준으로 적용했습니다.',
    'pay.not_on_axis': '건은 다른 통화라 이 축에 없고 아래 표에 있습니다:', 'pay.click': '막대를 누르면 근거 문장을 볼 수 있습니다.',
    'col.kind': '종류', 'col.outcome': '결과', 'col.period': '기간', 'col.claimed': '주장한 곳', 'col.population': '대상',
    'comp.signing_bonus': '입사 보너스', 'comp.annual_pay': '연봉', 'comp.package': '보상 패키지', 'comp.raise': '인상',
    'outcome.accepted': '수락', 'outcome.declined': '거절', 'outcome.unknown': '알 수 없음', 'period.year': '연간', 'period.total': '총액',
    'qual.up_to': '최대', 'qual.at_least': '최소', 'qual.about': '약', 'deals.open': '거래 목록',
    'undated.reports': '건의 보도는 날짜가 없어 이 기간에 넣지 못했습니다', 'happened': '발생', 'reach.from': '조건에 맞는 보도', 'reach.of': '건 중 최신', 'reach.more': '건에서 만든 사실입니다. 더 오래된 것은 기간·유형·조직으로 좁혀 보세요.',
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
let charts = [];  // the view's charts, disposed when it is left

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
  const v = m.value, cur = { USD: '$', KRW: '₩', EUR: '€', GBP: '£', JPY: '¥', CNY: 'CN¥' }[m.currency] || `${m.currency} `;
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
  return `<div class="scroll"><table><thead><tr><th>${t('col.type')}</th><th>${t('col.what')}</th><th>${t('col.amount')}</th><th>${t('col.sources')}</th></tr></thead><tbody>${
    facts.map((f) => `<tr data-type="${esc(f.type)}"><td>${esc(TYPE_NAMES[lang][f.type] || f.type)}${f.disputed ? ` <span class="tag disputed">${t('disputed')}</span>` : ''}</td><td>${describe(f)}</td><td class="num">${money(f.amount)}</td><td>${sourcesCell(f)}</td></tr>`).join('')
  }</tbody></table></div>`;
}

function disposeCharts() {
  for (const c of charts) c.dispose();
  charts = [];
}

// Filters live in the URL (#/view?org=Meta&since=2025), so a view can be shared as it is.
// `fields` names the inputs a view offers; `types` the event types its list holds.
function filterForm(viewName, params, fields, types = []) {
  const input = (k, placeholder, size = 12, label = `filter.${k}`) =>
    `<label>${t(label)} <input name="${k}" value="${esc(params.get(k) || '')}" placeholder="${esc(placeholder)}" size="${size}"></label>`;
  const select = (k, options) => `<label>${t(`filter.${k}`)} <select name="${k}"><option value="">${t('filter.all')}</option>${
    options.map(([v, label]) => `<option value="${esc(v)}"${params.get(k) === v ? ' selected' : ''}>${esc(label)}</option>`).join('')}</select></label>`;
  const parts = fields.map((k) => {
    if (k === 'type') return select('type', types.map((ty) => [ty, TYPE_NAMES[lang][ty]]));
    if (k === 'lang') return select('lang', [['ko', t('lang.ko')], ['en', t('lang.en')]]);
    if (k === 'top') return `<label>${t('filter.top')} <select name="top">${[10, 25, 50, 100].map((n) =>
      `<option${String(n) === (params.get('top') || '25') ? ' selected' : ''}>${n}</option>`).join('')}</select></label>`;
    if (k === 'since') return input('since', '2024-01', 9, 'flows.since');
    if (k === 'until') return input('until', '2025-12', 9, 'flows.until');
    return input(k, k === 'org' ? 'Meta' : 'Shengjia Zhao');
  });
  return `<form class="controls filters" data-view="${viewName}">${parts.join('')}<button type="submit">${t('flows.apply')}</button>
    <a class="clear" href="#/${viewName}">${t('filter.clear')}</a></form>`;
}

function bindFilters(keep = []) {
  const form = view.querySelector('form.filters');
  if (!form) return;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) p.set(k, String(v).trim());
    for (const [k, v] of keep) p.set(k, v);
    location.hash = `#/${form.dataset.view}?${p}`;
  });
}

// The same view with some parameters changed (paging, a toggle), the others kept.
function hashWith(viewName, params, changes) {
  const p = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v === '' || v === null || v === undefined) p.delete(k);
    else p.set(k, v);
  }
  return `#/${viewName}?${p}`;
}

function pager(viewName, params, total, offset, limit, shown, key = 'offset') {
  const from = total ? offset + 1 : 0, to = offset + shown;
  const prev = offset > 0 ? `<a class="prev" href="${hashWith(viewName, params, { [key]: Math.max(0, offset - limit) || '' })}">${t('page.prev')}</a>` : '';
  const next = to < total ? `<a class="next" href="${hashWith(viewName, params, { [key]: offset + limit })}">${t('page.next')}</a>` : '';
  return `<p class="pager muted"><span class="range">${from}–${to} ${t('page.of')} <b class="total">${total}</b></span> ${prev} ${next}</p>`;
}

// A windowed list says how many reports it could not place for want of a date.
function undatedNote(data) {
  return data.undated_reports ? `<p class="undated muted">+${data.undated_reports} ${t('undated.reports')}</p>` : '';
}

// A list built from the newest matching reports says so when there are more of them.
function reachNote(data) {
  if (!data.reports_matching || data.reports_matching <= data.reports_read) return '';
  const matching = `${data.reports_matching.toLocaleString()}${data.reports_matching_exact ? '' : '+'}`;
  const read = data.reports_read.toLocaleString();
  return lang === 'ko'
    ? `<p class="reach muted">${t('reach.from')} ${matching}${t('reach.of')} ${read}${t('reach.more')}</p>`
    : `<p class="reach muted">${t('reach.from')} ${read} ${t('reach.of')} ${matching} ${t('reach.more')}</p>`;
}

// The API's own parameters of a view: the filters, the page.
function apiQuery(params, keys) {
  const q = new URLSearchParams();
  for (const k of keys) if (params.get(k)) q.set(k, params.get(k));
  return q;
}

function drawChart(id, option) {
  const el = document.getElementById(id);
  if (!el) return null;
  const c = echarts.init(el, null, { renderer: 'svg' });
  c.setOption({ animation: false, ...option });  // drawn at once: a view is read, not watched
  charts.push(c);
  return c;
}

function movesOf(org, params) {
  return hashWith('timeline', new URLSearchParams(), { type: 'move', org, since: params.get('since'), until: params.get('until') });
}

async function showFlows(params) {
  const since = params.get('since') || '', until = params.get('until') || '', org = params.get('org') || '';
  const top = params.get('top') || '25';
  const q = apiQuery(params, ['since', 'until', 'org']);
  q.set('top', top);
  const [data, monthly] = await Promise.all([api(`/api/flows?${q}`), api(`/api/flows/monthly?${apiQuery(params, ['since', 'until', 'org'])}`)]);
  const roffset = Number(params.get('roffset') || 0), rlimit = 25;
  const ranked = data.organisations.slice(roffset, roffset + rlimit);
  view.innerHTML = `<h1>${t('flows.title')}</h1>
    <div class="card">${filterForm('flows', params, ['since', 'until', 'org', 'top'])}
      <p class="muted">${data.flows.length} ${t('flows.listed')} ${data.pairs}. ${t('flows.click')}${data.undated ? ` <span class="undated">+${data.undated} ${t('flows.undated')}</span>` : ''}</p>
      <div id="sankey" class="chart"></div></div>
    <div class="grid2"><div class="card"><h2>${t('flows.net')}</h2><div id="netchart" class="chart small"></div></div>
      <div class="card"><h2>${t('flows.monthly')}${monthly.org ? `: ${esc(monthly.org)}` : ''}</h2><p class="muted">${t('flows.monthly.note')}</p><div id="monthchart" class="chart small"></div></div></div>
    <h2>${t('flows.ranking')}</h2><div class="card"><div class="scroll"><table id="ranking"><thead><tr><th>${t('col.org')}</th><th>${t('col.in')}</th><th>${t('col.out')}</th><th>${t('col.net')}</th><th>${t('col.from')}</th></tr></thead><tbody>${
      ranked.map((o) => `<tr data-org="${esc(o.org)}"><td>${entityLink(o.org)}</td><td class="num">${o.in}</td><td class="num">${o.out}</td><td class="num"><a class="net" href="${movesOf(o.org, params)}" title="${t('flows.moves')}">${o.net > 0 ? '+' : ''}${o.net}</a></td><td>${
        o.sources.map((s) => `${esc(s.org)} (${s.people})${s.units ? ` <span class="muted">${s.units.map(esc).join(', ')}</span>` : ''}`).join(', ')}</td></tr>`).join('')
    }</tbody></table></div>${pager('flows', params, data.organisations.length, roffset, rlimit, ranked.length, 'roffset')}</div>`;
  bindFilters();
  // Sankey needs an acyclic graph: sources on the left ("OpenAI"), destinations on the right ("→ Meta").
  // The pairs not listed join one "Other" node on each side, so the picture still adds up.
  const nodes = new Map();
  const other = t('flows.other');
  const links = data.flows.map((e) => {
    const from = e.from_units && e.from_units.length === 1 ? e.from_units[0] : e.from;
    const to = `→ ${e.to}`;
    nodes.set(from, { name: from });
    nodes.set(to, { name: to });
    return { source: from, target: to, value: e.people, from: e.from, to: e.to };
  });
  for (const o of data.other?.into_listed || []) {
    nodes.set(other, { name: other, itemStyle: { color: '#adb5bd' } });
    links.push({ source: other, target: `→ ${o.to}`, value: o.people, other: true });
  }
  if (data.other?.elsewhere) {
    nodes.set(other, { name: other, itemStyle: { color: '#adb5bd' } });
    nodes.set(`→ ${other}`, { name: `→ ${other}`, itemStyle: { color: '#adb5bd' } });
    links.push({ source: other, target: `→ ${other}`, value: data.other.elsewhere, other: true });
  }
  const sankey = drawChart('sankey', {
    tooltip: { trigger: 'item' },
    series: [{ type: 'sankey', data: [...nodes.values()], links, emphasis: { focus: 'adjacency' }, nodeAlign: 'justify',
      left: 10, right: Math.min(170, Math.round(document.getElementById('sankey').clientWidth * 0.3)),  // room for the right-hand labels
      label: { fontSize: 12 }, lineStyle: { color: 'gradient', curveness: 0.5 } }],
  });
  sankey.on('click', (p) => {
    if (p.dataType === 'node' && !p.name.endsWith(other)) location.hash = `#/entity/${encodeURIComponent(p.name.replace(/^→ /, ''))}`;
    if (p.dataType === 'edge' && !p.data.other) location.hash = `#/pair?${new URLSearchParams({ from: p.data.from, to: p.data.to, ...(since && { since }), ...(until && { until }) })}`;
  });
  // Net gain: the largest winners and losers; a bar opens the moves behind it.
  const net = [...data.organisations].filter((o) => o.net !== 0).sort((a, b) => Math.abs(b.net) - Math.abs(a.net)).slice(0, 12)
    .sort((a, b) => a.net - b.net);
  const netChart = drawChart('netchart', {
    grid: { left: 130, right: 20, top: 10, bottom: 25 }, tooltip: {},
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: net.map((o) => o.org), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ type: 'bar', data: net.map((o) => ({ value: o.net, org: o.org, itemStyle: { color: o.net > 0 ? '#2f9e44' : '#e03131' } })) }],
  });
  netChart.on('click', (p) => { location.hash = movesOf(p.data.org, params); });
  const months = monthly.months || [];
  drawChart('monthchart', {
    grid: { left: 40, right: 20, top: 25, bottom: 25 }, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    xAxis: { type: 'category', data: months.map((m) => m.month) }, yAxis: { type: 'value', minInterval: 1 },
    series: monthly.org
      ? [{ name: t('flows.into'), type: 'bar', stack: 'n', data: months.map((m) => m.in), itemStyle: { color: '#2f9e44' } },
        { name: t('flows.outof'), type: 'bar', stack: 'n', data: months.map((m) => -m.out), itemStyle: { color: '#e03131' } }]
      : [{ name: t('people'), type: 'bar', data: months.map((m) => m.in) }],
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

const LIST_KEYS = ['type', 'org', 'person', 'since', 'until', 'lang', 'offset', 'limit'];

async function showDeals(params) {
  const data = await api(`/api/deals?${apiQuery(params, LIST_KEYS)}`);
  view.innerHTML = `<h1>${t('deals.title')}</h1><div class="card">${filterForm('deals', params, ['type', 'org', 'since', 'until', 'lang'], ['investment', 'acquisition'])}
    ${pager('deals', params, data.total, data.offset, data.limit, data.deals.length)}${reachNote(data)}${undatedNote(data)}${factRows(data.deals)}</div>
    <h2>${t('deals.totals')}</h2><div class="card"><div class="scroll"><table id="totals"><tbody>${data.totals.map((p) =>
      `<tr><td>${entityLink(p.investor)} → ${entityLink(p.investee)}</td><td class="num"><a class="open" href="${hashWith('deals', new URLSearchParams(), { type: 'investment', org: p.investee })}" title="${t('deals.open')}">${money({ value: p.total, currency: p.currency })}</a></td><td class="muted">${t('rule')}: ${esc(t(`rule.${p.rule}`))}</td></tr>`).join('')}</tbody></table></div></div>`;
  bindFilters();
}

// An amount as it was reported, with its qualifier in words; the dollar figure beside it when asked.
function amountCell(f, usd) {
  if (!f.amount) return '';
  const own = money({ ...f.amount, qualifier: undefined });  // the qualifier is shown in words beside it
  if (!usd || !f.amount_usd) return own;
  return `${own}<br><span class="muted" title="${esc(`${f.amount_usd.per_usd} ${f.amount.currency}/USD, ${f.amount_usd.rate_from}`)}">≈ ${money({ value: f.amount_usd.value, currency: 'USD' })}</span>`;
}

function payRows(facts, usd, stats) {
  if (!facts.length) return `<p class="muted">${t('none')}</p>`;
  const label = (prefix, v) => (v ? esc(t(`${prefix}.${v}`)) : '');
  const head = stats
    ? `<th>${t('col.what')}</th><th>${t('col.population')}</th><th>${t('col.amount')}</th><th>${t('col.period')}</th><th>${t('col.sources')}</th>`
    : `<th>${t('col.what')}</th><th>${t('col.kind')}</th><th>${t('col.outcome')}</th><th>${t('col.amount')}</th><th>${t('col.claimed')}</th><th>${t('col.sources')}</th>`;
  return `<div class="scroll"><table class="pay"><thead><tr>${head}</tr></thead><tbody>${facts.map((f) => {
    const q = f.amount && f.amount.qualifier ? `<span class="tag">${label('qual', f.amount.qualifier)}</span> ` : '';
    const claimed = [...new Set((f.claims || []).map((c) => c.by))].map(esc).join(', ');
    return stats
      ? `<tr><td>${describe(f)}</td><td>${esc(f.population || '')}</td><td class="num">${q}${amountCell(f, usd)}</td><td>${label('period', f.period)}</td><td>${sourcesCell(f)}</td></tr>`
      : `<tr><td>${describe(f)}${f.disputed ? ` <span class="tag disputed">${t('disputed')}</span>` : ''}</td><td>${label('comp', f.comp_kind)}</td><td>${label('outcome', f.outcome)}</td><td class="num">${q}${amountCell(f, usd)}</td><td>${claimed}</td><td>${sourcesCell(f)}</td></tr>`;
  }).join('')}</tbody></table></div>`;
}

// One bar per fact with an amount on this axis, labelled so no two bars share a label;
// a bar opens the article at the sentence the figure comes from.
function payChart(id, facts, usd, currency) {
  const onAxis = facts.filter((f) => f.amount && (usd ? f.amount.currency === 'USD' || f.amount_usd : f.amount.currency === currency));
  const seen = new Map();
  const labels = onAxis.map((f) => {
    const base = f.type === 'offer' ? `${f.by || '?'} → ${f.person || f.target_org || '?'}` : `${f.org || '—'} ${f.stat ? t(`stat.${f.stat}`) : ''}`;
    const n = (seen.get(base) || 0) + 1;
    seen.set(base, n);
    return n > 1 ? `${base} (${n})` : base;
  });
  const el = document.getElementById(id);
  if (el) el.style.height = `${Math.max(170, 26 * onAxis.length + 65)}px`;
  const labelWidth = Math.min(230, Math.round((el?.clientWidth || 800) * 0.42));  // narrower on a phone
  const c = drawChart(id, {
    grid: { left: labelWidth, right: 40, top: 10, bottom: 45 }, tooltip: {},
    xAxis: { type: 'log', name: usd ? 'USD' : currency, nameLocation: 'middle', nameGap: 24,
      min: (v) => 10 ** (Math.ceil(Math.log10(v.min)) - 1),  // a power of ten below the least, so every bar shows
      axisLabel: { formatter: (v) => money({ value: v, currency: usd ? 'USD' : currency }) } },
    yAxis: { type: 'category', data: labels, axisLabel: { width: labelWidth - 10, overflow: 'truncate' } },
    series: [{ type: 'bar', data: onAxis.map((f) => ({ value: usd && f.amount.currency !== 'USD' ? f.amount_usd.value : f.amount.value, fact: f })) }],
  });
  c?.on('click', (p) => {
    const s = (p.data.fact.sources || [])[0];
    if (s && s.article_id) location.hash = `#/article/${s.article_id}?e=${encodeURIComponent(s.evidence || '')}`;
  });
  return facts.filter((f) => f.amount).length - onAxis.length;
}

async function showPay(params) {
  const data = await api(`/api/pay?${apiQuery(params, LIST_KEYS)}`);
  const usd = params.get('usd') === '1';
  const currencies = [...new Set([...data.offers, ...data.pay_statistics].filter((f) => f.amount).map((f) => f.amount.currency))].sort();
  const currency = params.get('cur') && currencies.includes(params.get('cur')) ? params.get('cur') : currencies.includes('USD') ? 'USD' : currencies[0] || 'USD';
  const toggles = `<p class="toggles">${usd ? `<a href="${hashWith('pay', params, { usd: '' })}">${t('pay.own')}</a>`
    : `${currencies.map((c) => (c === currency ? `<b>${esc(c)}</b>` : `<a href="${hashWith('pay', params, { cur: c })}">${esc(c)}</a>`)).join(' · ')} · <a class="usd" href="${hashWith('pay', params, { usd: '1' })}">${t('pay.usd')}</a>`}</p>
    ${usd ? `<p class="muted rates">${t('pay.rates')}</p>` : ''}`;
  const total = Math.max(data.summary.offers, data.summary.pay_statistics);
  view.innerHTML = `<h1>${t('pay.title')}</h1><div class="card">${filterForm('pay', params, ['type', 'org', 'person', 'since', 'until', 'lang'], ['offer', 'comp_stat'])}${toggles}
    ${pager('pay', params, total, data.offset, data.limit, Math.max(data.offers.length, data.pay_statistics.length))}${reachNote(data)}${undatedNote(data)}</div>
    <h2>${t('pay.offers')} (${data.summary.offers})</h2><div class="card"><p class="muted">${t('pay.click')} <span id="offers-off"></span></p><div id="paychart" class="chart"></div>${payRows(data.offers, usd, false)}</div>
    <h2>${t('pay.stats')} (${data.summary.pay_statistics})</h2><div class="card"><p class="muted" id="stats-off"></p><div id="statchart" class="chart"></div>${payRows(data.pay_statistics, usd, true)}</div>`;
  bindFilters(Object.entries({ usd: params.get('usd'), cur: params.get('cur') }).filter(([, v]) => v));
  const off = (n) => (n ? `${n} ${t('pay.not_on_axis')} ${esc(currencies.filter((c) => c !== currency).join(', '))}` : '');
  document.getElementById('offers-off').textContent = off(payChart('paychart', data.offers, usd, currency));
  document.getElementById('stats-off').textContent = off(payChart('statchart', data.pay_statistics, usd, currency));
}

async function showTimeline(params) {
  const data = await api(`/api/timeline?${apiQuery(params, LIST_KEYS)}`);
  view.innerHTML = `<h1>${t('timeline.title')}</h1><div class="card">${filterForm('timeline', params, ['type', 'org', 'person', 'since', 'until', 'lang'], Object.keys(TYPE_NAMES.en))}
    ${data.undated ? `<p class="undated muted">+${data.undated} ${t('timeline.undated')}</p>` : ''}
    ${pager('timeline', params, data.total, data.offset, data.limit, data.items.length)}${reachNote(data)}
    <div class="scroll"><table><thead><tr><th>${t('col.date')}</th><th>${t('col.type')}</th><th>${t('col.what')}</th><th>${t('col.amount')}</th><th>${t('col.sources')}</th></tr></thead><tbody>${
    data.items.map((f) => `<tr><td class="num">${esc(f.first_reported || '—')}${f.event_date && f.event_date !== f.first_reported ? `<br><span class="muted happened">${t('happened')} ${esc(f.event_date)}</span>` : ''}</td><td>${esc(TYPE_NAMES[lang][f.type] || f.type)}</td><td>${describe(f)}</td><td class="num">${money(f.amount)}</td><td>${sourcesCell(f)}</td></tr>`).join('')
  }</tbody></table></div></div>`;
  bindFilters();
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
    disposeCharts();
    if (parts[0] === 'deals') await showDeals(params);
    else if (parts[0] === 'pay') await showPay(params);
    else if (parts[0] === 'timeline') await showTimeline(params);
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
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
route();
