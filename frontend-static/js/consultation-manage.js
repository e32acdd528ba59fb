// A department's consultations for its officials: drafts, open and closed ones with the comments
// waiting for review, linking to editing (text, window, attachments, publishing) and to review.

import { api } from './api.js';
import { t } from './i18n.js';
import { el, keepInUrl, listQuery, onLangChange, rangeNode, setText } from './inquiry-common.js';
import { consultationStatusBadge } from './consultation-common.js';
import { requireOfficial } from './consultation-staff.js';

const PAGE_SIZE = 20;
const $ = (id) => document.getElementById(id);
const rows = $('rows');
const status = $('list-status');
const state = { page: Math.max(0, Number.parseInt(new URLSearchParams(window.location.search).get('page') || '0', 10) || 0), total: 0 };

function row(c) {
  const id = encodeURIComponent(c.id);
  const actions = el('td', { className: 'cstaff-actions' },
    el('a', { i18n: 'cstaff.edit', attrs: { href: `/consultations/edit.html?id=${id}` } }));
  if (c.publishedAt) {
    actions.append(' · ', el('a', { i18n: 'cstaff.review', attrs: { href: `/consultations/review.html?id=${id}` } }),
      ' · ', el('a', { i18n: 'cstaff.view', attrs: { href: `/consultations/detail.html?id=${id}` } }));
  }
  return el('tr', { attrs: { 'data-consultation-id': c.id, 'data-status': c.status } },
    el('th', { attrs: { scope: 'row' }, text: c.title }),
    el('td', {}, consultationStatusBadge(c.status)),
    el('td', {}, rangeNode(c.opensAt, c.closesAt)),
    el('td', { className: 'cstaff-pending', text: c.pendingComments || 0 }),
    actions);
}

function updatePager() {
  const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
  $('prev-page').disabled = state.page <= 0;
  $('next-page').disabled = state.page + 1 >= pages;
  setText($('page-info'), 'consult.pager.info', { page: Math.min(state.page + 1, pages), pages });
}

async function load(page = state.page) {
  state.page = page;
  keepInUrl(listQuery(state, []));
  setText(status, 'consult.list.loading');
  try {
    const result = await api('GET', `/api/consultations/department?page=${state.page}&size=${PAGE_SIZE}`);
    const items = Array.isArray(result && result.items) ? result.items : [];
    state.total = Number(result && result.total) || 0;
    rows.replaceChildren(...items.map(row));
    setText(status, items.length ? 'cstaff.count' : 'cstaff.empty', { total: state.total });
  } catch (err) {
    rows.replaceChildren();
    status.removeAttribute('data-t');
    status.textContent = err.message || t('error.generic');
  }
  updatePager();
}

async function start() {
  const user = await requireOfficial($('page-error'), el('p', { i18n: 'cstaff.notOfficial' }));
  if (!user) {
    $('new-link').hidden = true;
    return;
  }
  $('prev-page').addEventListener('click', () => state.page > 0 && load(state.page - 1));
  $('next-page').addEventListener('click', () => load(state.page + 1));
  await load();
}

onLangChange(() => {});
start();
