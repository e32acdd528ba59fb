// My Government: my applications, my letters and my live questions (read-only lists).

import { api } from './api.js';
import { el, setText, timeNode } from './inquiry-common.js';

const LIST_SIZE = 5;
const $ = (id) => document.getElementById(id);

function statusNode(prefix, code) {
  return setText(el('span', { className: 'badge' }), `${prefix}.${code}`);
}

async function fill(listId, statusId, path, item, countKey, emptyKey) {
  const list = $(listId);
  const status = $(statusId);
  list.setAttribute('aria-busy', 'true');
  setText(status, 'me.loadingList');
  try {
    const page = await api('GET', `${path}?page=0&size=${LIST_SIZE}`);
    const items = Array.isArray(page && page.items) ? page.items : [];
    list.replaceChildren(...items.map(item));
    setText(status, items.length ? countKey : emptyKey, { total: Number(page && page.total) || 0 });
  } catch (err) {
    list.replaceChildren();
    setText(status, 'me.loadFailed');
  }
  list.setAttribute('aria-busy', 'false');
}

function application(a) {
  const link = el('a', { text: a.serviceName || a.number || '', attrs: { href: `/servicehall/application.html?id=${encodeURIComponent(a.id)}` } });
  return el('li', { className: 'card session-card' },
    el('h3', { className: 'card-title' }, link),
    el('p', { className: 'session-meta' }, statusNode('me.applications.status', a.status), ' ',
      el('span', { text: a.number || '' }), ' ', el('span', { text: a.departmentName || '' }), ' ',
      timeNode(a.submittedAt || a.updatedAt)));
}

function letter(l) {
  const link = el('a', { text: l.title || '', attrs: { href: `/mailbox/letter.html?id=${encodeURIComponent(l.id)}` } });
  return el('li', { className: 'card session-card' },
    el('h3', { className: 'card-title' }, link),
    el('p', { className: 'session-meta' }, el('span', { text: l.trackingNumber || '' }), ' ', timeNode(l.receivedAt)));
}

function question(q) {
  const session = el('a', { text: q.sessionTitle || '', attrs: { href: `/inquiry/session.html?id=${encodeURIComponent(q.sessionId)}` } });
  const li = el('li', { className: 'card session-card' },
    el('p', { className: 'my-question-text', text: q.text || '' }),
    el('p', { className: 'session-meta' }, statusNode('me.questions.status', q.status), ' ', session, ' ', timeNode(q.submittedAt)));
  if (q.answer) {
    li.append(el('p', { className: 'answer' }, setText(el('span'), 'me.questions.answer', { name: q.answeredBy || '' }),
      el('span', { text: q.answer })));
  }
  return li;
}

export function initActivity() {
  fill('application-list', 'applications-status', '/api/applications/mine', application,
    'me.applications.count', 'me.applications.empty');
  fill('letter-list', 'letters-status', '/api/mailbox/letters/mine', letter, 'me.letters.count', 'me.letters.empty');
  fill('question-list', 'questions-status', '/api/me/questions', question, 'me.questions.count', 'me.questions.empty');
}
