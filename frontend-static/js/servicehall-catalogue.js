// The service catalogue: keyword and filters (department, audience, life event, online depth,
// fully online only), each option with the count the server computed over the other active
// filters; the 综合网办率 figure; paging. The whole search lives in the address, so a result
// can be bookmarked, shared, and is still there when the person comes back from a guide.

import './servicehall-i18n.js';
import { api } from './api.js';
import { currentLang, t } from './i18n.js';
import { currentUser, el, formatNumber, keepInUrl, listQuery, onLangChange, setText } from './inquiry-common.js';
import { isReviewer, labelFor } from './servicehall-common.js';

const PAGE_SIZE = 20;
const FILTERS = ['q', 'department', 'audience', 'lifeEvent', 'depth', 'online'];
const $ = (id) => document.getElementById(id);
const form = $('filter-form');
const selects = { department: $('filter-department'), audience: $('filter-audience'), lifeEvent: $('filter-lifeEvent'), depth: $('filter-depth') };

function fromUrl() {
  const query = new URLSearchParams(window.location.search);
  const state = { page: Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0), total: 0 };
  for (const name of FILTERS) state[name] = (query.get(name) || '').trim().slice(0, 100);
  if (state.online !== 'true') state.online = '';
  return state;
}

let state = fromUrl();
let lastFacets = null;

/** The label of a facet value in the current language; depths get the level descriptions. */
function facetLabel(name, value) {
  if (name === 'depth') return t(`sh.depth.${value.value}`);
  if (name === 'audience') return t(`sh.audience.${value.value}`);
  return currentLang() === 'en' ? (value.labelEn || value.label) : value.label;
}

/** Rebuilds a filter's options from its facet; a chosen value stays even when nothing matches it now. */
function fillSelect(name, values) {
  const select = selects[name];
  const options = [el('option', { i18n: 'sh.search.any', attrs: { value: '' } })];
  const list = Array.isArray(values) ? values.slice() : [];
  if (state[name] && !list.some((v) => v.value === state[name])) list.push({ value: state[name], label: state[name], count: 0 });
  for (const v of list) {
    const option = setText(el('option', { attrs: { value: v.value, 'data-count': v.count } }), 'sh.search.optionCount',
      { label: facetLabel(name, v), n: formatNumber(v.count) });
    options.push(option);
  }
  select.replaceChildren(...options);
  select.value = state[name];
}

function fillFilters(facets) {
  lastFacets = facets || {};
  for (const name of Object.keys(selects)) fillSelect(name, lastFacets[name]);
  $('q').value = state.q;
  $('filter-online').checked = state.online === 'true';
}

function card(s) {
  const link = el('a', { attrs: { href: `/servicehall/service.html?code=${encodeURIComponent(s.code)}` } });
  link.setAttribute('data-zh', s.name || '');
  link.setAttribute('data-en', s.nameEn || s.name || '');
  link.textContent = currentLang() === 'en' ? (s.nameEn || s.name) : s.name;
  const dept = el('span', { className: 'sh-dept' });
  dept.setAttribute('data-zh', (s.department && s.department.name) || '');
  dept.setAttribute('data-en', (s.department && (s.department.nameEn || s.department.name)) || '');
  dept.textContent = dept.getAttribute(currentLang() === 'en' ? 'data-en' : 'data-zh');
  const area = el('span', { className: 'sh-area' });
  area.setAttribute('data-zh', (s.area && s.area.name) || '');
  area.setAttribute('data-en', (s.area && (s.area.nameEn || s.area.name)) || '');
  area.textContent = area.getAttribute(currentLang() === 'en' ? 'data-en' : 'data-zh');
  const meta = el('p', { className: 'session-meta sh-meta' }, dept, ' · ', area, ' · ', labelFor('sh.audience', s.audience));
  const badges = el('p', { className: 'sh-badges' },
    s.fullyOnline ? el('span', { className: 'badge sh-online', i18n: 'sh.fullyOnline' })
      : setText(el('span', { className: 'badge sh-depth' }), 'sh.depthShort', { n: s.onlineDepth }), ' ',
    s.promisedDays ? setText(el('span', { className: 'badge sh-days' }), 'sh.promised', { n: s.promisedDays })
      : el('span', { className: 'badge sh-days', i18n: 'sh.promised0' }), ' ',
    s.onSiteVisits ? setText(el('span', { className: 'badge sh-visits' }), 'sh.visits', { n: s.onSiteVisits })
      : el('span', { className: 'badge sh-visits', i18n: 'sh.visits0' }));
  return el('li', { className: 'card session-card sh-service', attrs: { 'data-code': s.code } },
    el('h3', { className: 'card-title' }, link), meta, badges);
}

function updatePager() {
  const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
  $('prev-page').disabled = state.page <= 0;
  $('next-page').disabled = state.page + 1 >= pages;
  setText($('page-info'), 'sh.pager.info', { page: Math.min(state.page + 1, pages), pages });
}

async function load() {
  keepInUrl(listQuery(state, FILTERS));
  const list = $('service-list');
  const status = $('list-status');
  list.setAttribute('aria-busy', 'true');
  setText(status, 'sh.loading');
  const params = listQuery(state, FILTERS);
  params.set('page', String(state.page));
  params.set('size', String(PAGE_SIZE));
  try {
    const result = await api('GET', `/api/services?${params}`);
    $('filter-errors').hidden = true;
    const items = Array.isArray(result && result.items) ? result.items : [];
    state.total = Number(result && result.total) || 0;
    list.replaceChildren(...items.map(card));
    fillFilters(result && result.facets);
    setText(status, items.length ? 'sh.list.count' : 'sh.list.empty', { total: formatNumber(state.total) });
  } catch (err) {
    list.replaceChildren();
    state.total = 0;
    const p = err.problem || {};
    const box = $('filter-errors');
    box.replaceChildren(el('p', { text: p.detail || p.title || err.message || t('error.generic') }),
      ...(Array.isArray(p.errors) ? [el('ul', {}, ...p.errors.map((e) => el('li', { text: e.message || e.code })))] : []));
    box.hidden = false;
    status.removeAttribute('data-t');
    status.textContent = '';
    if (!lastFacets) fillFilters({});
  }
  list.setAttribute('aria-busy', 'false');
  updatePager();
}

async function loadStats() {
  try {
    const stats = await api('GET', '/api/services/stats');
    const rate = new Intl.NumberFormat(currentLang(), { style: 'percent', maximumFractionDigits: 1 }).format(Number(stats.onlineRate) || 0);
    $('online-rate').textContent = rate;
    $('online-rate').setAttribute('data-rate', String(stats.onlineRate));
    setText($('stats-detail'), 'sh.stats.detail', { total: formatNumber(stats.total), online: formatNumber(stats.fullyOnline) });
  } catch {
    setText($('stats-detail'), 'sh.stats.unavailable');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  state.q = $('q').value.trim().slice(0, 100);
  for (const name of Object.keys(selects)) state[name] = selects[name].value;
  state.online = $('filter-online').checked ? 'true' : '';
  state.page = 0;
  load();
});
for (const control of [...Object.values(selects), $('filter-online')]) {
  control.addEventListener('change', () => form.requestSubmit());
}
$('filter-reset').addEventListener('click', () => {
  state = { page: 0, total: 0 };
  for (const name of FILTERS) state[name] = '';
  load();
});
$('prev-page').addEventListener('click', () => {
  if (state.page > 0) {
    state.page -= 1;
    load();
  }
});
$('next-page').addEventListener('click', () => {
  state.page += 1;
  load();
});
onLangChange(() => {
  if (lastFacets) fillFilters(lastFacets);
  loadStats();
});

currentUser().then((user) => {
  $('review-link-item').hidden = !isReviewer(user);
});
loadStats();
load();
