// Opinion solicitation: the list of consultations, filtered by status and department, paged.

import './consultation-i18n.js';
import { api } from './api.js';
import { t } from './i18n.js';
import {
  currentUser, el, hasRole, keepInUrl, listQuery, onLangChange, rangeNode, setBilingual, setText, shorten,
} from './inquiry-common.js';
import { consultationHref, consultationStatusBadge } from './consultation-common.js';

const PAGE_SIZE = 10;
const STATUSES = ['upcoming', 'open', 'closed', 'concluded'];

const form = document.getElementById('filter-form');
const statusSelect = document.getElementById('filter-status');
const departmentSelect = document.getElementById('filter-department');
const list = document.getElementById('consultation-list');
const listStatus = document.getElementById('list-status');
const prevButton = document.getElementById('prev-page');
const nextButton = document.getElementById('next-page');
const pageInfo = document.getElementById('page-info');

const query = new URLSearchParams(window.location.search);
const state = {
  status: STATUSES.includes(query.get('status')) ? query.get('status') : '',
  department: /^\d+$/.test(query.get('department') || '') ? query.get('department') : '',
  page: Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0),
  total: 0,
};

function card(c) {
  const link = el('a', { text: c.title || '', attrs: { href: consultationHref(c) } });
  const meta = el('p', { className: 'session-meta' },
    consultationStatusBadge(c.status), ' ',
    setBilingual(el('span', { className: 'consultation-department' }), c.department, c.departmentEn), ' ',
    rangeNode(c.opensAt, c.closesAt, 'consultation-window'), ' ',
    setText(el('span', { className: 'consultation-comments' }), 'consult.list.comments', { n: c.approvedComments || 0 }));
  const item = el('li', { className: 'card session-card', attrs: { 'data-consultation-id': c.id } },
    el('h3', { className: 'card-title' }, link), meta);
  if (c.summary) item.append(el('p', { className: 'session-description', text: shorten(c.summary, 160) }));
  return item;
}

function syncUrl() {
  keepInUrl(listQuery(state, ['status', 'department']));
}

function updatePager() {
  const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
  prevButton.disabled = state.page <= 0;
  nextButton.disabled = state.page + 1 >= pages;
  setText(pageInfo, 'consult.pager.info', { page: Math.min(state.page + 1, pages), pages });
}

async function load() {
  syncUrl();
  list.setAttribute('aria-busy', 'true');
  setText(listStatus, 'consult.list.loading');
  const params = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
  if (state.status) params.set('status', state.status);
  if (state.department) params.set('department', state.department);
  try {
    const result = await api('GET', `/api/consultations?${params}`);
    const items = Array.isArray(result && result.items) ? result.items : [];
    state.total = Number(result && result.total) || 0;
    list.replaceChildren(...items.map(card));
    if (items.length) setText(listStatus, 'consult.list.count', { total: state.total });
    else setText(listStatus, 'consult.list.empty');
  } catch (err) {
    list.replaceChildren();
    listStatus.removeAttribute('data-t');
    listStatus.textContent = err.message || t('error.generic');
  }
  list.setAttribute('aria-busy', 'false');
  updatePager();
}

async function loadDepartments() {
  let departments = [];
  try {
    departments = await api('GET', '/api/departments');
  } catch {
    return; // the filter keeps "all departments"
  }
  departmentSelect.append(...(Array.isArray(departments) ? departments : []).map((d) => {
    const option = setBilingual(el('option', { attrs: { value: d.id } }), d.nameZh, d.nameEn);
    if (String(d.id) === state.department) option.selected = true;
    return option;
  }));
}

statusSelect.value = state.status;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  state.status = statusSelect.value;
  state.department = departmentSelect.value;
  state.page = 0;
  load();
});
for (const select of [statusSelect, departmentSelect]) {
  select.addEventListener('change', () => form.requestSubmit());
}
prevButton.addEventListener('click', () => {
  if (state.page > 0) {
    state.page -= 1;
    load();
  }
});
nextButton.addEventListener('click', () => {
  state.page += 1;
  load();
});
onLangChange(() => {});

loadDepartments();
load();
// Officials of a department find their own consultations (drafts included) from here.
currentUser().then((user) => {
  document.getElementById('manage-link').hidden = !(hasRole(user, 'official') && user.departmentId);
}).catch(() => {});
