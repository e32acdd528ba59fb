// Shared pieces of the live inquiry pages: DOM building, Shanghai-time formatting that follows
// the language toggle, session header parts, keyed list updates, console error display, and the
// public Q&A model that the room and both consoles keep from the `inquiry:{id}` live topic.

import { api, ApiError, me } from './api.js';
import { applyI18n, currentLang, hasKey, t } from './i18n.js';
import { LANG_CHANGE_EVENT } from './layout.js';

export const TIME_ZONE = 'Asia/Shanghai';
export const STAFF_ROLES = ['moderator', 'official', 'admin'];

/** createElement with {className, text, i18n, attrs} and children. */
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
  if (options.i18n) {
    node.setAttribute('data-i18n', options.i18n);
    node.textContent = t(options.i18n);
  }
  for (const [name, value] of Object.entries(options.attrs || {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/** A text that has placeholders: kept re-translatable through data-t / data-t-vars. */
export function setText(node, key, vars = {}) {
  node.setAttribute('data-t', key);
  node.setAttribute('data-t-vars', JSON.stringify(vars));
  node.textContent = t(key, vars);
  return node;
}

/** A name that exists in both languages (e.g. department nameZh / nameEn). */
export function setBilingual(node, zh, en) {
  node.setAttribute('data-zh', zh || '');
  node.setAttribute('data-en', en || zh || '');
  node.textContent = currentLang() === 'en' ? (en || zh || '') : (zh || '');
  return node;
}

const TIME_FORMATS = {
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'long' },
  time: { timeStyle: 'short' },
};

export function formatTime(iso, style = 'datetime') {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(currentLang(), { timeZone: TIME_ZONE, hourCycle: 'h23', ...TIME_FORMATS[style] }).format(date);
}

export function formatRange(startIso, endIso) {
  const start = new Date(startIso);
  const end = new Date(endIso);
  if (Number.isNaN(start.getTime())) return '';
  const fmt = new Intl.DateTimeFormat(currentLang(), { timeZone: TIME_ZONE, hourCycle: 'h23', ...TIME_FORMATS.datetime });
  if (Number.isNaN(end.getTime())) return fmt.format(start);
  return typeof fmt.formatRange === 'function' ? fmt.formatRange(start, end) : `${fmt.format(start)} – ${fmt.format(end)}`;
}

/** <time> that re-formats itself on language change. */
export function timeNode(iso, style = 'datetime', className = '') {
  const node = el('time', { className, attrs: { datetime: iso || '' } });
  node.setAttribute('data-time-style', style);
  node.textContent = formatTime(iso, style);
  return node;
}

export function rangeNode(startIso, endIso, className = '') {
  const node = el('span', { className });
  node.setAttribute('data-range-start', startIso || '');
  node.setAttribute('data-range-end', endIso || '');
  node.textContent = formatRange(startIso, endIso);
  return node;
}

export function formatNumber(n) {
  return new Intl.NumberFormat(currentLang()).format(Number(n) || 0);
}

/** The calendar day ("YYYY-MM-DD") of an instant in Shanghai. */
export function shanghaiDay(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Re-renders every language-dependent dynamic text under root. */
export function relocalize(root = document) {
  for (const node of root.querySelectorAll('[data-t]')) {
    let vars = {};
    try {
      vars = JSON.parse(node.getAttribute('data-t-vars') || '{}');
    } catch {
      vars = {};
    }
    node.textContent = t(node.getAttribute('data-t'), vars);
  }
  for (const node of root.querySelectorAll('[data-zh]')) {
    node.textContent = currentLang() === 'en' ? node.getAttribute('data-en') : node.getAttribute('data-zh');
  }
  for (const node of root.querySelectorAll('time[data-time-style]')) {
    node.textContent = formatTime(node.getAttribute('datetime'), node.getAttribute('data-time-style'));
  }
  for (const node of root.querySelectorAll('[data-range-start]')) {
    node.textContent = formatRange(node.getAttribute('data-range-start'), node.getAttribute('data-range-end'));
  }
}

/** Runs cb after the language toggle (texts marked data-i18n are already switched by then). */
export function onLangChange(cb) {
  document.addEventListener(LANG_CHANGE_EVENT, () => {
    relocalize(document);
    cb();
  });
}

export function sessionIdFromQuery() {
  const raw = new URLSearchParams(window.location.search).get('id');
  return raw && /^\d{1,18}$/.test(raw) ? raw : null;
}

export function loginHref() {
  return `/login.html?next=${encodeURIComponent(window.location.pathname + window.location.search)}`;
}

export function isStaff(user) {
  return Boolean(user && Array.isArray(user.roles) && user.roles.some((r) => STAFF_ROLES.includes(r)));
}

export function hasRole(user, ...roles) {
  return Boolean(user && Array.isArray(user.roles) && user.roles.some((r) => roles.includes(r)));
}

/** Status badge: span.badge.status-<status>. */
export function statusBadge(status, id = null) {
  const key = `inquiry.status.${status}`;
  const node = el('span', { className: `badge status-badge status-${status}`, attrs: { id } });
  if (hasKey(key)) node.setAttribute('data-i18n', key);
  node.textContent = hasKey(key) ? t(key) : String(status || '');
  return node;
}

export function sessionHref(session) {
  const page = session.status === 'ended' ? 'archive.html' : 'session.html';
  return `/inquiry/${page}?id=${encodeURIComponent(session.id)}`;
}

/** Department of a session, as a node that follows the language. */
export function departmentNode(session, className = '') {
  return setBilingual(el('span', { className }), session.department || '', session.departmentEn || '');
}

/** "Name (Title)" list of officials. */
export function officialsText(officials) {
  return (Array.isArray(officials) ? officials : [])
    .map((o) => (o.title ? t('inquiry.officialFmt', { name: o.name || '', title: o.title }) : (o.name || '')))
    .join(t('inquiry.listSep'));
}

/** Asker: a display name string (public) or {displayName, anonymous} (staff). */
export function askerNode(asker, className = 'asker') {
  const node = el('span', { className });
  if (asker && typeof asker === 'object') {
    node.textContent = asker.displayName || '';
    if (asker.anonymous) {
      node.append(' ', el('span', { className: 'badge anonymous-mark', i18n: 'inquiry.anonymousMark' }));
    }
  } else {
    node.textContent = asker ? String(asker) : t('inquiry.anonymous');
  }
  return node;
}

/** The shared answer display: li.answer with .answer-text, .answer-official, time, edited mark. */
export function answerNode(answer) {
  const li = el('li', { className: 'answer', attrs: { 'data-answer-id': answer.id } });
  fillAnswer(li, answer);
  return li;
}

export function fillAnswer(li, answer) {
  const official = answer.official || {};
  const who = el('p', { className: 'answer-meta' },
    el('span', { className: 'answer-official', text: [official.name, official.title].filter(Boolean).join(' ') }));
  if (official.department) who.append(' ', el('span', { className: 'answer-department', text: official.department }));
  who.append(' ', timeNode(answer.postedAt, 'datetime', 'answer-time'));
  if (answer.editedAt) {
    const mark = el('span', { className: 'answer-edited', i18n: 'inquiry.edited' });
    mark.setAttribute('title', formatTime(answer.editedAt));
    who.append(' ', mark);
  }
  const text = el('p', { className: 'answer-text', text: answer.text || '' });
  const keep = Array.from(li.children).filter((c) => c.classList.contains('answer-tools'));
  li.replaceChildren(who, text, ...keep);
}

/** Merges a session.updated payload into a session without losing fields it does not carry. */
export function mergeSession(session, update) {
  return { ...(session || {}), ...(update || {}) };
}

/**
 * Keeps parent's children in the order of items, one child per key: reuses existing nodes
 * (so typing and focus survive), creates new ones, removes the rest.
 */
export function syncList(parent, items, keyOf, create, update) {
  const active = document.activeElement;
  const existing = new Map();
  for (const child of Array.from(parent.children)) {
    if (child.dataset.key !== undefined) existing.set(child.dataset.key, child);
  }
  const wanted = [];
  for (const item of items) {
    const key = String(keyOf(item));
    let node = existing.get(key);
    if (node) {
      existing.delete(key);
      if (update) update(node, item);
    } else {
      node = create(item);
      node.dataset.key = key;
    }
    wanted.push(node);
  }
  for (const stale of existing.values()) stale.remove();
  wanted.forEach((node, index) => {
    if (parent.children[index] !== node) parent.insertBefore(node, parent.children[index] || null);
  });
  if (active && active !== document.activeElement && active.isConnected && parent.contains(active)) {
    active.focus({ preventScroll: true });
  }
}

/** Shows a problem (or an Error) in an alert area; clear with showAlert(area, null). */
export function showAlert(area, problem) {
  if (!area) return;
  if (!problem) {
    area.replaceChildren();
    area.hidden = true;
    return;
  }
  const p = problem.problem || problem;
  const children = [el('p', { className: 'alert-title', text: p.title || t('error.generic') })];
  if (p.detail && p.detail !== p.title) children.push(el('p', { text: p.detail }));
  const errors = Array.isArray(p.errors) ? p.errors : [];
  if (errors.length) {
    const list = el('ul');
    for (const e of errors) list.append(el('li', { text: e.message || e.code || t('error.invalid') }));
    children.push(list);
  }
  area.replaceChildren(...children);
  area.hidden = false;
}

/** Binds the connection state line of a LiveClient to a node. */
export function bindLiveStatus(client, node) {
  client.onstate((state) => {
    node.setAttribute('data-state', state);
    node.setAttribute('data-i18n', `live.state.${state}`);
    node.textContent = t(`live.state.${state}`);
  });
}

/** The text for a join error reply code. */
export function joinErrorText(code) {
  return code === 'forbidden' ? t('live.forbidden') : t('live.joinError', { code });
}

/** Appends a message to an aria-live region (keeps the last few, so repeats are announced). */
export function announce(region, text) {
  if (!region) return;
  region.append(el('p', { text }));
  while (region.childElementCount > 3) region.firstElementChild.remove();
}

export function shorten(text, max = 80) {
  const s = String(text || '');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Question order: pinned first, then by time (or by votes, then time). */
export function compareQuestions(sort = 'time') {
  return (a, b) => {
    if (Boolean(b.pinned) !== Boolean(a.pinned)) return a.pinned ? -1 : 1;
    if (sort === 'votes' && (b.votes || 0) !== (a.votes || 0)) return (b.votes || 0) - (a.votes || 0);
    const ta = Date.parse(a.askedAt || a.submittedAt || '') || 0;
    const tb = Date.parse(b.askedAt || b.submittedAt || '') || 0;
    return ta - tb || Number(a.id) - Number(b.id);
  };
}

/** Pinned state and the badge line (.question-badges) of a question item. */
export function fillQuestionBadges(li, q, followupClass = 'followup-badge') {
  li.classList.toggle('pinned', Boolean(q.pinned));
  const badges = [];
  if (q.pinned) badges.push(el('span', { className: 'badge badge-answering', i18n: 'room.answering' }));
  if (q.followupRequested) badges.push(el('span', { className: `badge ${followupClass}`, i18n: 'inquiry.followupDone' }));
  const badgeLine = li.querySelector('.question-badges');
  badgeLine.replaceChildren(...badges);
  badgeLine.hidden = badges.length === 0;
}

/** Wraps a render function so that many calls within one task render once, in the next task. */
export function batched(renderFn) {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      renderFn();
    }, 0);
  };
}

// ---------- loading a page (session and user)

/** The signed-in user, or null (also when it cannot be told). */
export async function currentUser() {
  try {
    return await me();
  } catch {
    return null;
  }
}

/** The problem to show when loading the session failed: "not found" for a 404. */
export function sessionProblem(err) {
  return err instanceof ApiError && err.status === 404 ? { title: t('inquiry.notFound') } : err.problem;
}

/**
 * Start of a staff console: needs a session id and a signed-in user (else goes to the login),
 * then loads the session. Resolves to {user, session}, or null after showing the problem in area.
 */
export async function loadConsole(sessionId, area) {
  if (!sessionId) {
    showAlert(area, { title: t('inquiry.notFound') });
    return null;
  }
  const user = await currentUser();
  if (!user) {
    window.location.replace(loginHref());
    return null;
  }
  try {
    const session = await api('GET', `/api/inquiry/sessions/${encodeURIComponent(sessionId)}`);
    return { user, session };
  } catch (err) {
    showAlert(area, sessionProblem(err));
    return null;
  }
}

/** Runs a write; shows its problem in area. Resolves to the result ({} for no body) or undefined. */
export async function runAction(area, method, path, body) {
  try {
    const result = await api(method, path, body);
    showAlert(area, null);
    return result === null ? {} : result;
  } catch (err) {
    showAlert(area, err instanceof ApiError ? err.problem : { title: t('error.generic') });
    return undefined;
  }
}

// ---------- the public Q&A model: Map<string id, question> kept from the `inquiry:{id}` topic
// (see shared/design/live-protocol.md); question objects carry answers, votes, pinned and
// followupRequested.

/** Replaces the map's content with the questions of a snapshot (each with an answers array). */
export function loadQuestions(questions, list) {
  questions.clear();
  for (const q of Array.isArray(list) ? list : []) {
    questions.set(String(q.id), { ...q, answers: Array.isArray(q.answers) ? q.answers : [] });
  }
}

/** The answer answerId of question questionId, or undefined. */
export function findAnswer(questions, questionId, answerId) {
  const q = questions.get(String(questionId));
  return q && Array.isArray(q.answers) ? q.answers.find((a) => String(a.id) === String(answerId)) : undefined;
}

/** Adds an answer to its question, or updates the one with its id. False when the question is unknown. */
export function upsertAnswer(questions, answer) {
  const q = questions.get(String(answer.questionId));
  if (!q) return false;
  q.answers = Array.isArray(q.answers) ? q.answers : [];
  const existing = q.answers.find((a) => String(a.id) === String(answer.id));
  if (existing) Object.assign(existing, answer);
  else q.answers.push(answer);
  return true;
}

/**
 * Applies a public question event (question.*, answer.*, votes) to the map. Returns whether the
 * questions changed (false for session.updated, viewers and anything else, which are the page's).
 */
export function applyPublicEvent(questions, type, data) {
  if (!data) return false;
  const q = questions.get(String(data.questionId));
  switch (type) {
    case 'question.published':
      questions.set(String(data.id), { answers: [], ...data });
      return true;
    case 'answer.posted':
      return upsertAnswer(questions, data);
    case 'answer.edited': {
      const answer = findAnswer(questions, data.questionId, data.id);
      if (answer) Object.assign(answer, { text: data.text, editedAt: data.editedAt });
      return Boolean(answer);
    }
    case 'question.pinned':
    case 'question.unpinned':
      if (q) q.pinned = type === 'question.pinned';
      return Boolean(q);
    case 'question.merged': {
      const removed = questions.delete(String(data.questionId));
      const into = questions.get(String(data.into));
      const counted = Boolean(into && typeof data.votes === 'number');
      if (counted) into.votes = data.votes;
      return removed || counted;
    }
    case 'question.hidden':
      return questions.delete(String(data.questionId));
    case 'question.followup':
      if (q) {
        q.followupRequested = true;
        q.caseNo = data.caseNo;
      }
      return Boolean(q);
    case 'votes': {
      let changed = false;
      for (const [id, count] of Object.entries(data.counts || {})) {
        const target = questions.get(String(id));
        if (target) {
          target.votes = count;
          changed = true;
        }
      }
      return changed;
    }
    default:
      return false;
  }
}

export { applyI18n };

/**
 * A filtered, paged list's state as URL parameters: the filters that are set, and the page when it
 * is not the first. Pages keep it in the address bar, so a reload or a shared link shows the same list.
 */
export function listQuery(state, filters) {
  const params = new URLSearchParams();
  for (const name of filters) if (state[name]) params.set(name, state[name]);
  if (state.page) params.set('page', String(state.page));
  return params;
}

/** Puts the list's state in the address bar without adding a history entry. */
export function keepInUrl(params) {
  const search = params.toString();
  window.history.replaceState(null, '', search ? `?${search}` : window.location.pathname);
}

/** The numeric id in ?id=, or null. */
export function idFromQuery() {
  const raw = new URLSearchParams(window.location.search).get('id');
  return raw && /^\d{1,18}$/.test(raw) ? raw : null;
}

/** The signed-in user; anyone signed out is sent to the login page (resolves to null then). */
export async function requireUser() {
  const user = await currentUser();
  if (!user) window.location.replace(loginHref());
  return user;
}

/** A label from a key family (e.g. sh.status, dreq.outcome), falling back to the raw code. */
export function codeLabel(prefix, code, className = '') {
  const key = `${prefix}.${code}`;
  const node = el('span', { className });
  if (hasKey(key)) {
    node.setAttribute('data-i18n', key);
    node.textContent = t(key);
  } else {
    node.textContent = String(code ?? '');
  }
  return node;
}
