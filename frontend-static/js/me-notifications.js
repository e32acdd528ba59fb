// My Government: the notification centre, updated live from the user's own topic.

import { api } from './api.js';
import { hasKey, t } from './i18n.js';
import { el, setText, timeNode } from './inquiry-common.js';
import { LiveClient } from './live.js';

const PAGE_SIZE = 10;
const $ = (id) => document.getElementById(id);
const state = { items: [], page: 0, total: 0, unread: 0 };

function kindNode(kind) {
  const key = `me.kind.${kind}`;
  return setText(el('span', { className: 'badge' }), hasKey(key) ? key : 'me.kind.other');
}

function item(n) {
  const title = n.link ? el('a', { text: n.title || '', attrs: { href: n.link } }) : el('span', { text: n.title || '' });
  const li = el('li', { className: 'card session-card', attrs: { 'data-seq': n.seq } },
    el('p', { className: 'session-meta' }, kindNode(n.kind), ' ', timeNode(n.createdAt)),
    el('p', { className: 'card-title' }, title));
  if (!n.read) li.querySelector('.session-meta').prepend(setText(el('strong'), 'me.notifications.unread'), ' ');
  return li;
}

function render() {
  $('notification-list').replaceChildren(...state.items.map(item));
  setText($('notifications-status'), state.total ? 'me.notifications.count' : 'me.notifications.empty',
    { total: state.total, unread: state.unread });
  const badge = $('unread-badge');
  badge.hidden = state.unread === 0;
  setText(badge, 'me.notifications.unreadBadge', { unread: state.unread });
  $('notifications-more').hidden = state.items.length >= state.total;
  $('notifications-read').disabled = state.unread === 0;
}

async function load(page) {
  const result = await api('GET', `/api/me/notifications?page=${page}&size=${PAGE_SIZE}`);
  const items = Array.isArray(result && result.items) ? result.items : [];
  state.items = page === 0 ? items : state.items.concat(items);
  state.page = page;
  state.total = Number(result.total) || 0;
  state.unread = Number(result.unread) || 0;
  render();
}

async function showDigest(id) {
  try {
    const digest = await api('GET', `/api/me/digests/${encodeURIComponent(id)}`);
    setText($('digest-heading'), 'me.notifications.digestHeading', { period: digest.period });
    $('digest-items').replaceChildren(...digest.items.map((i) => el('li', {},
      el('a', { text: i.title, attrs: { href: i.link } }), ' ', timeNode(i.foundAt))));
    $('digest').hidden = false;
  } catch {
    $('digest').hidden = true;
  }
}

export async function initNotifications(user) {
  $('notifications-more').addEventListener('click', () => load(state.page + 1).catch(() => {}));
  $('notifications-read').addEventListener('click', async () => {
    try {
      const result = await api('POST', '/api/me/notifications/read', {});
      state.unread = Number(result.unread) || 0;
      state.items = state.items.map((n) => ({ ...n, read: n.seq <= result.readSeq }));
      render();
    } catch {
      setText($('notifications-status'), 'me.loadFailed');
    }
  });
  const digest = new URLSearchParams(window.location.search).get('digest');
  if (digest && /^[0-9]+$/.test(digest)) showDigest(digest);
  try {
    await load(0);
  } catch {
    setText($('notifications-status'), 'me.loadFailed');
  }
  // The user topic carries every new notification; on one, the first page is read again so the
  // list, counts and read marks stay as the server has them.
  const client = new LiveClient();
  client.join(`user:${user.id}`, {
    event(type, data) {
      if (type !== 'notification') return;
      load(0).then(() => {
        $('notifications-status').textContent = t('me.notifications.new', { title: (data && data.title) || '' });
      }).catch(() => {});
    },
  });
}
