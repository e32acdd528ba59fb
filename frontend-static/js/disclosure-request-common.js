// Shared pieces of the disclosure-request pages: labels of statuses, outcomes and deliveries,
// the reply clock with its flags (words and a symbol, never colour alone), file links and paging.
// DOM, time and user helpers come from inquiry-common.js.

import './disclosure-request-i18n.js';
import { codeLabel as label, el, hasRole, setBilingual, setText } from './inquiry-common.js';

export { idFromQuery, requireUser, codeLabel as label } from './inquiry-common.js';

export const DELIVERIES = ['electronic', 'paper', 'pickup'];
export const OUTCOMES = ['disclosed', 'partially_disclosed', 'not_held', 'refused'];

export function isApplicant(user) {
  return hasRole(user, 'citizen', 'enterprise');
}

export function isHandler(user) {
  return hasRole(user, 'official', 'admin');
}

export function statusBadge(status) {
  return label('dreq.status', status, `badge dreq-status dreq-status-${status}`);
}

export function departmentNode(department) {
  return setBilingual(el('span'), department && department.name, department && department.nameEn);
}

/** The due date in force, days left or over, and the on-time verdict once replied. */
export function clockNode(clock) {
  const node = el('span', { className: 'dreq-clock' });
  if (!clock) return node;
  node.append(setText(el('span'), 'dreq.clock.due', { date: clock.effectiveDueOn || clock.dueOn }));
  if (clock.onTime === true || clock.onTime === false) {
    node.append(' ', el('span', { i18n: clock.onTime ? 'dreq.clock.onTime' : 'dreq.clock.late' }));
  } else if (clock.workingDaysLeft !== null && clock.workingDaysLeft !== undefined) {
    const n = Number(clock.workingDaysLeft);
    node.append(' ', setText(el('span'), n < 0 ? 'dreq.clock.over' : 'dreq.clock.left', { n: Math.abs(n) }));
  }
  return node;
}

export function flagNode(clock) {
  if (clock && clock.overdue) {
    return el('span', { className: 'badge mbox-flag mbox-flag-overdue' },
      el('span', { text: '⚠', attrs: { 'aria-hidden': 'true' } }), ' ', el('span', { i18n: 'dreq.flag.overdue' }));
  }
  if (clock && clock.nearlyDue) {
    return el('span', { className: 'badge mbox-flag mbox-flag-nearly' },
      el('span', { text: '⏰', attrs: { 'aria-hidden': 'true' } }), ' ', el('span', { i18n: 'dreq.flag.nearlyDue' }));
  }
  return null;
}

export function formatSize(bytes) {
  const n = Number(bytes) || 0;
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Download links of delivered files (the server sends them as attachments). */
export function fileList(files) {
  const list = el('ul', { className: 'mbox-files' });
  for (const f of Array.isArray(files) ? files : []) {
    list.append(el('li', {}, el('a', { text: f.fileName, attrs: { href: f.href, download: f.fileName } }),
      ' ', el('span', { className: 'muted', text: `(${formatSize(f.size)})` })));
  }
  if (!list.childElementCount) return el('p', { className: 'muted', i18n: 'dreq.detail.noFiles' });
  return list;
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
    setText(document.getElementById('page-info'), 'dreq.pager.info', { page: Math.min(state.page + 1, pages), pages });
  };
}

/** A request in a list: number and link, status, authority, received and due dates, flags. */
export function summaryItem(r, href, staff = false) {
  return el('li', { className: 'card session-card', attrs: { 'data-request-id': r.id } },
    el('h3', { className: 'card-title' }, el('a', { text: `${r.number} ${r.description || ''}`.slice(0, 80), attrs: { href } })),
    el('p', { className: 'session-meta' }, statusBadge(r.status), ' ', flagNode(r.clock), ' ',
      staff ? el('span', { text: r.applicantName }) : departmentNode(r.department), ' ', clockNode(r.clock),
      r.outcome ? ' ' : null, r.outcome ? label('dreq.outcome', r.outcome) : null));
}
