// My applications: every application of the signed-in applicant, drafts included, newest first
// as the server orders them, filtered by status and paged; each leads to its page with the
// status timeline.

import './servicehall-i18n.js';
import { api } from './api.js';
import { t } from './i18n.js';
import { el, keepInUrl, listQuery, onLangChange, setText, timeNode } from './inquiry-common.js';
import {
  STATUSES, dateNode, isApplicant, overdueBadge, requireUser, statusBadge, wirePager,
} from './servicehall-common.js';

const PAGE_SIZE = 20;
const $ = (id) => document.getElementById(id);
const query = new URLSearchParams(window.location.search);
const state = {
  status: STATUSES.includes(query.get('status')) ? query.get('status') : '',
  page: Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0),
  total: 0,
};
let updatePager = () => {};

function statusOptions(select, chosen) {
  select.replaceChildren(el('option', { i18n: 'sh.status.any', attrs: { value: '' } }),
    ...STATUSES.map((s) => el('option', { i18n: `sh.status.${s}`, attrs: { value: s } })));
  select.value = chosen;
}

function item(a) {
  const href = a.status === 'draft' ? `/servicehall/apply.html?id=${encodeURIComponent(a.id)}`
    : `/servicehall/application.html?id=${encodeURIComponent(a.id)}`;
  const title = el('h2', { className: 'card-title' }, el('a', { text: a.serviceName || a.serviceCode, attrs: { href } }));
  const meta = el('p', { className: 'session-meta' }, statusBadge(a.status), ' ',
    a.number ? el('span', { className: 'sh-code', text: a.number }) : el('span', { className: 'muted', i18n: 'sh.mine.untitled' }));
  if (a.departmentName) meta.append(' · ', el('span', { text: a.departmentName }));
  const dates = el('p', { className: 'muted sh-dates' });
  if (a.submittedAt) dates.append(el('span', { i18n: 'sh.app.submittedAt' }), t('form.labelSep'), timeNode(a.submittedAt), ' ');
  if (a.dueDate) dates.append(el('span', { i18n: 'sh.app.dueDate' }), t('form.labelSep'), dateNode(a.dueDate), ' ');
  if (a.overdue) dates.append(overdueBadge());
  if (!a.submittedAt && a.updatedAt) dates.append(el('span', { i18n: 'sh.app.updatedAt' }), t('form.labelSep'), timeNode(a.updatedAt));
  return el('li', { className: 'card session-card', attrs: { 'data-application-id': a.id, 'data-status': a.status } }, title, meta, dates);
}

async function load(page = state.page) {
  state.page = page;
  keepInUrl(listQuery(state, ['status']));
  const params = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
  if (state.status) params.set('status', state.status);
  const list = $('application-list');
  list.setAttribute('aria-busy', 'true');
  try {
    const result = await api('GET', `/api/applications/mine?${params}`);
    const items = Array.isArray(result && result.items) ? result.items : [];
    state.total = Number(result && result.total) || 0;
    list.replaceChildren(...items.map(item));
    setText($('list-status'), items.length ? 'sh.mine.count' : 'sh.mine.empty', { total: state.total });
  } catch (err) {
    list.replaceChildren();
    $('list-status').removeAttribute('data-t');
    $('list-status').textContent = err.message || t('error.generic');
  }
  list.setAttribute('aria-busy', 'false');
  updatePager();
}

async function start() {
  const user = await requireUser();
  if (!user) return;
  if (!isApplicant(user)) {
    $('not-applicant').hidden = false;
    return;
  }
  statusOptions($('status-filter'), state.status);
  $('mine').hidden = false;
  updatePager = wirePager(state, PAGE_SIZE, load);
  await load();
}

$('mine-filter').addEventListener('submit', (event) => {
  event.preventDefault();
  state.status = $('status-filter').value;
  load(0);
});
$('status-filter').addEventListener('change', () => $('mine-filter').requestSubmit());
onLangChange(() => {});
start();
