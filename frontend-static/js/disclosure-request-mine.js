// My disclosure requests: the applicant's requests, newest first, with status, due date and flags.

import { api } from './api.js';
import { t } from './i18n.js';
import { setText } from './inquiry-common.js';
import { requireUser, summaryItem, wirePager } from './disclosure-request-common.js';

const PAGE_SIZE = 10;
const $ = (id) => document.getElementById(id);
const list = $('request-list');
const status = $('list-status');
const state = { page: 0, total: 0 };
let updatePager = () => {};

async function load(page = state.page) {
  state.page = page;
  list.setAttribute('aria-busy', 'true');
  setText(status, 'dreq.loading');
  try {
    const params = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
    const result = await api('GET', `/api/disclosure/requests/mine?${params}`);
    const items = Array.isArray(result && result.items) ? result.items : [];
    state.total = Number(result && result.total) || 0;
    list.replaceChildren(...items.map((r) => summaryItem(r, `/disclosure/request.html?id=${encodeURIComponent(r.id)}`)));
    setText(status, items.length ? 'dreq.mine.count' : 'dreq.mine.empty', { total: state.total });
  } catch (err) {
    list.replaceChildren();
    status.removeAttribute('data-t');
    status.textContent = err.message || t('error.generic');
  }
  list.setAttribute('aria-busy', 'false');
  updatePager();
}

async function start() {
  const user = await requireUser();
  if (!user) return;
  updatePager = wirePager(state, PAGE_SIZE, load);
  await load();
}

start();
