// Published letters: masked letters whose writers consented, filtered by handling department,
// kind and month received, paged, as a table linking to each letter.

import { api } from './api.js';
import { t } from './i18n.js';
import { el, keepInUrl, listQuery, onLangChange, setText, timeNode } from './inquiry-common.js';
import { departmentNode, KINDS, kindNode, wirePager } from './mailbox-common.js';
import { DEPARTMENT, fillDepartments, fillKinds, MONTH, param } from './mailbox-public-common.js';

const PAGE_SIZE = 20;
const $ = (id) => document.getElementById(id);
const rows = $('letter-rows');
const status = $('list-status');
const form = $('filter-form');
const query = new URLSearchParams(window.location.search);
const state = {
  department: param(query, 'department', DEPARTMENT),
  kind: KINDS.includes(query.get('kind')) ? query.get('kind') : '',
  month: param(query, 'month', MONTH),
  page: Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0),
  total: 0,
};

function row(letter) {
  const link = el('a', { text: letter.title || '', attrs: { href: `/mailbox/published-letter.html?id=${encodeURIComponent(letter.id)}` } });
  return el('tr', { attrs: { 'data-letter-id': letter.id } },
    el('th', { attrs: { scope: 'row' } }, link),
    el('td', {}, kindNode(letter.kind)),
    el('td', {}, departmentNode(letter.department)),
    el('td', {}, timeNode(letter.receivedAt, 'date')),
    el('td', {}, letter.repliedAt ? timeNode(letter.repliedAt, 'date') : el('span', { i18n: 'mpub.none' })));
}

let updatePager = () => {};

async function load(page = state.page) {
  state.page = page;
  keepInUrl(listQuery(state, ['department', 'kind', 'month']));
  rows.parentElement.setAttribute('aria-busy', 'true');
  setText(status, 'mpub.loading');
  const params = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
  for (const name of ['department', 'kind', 'month']) if (state[name]) params.set(name, state[name]);
  try {
    const result = await api('GET', `/api/mailbox/public/letters?${params}`);
    const items = Array.isArray(result && result.items) ? result.items : [];
    state.total = Number(result && result.total) || 0;
    rows.replaceChildren(...items.map(row));
    setText(status, items.length ? 'mpub.list.count' : 'mpub.list.empty', { total: state.total });
  } catch (err) {
    rows.replaceChildren();
    status.removeAttribute('data-t');
    status.textContent = err.message || t('error.generic');
  }
  rows.parentElement.setAttribute('aria-busy', 'false');
  updatePager();
}

function readForm() {
  state.department = $('filter-department').value;
  state.kind = $('filter-kind').value;
  state.month = MONTH.test($('filter-month').value) ? $('filter-month').value : '';
}

fillKinds($('filter-kind'), state.kind);
$('filter-month').value = state.month;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  readForm();
  load(0);
});
for (const select of [$('filter-department'), $('filter-kind')]) select.addEventListener('change', () => form.requestSubmit());
$('filter-reset').addEventListener('click', () => {
  form.reset();
  readForm();
  load(0);
});
updatePager = wirePager(state, PAGE_SIZE, load);
onLangChange(() => {});
fillDepartments($('filter-department'), state.department);
load();
