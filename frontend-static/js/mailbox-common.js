// Shared pieces of the mailbox pages: status, kind and mailbox labels, the timeline, deadline
// flags, sizes, and problem+json field errors mapped onto the page's controls. DOM, time and
// user helpers come from inquiry-common.js.

import './mailbox-i18n.js';
import { hasKey, t } from './i18n.js';
import { el, hasRole, setBilingual, setText, timeNode } from './inquiry-common.js';

export { idFromQuery, requireUser } from './inquiry-common.js';

export const KINDS = ['consultation', 'help', 'suggestion', 'criticism', 'complaint'];
/** A petition (网上信访) makes a request of an organ: a consultation is not one (the server's Petitions). */
export const PETITION_KINDS = ['help', 'suggestion', 'criticism', 'complaint'];
export const CONTACTS = ['phone', 'sms', 'email', 'none'];
export const STAFF_ROLES = ['mailbox_clerk', 'official', 'supervisor', 'admin'];

export function isWriter(user) {
  return hasRole(user, 'citizen', 'enterprise');
}

export function isMailboxStaff(user) {
  return hasRole(user, ...STAFF_ROLES);
}

/** Code points, as the server counts text length. */
export function textLength(text) {
  return [...String(text || '')].length;
}

/** A label from a key family (status, kind, …), falling back to the raw code. */
function label(prefix, code) {
  const key = `${prefix}.${code}`;
  const node = el('span');
  if (hasKey(key)) {
    node.setAttribute('data-i18n', key);
    node.textContent = t(key);
  } else {
    node.textContent = String(code || '');
  }
  return node;
}

export function statusBadge(status) {
  const node = label('mbox.status', status);
  node.className = `badge mbox-status mstatus-${status}`;
  return node;
}

export function kindNode(kind) {
  const node = label('mbox.kind', kind);
  node.className = 'mbox-kind';
  return node;
}

export function labelNode(prefix, code, className = '') {
  const node = label(prefix, code);
  if (className) node.className = className;
  return node;
}

export function departmentNode(department, className = '') {
  if (!department) return el('span', { className, i18n: 'mbox.none' });
  return setBilingual(el('span', { className }), department.nameZh, department.nameEn);
}

/** The mailbox a letter was written to: the mayor's, or a department's. */
export function mailboxNode(mailbox, className = 'mbox-mailbox') {
  if (!mailbox || mailbox.mailbox === 'mayor' || !mailbox.department) return el('span', { className, i18n: 'mbox.mayor' });
  return departmentNode(mailbox.department, className);
}

/** A <dl> row in the portal's profile style. */
export function factRow(key, ...values) {
  return el('div', { className: 'profile-row' }, el('dt', { i18n: key }), el('dd', {}, ...values));
}

/** The timeline as an ordered list; staff entries also show internal marks, actor and note. */
export function timelineList(entries, staff = false) {
  const list = el('ol', { className: 'timeline' });
  for (const e of Array.isArray(entries) ? entries : []) {
    const head = el('p', { className: 'timeline-head' },
      timeNode(e.at), ' ', labelNode('mbox.entry', e.type, 'timeline-label'));
    if (e.department) head.append(' · ', departmentNode(e.department, 'timeline-dept'));
    if (staff && e.actorName) head.append(' · ', el('span', { className: 'timeline-actor', text: e.actorName }));
    if (staff && e.isPublic === false) head.append(' ', el('span', { className: 'badge mbox-internal', i18n: 'mbox.entry.internal' }));
    const item = el('li', { className: 'timeline-entry', attrs: { 'data-type': e.type } }, head);
    if (e.text) item.append(el('p', { className: 'timeline-text', text: e.text }));
    if (staff && e.note) item.append(el('p', { className: 'timeline-text muted', text: e.note }));
    list.append(item);
  }
  if (!list.childElementCount) return el('p', { className: 'muted', i18n: 'mbox.timelineEmpty' });
  return list;
}

/** A file size in KB/MB. */
export function formatSize(bytes) {
  const n = Number(bytes) || 0;
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Download links for a letter's attachments, with names and sizes. */
export function attachmentList(letterId, attachments) {
  const list = el('ul', { className: 'mbox-files' });
  for (const a of Array.isArray(attachments) ? attachments : []) {
    const href = `/api/mailbox/letters/${encodeURIComponent(letterId)}/attachments/${encodeURIComponent(a.id)}`;
    list.append(el('li', {}, el('a', { text: a.fileName, attrs: { href, download: a.fileName } }),
      ' ', el('span', { className: 'muted', text: `(${formatSize(a.size)})` })));
  }
  return list;
}

/**
 * The deadline of a case (a Clock: step, dueOn, daysLeft as counted, nearlyDue, overdue) as text, and
 * its alert as a badge with words and a symbol, so it does not rely on colour.
 */
export function clockNode(clock) {
  const node = el('span', { className: 'mbox-clock' });
  if (!clock || !clock.dueOn) {
    node.append(el('span', { className: 'muted', i18n: 'mbox.clock.none' }));
    return node;
  }
  const step = clock.step && hasKey(`mbox.step.${clock.step}`) ? t(`mbox.step.${clock.step}`) : '';
  node.append(setText(el('span', { className: 'mbox-due' }), 'mbox.clock.due', { step, date: clock.dueOn }));
  // Days as the channel counts them: working days for letters, calendar days for petitions by default.
  const calendar = clock.counted === 'calendar';
  const left = clock.daysLeft ?? clock.workingDaysLeft;
  if (left !== null && left !== undefined) {
    const n = Number(left);
    const key = calendar ? (n < 0 ? 'mbox.clock.overDays' : 'mbox.clock.leftDays') : (n < 0 ? 'mbox.clock.over' : 'mbox.clock.left');
    node.append(' ', setText(el('span', { className: 'mbox-left' }), key, { n: Math.abs(n) }));
  }
  return node;
}

/** A badge for a petition (网上信访); letters of the mailbox need none. */
export function channelBadge(channel) {
  if (channel !== 'petition') return null;
  return el('span', { className: 'badge mbox-channel', attrs: { 'data-channel': channel }, i18n: 'mbox.channel.petition' });
}

/** The actions the server says this user may take now (allowedActions), as a set of codes. */
export function allowedSet(view) {
  return new Set(Array.isArray(view && view.allowedActions) ? view.allowedActions : []);
}

export function flagNode(clock) {
  if (clock && clock.overdue) {
    return el('span', { className: 'badge mbox-flag mbox-flag-overdue' },
      el('span', { text: '⚠', attrs: { 'aria-hidden': 'true' } }), ' ', el('span', { i18n: 'mbox.flag.overdue' }));
  }
  if (clock && clock.nearlyDue) {
    return el('span', { className: 'badge mbox-flag mbox-flag-nearly' },
      el('span', { text: '⏰', attrs: { 'aria-hidden': 'true' } }), ' ', el('span', { i18n: 'mbox.flag.nearlyDue' }));
  }
  return null;
}

/**
 * A problem with its field errors made fit for one form: file errors ("attachments[2]") go to
 * the file control, server field names are renamed to the form's control names, and codes whose
 * message the server does not translate get the page's text.
 */
export function problemFor(problem, rename = {}) {
  const p = { ...(problem || {}) };
  if (Array.isArray(p.errors)) {
    p.errors = p.errors.map((e) => {
      const field = String(e.field || '').replace(/\[\d+\]$/, '');
      const key = `mbox.field.${e.code}`;
      const untranslated = !e.message || e.message === `field.${e.code}`;
      const message = hasKey(key) && (untranslated || String(e.field || '').includes('[')) ? t(key) : e.message;
      const name = String(e.field || '').match(/\[\d+\]$/) && Array.isArray(e.args) && e.args[0]
        ? `${e.args[0]}${t('form.labelSep')}${message}` : message;
      return { ...e, field: rename[field] || field, message: name };
    });
  }
  return p;
}

/** Previous/next paging of a list; load(page) is called with the new page. */
export function wirePager(state, pageSize, load) {
  const prev = document.getElementById('prev-page');
  const next = document.getElementById('next-page');
  prev.addEventListener('click', () => {
    if (state.page > 0) load(state.page - 1);
  });
  next.addEventListener('click', () => load(state.page + 1));
  return () => {
    const pages = Math.max(1, Math.ceil(state.total / pageSize));
    prev.disabled = state.page <= 0;
    next.disabled = state.page + 1 >= pages;
    setText(document.getElementById('page-info'), 'mbox.pager.info', { page: Math.min(state.page + 1, pages), pages });
  };
}
