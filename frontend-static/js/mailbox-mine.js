// My letters: the signed-in writer's letters and petitions, newest first, paged, each with its
// deadline (a petition's own statutory clock) and linking to its detail.

import { api } from './api.js';
import { t } from './i18n.js';
import { el, keepInUrl, listQuery, setText, timeNode } from './inquiry-common.js';
import {
  channelBadge, clockNode, flagNode, kindNode, mailboxNode, requireUser, statusBadge, wirePager,
} from './mailbox-common.js';

const PAGE_SIZE = 10;
const $ = (id) => document.getElementById(id);
const list = $('letter-list');
const status = $('list-status');
const state = {
  page: Math.max(0, Number.parseInt(new URLSearchParams(window.location.search).get('page') || '0', 10) || 0),
  total: 0,
};

function card(letter) {
  const link = el('a', { text: letter.title || '', attrs: { href: `/mailbox/letter.html?id=${encodeURIComponent(letter.id)}` } });
  return el('li', { className: 'card session-card', attrs: { 'data-letter-id': letter.id } },
    el('h3', { className: 'card-title' }, link),
    el('p', { className: 'session-meta' }, ...[channelBadge(letter.channel)].filter(Boolean), ' ', statusBadge(letter.status), ' ',
      kindNode(letter.kind), ' ', mailboxNode(letter.mailbox), ' ', el('span', { className: 'mbox-number', text: letter.trackingNumber }),
      ' ', timeNode(letter.receivedAt)),
    el('p', { className: 'session-meta mbox-due-line' }, clockNode(letter.clock), ...[flagNode(letter.clock)].filter(Boolean)));
}

let updatePager = () => {};

async function load(page = state.page) {
  state.page = page;
  keepInUrl(listQuery(state, []));
  list.setAttribute('aria-busy', 'true');
  setText(status, 'mbox.loading');
  try {
    const params = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
    const result = await api('GET', `/api/mailbox/letters/mine?${params}`);
    const items = Array.isArray(result && result.items) ? result.items : [];
    state.total = Number(result && result.total) || 0;
    list.replaceChildren(...items.map(card));
    setText(status, items.length ? 'mbox.mine.count' : 'mbox.mine.empty', { total: state.total });
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
