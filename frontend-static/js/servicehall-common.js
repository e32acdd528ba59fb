// Shared pieces of the service hall pages: who may apply or review, status badges, the status
// timeline, fact rows, paging, and material uploads with progress (api.js sendForm).

import './servicehall-i18n.js';
import { sendForm } from './api.js';
import { t } from './i18n.js';
import { codeLabel as labelFor, el, hasRole, setBilingual, setText, timeNode } from './inquiry-common.js';
import { labelNode } from './form-engine.js';

export { idFromQuery, requireUser, codeLabel as labelFor } from './inquiry-common.js';

export const STATUSES = ['draft', 'submitted', 'accepted', 'supplement_requested', 'approved', 'rejected', 'completed'];

export function isApplicant(user) {
  return hasRole(user, 'citizen', 'enterprise');
}

export function isReviewer(user) {
  return hasRole(user, 'official', 'admin');
}

export function statusBadge(status) {
  return labelFor('sh.status', status, `badge sh-status shstatus-${status}`);
}

export function overdueBadge() {
  return el('span', { className: 'badge sh-overdue' },
    el('span', { text: '⚠', attrs: { 'aria-hidden': 'true' } }), ' ', el('span', { i18n: 'sh.app.overdue' }));
}

/** A row of a <dl class="profile-list">. */
export function factRow(key, ...values) {
  return el('div', { className: 'profile-row' }, el('dt', { i18n: key }), el('dd', {}, ...values));
}

/** A department or other name given as name/nameEn. */
export function bilingual(zh, en, className = '') {
  return setBilingual(el('span', { className }), zh || '', en || zh || '');
}

/** A calendar date ("YYYY-MM-DD") or instant, as a <time>. */
export function dateNode(value) {
  if (!value) return el('span', { className: 'muted', text: '—' });
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return el('time', { text: value, attrs: { datetime: value } });
  return timeNode(value, 'datetime');
}

/** The status timeline: one entry per status change, oldest first, with the time, who and the note. */
export function timelineList(entries) {
  const list = el('ol', { className: 'timeline' });
  for (const e of Array.isArray(entries) ? entries : []) {
    const head = el('p', { className: 'timeline-head' }, timeNode(e.at), ' ', labelFor('sh.status', e.status, 'timeline-label'));
    if (e.actor) head.append(' · ', setText(el('span', { className: 'timeline-actor' }), 'sh.app.actor', { name: e.actor }));
    const item = el('li', { className: 'timeline-entry', attrs: { 'data-status': e.status } }, head);
    if (e.note) item.append(el('p', { className: 'timeline-text', text: e.note }));
    list.append(item);
  }
  if (!list.childElementCount) return el('p', { className: 'muted', i18n: 'sh.app.timelineEmpty' });
  return list;
}

/** The service name of a summary or detail, in the current language when the server gives both. */
export function serviceNameNode(a) {
  return bilingual(a.serviceName, a.serviceNameEn || a.serviceName, 'sh-service-name');
}

/** What a reviewer asked to correct ({kind, code, note} items), named by the definition's labels. */
export function missingList(definition, missing) {
  const def = definition || {};
  const fields = new Map((def.fields || []).map((f) => [f.name, f.label]));
  const materials = new Map((def.materials || []).map((m) => [m.code, m.name]));
  const list = el('ul', { className: 'sh-missing-list' });
  for (const item of Array.isArray(missing) ? missing : []) {
    const label = item.kind === 'material' ? materials.get(item.code) : fields.get(item.code);
    const li = el('li', { attrs: { 'data-kind': item.kind, 'data-code': item.code } },
      label ? labelNode('span', label, { class: 'sh-missing-name' }) : el('span', { className: 'sh-missing-name', text: item.code }));
    if (item.note) li.append(t('form.labelSep'), el('span', { text: item.note }));
    list.append(li);
  }
  return list;
}

/** Previous/next paging; load(page) is called with the new page; returns the updater. */
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
    setText(document.getElementById('page-info'), 'sh.pager.info', { page: Math.min(state.page + 1, pages), pages });
  };
}

/**
 * Uploads one file as multipart "file", reporting whole percents to onPercent. Resolves to the
 * parsed JSON answer; rejects with ApiError carrying the problem+json body, as api() does.
 */
export function uploadWithProgress(path, file, onPercent = () => {}) {
  const body = new FormData();
  body.append('file', file, file.name);
  return sendForm('POST', path, body, onPercent);
}

export function materialHref(applicationId, file) {
  return `/api/applications/${encodeURIComponent(applicationId)}/materials/${encodeURIComponent(file.id)}`;
}

/** Shows a problem (or an Error) in an alert area; clear with showAlert(area, null). */
export function showAlert(area, problem) {
  if (!problem) {
    area.hidden = true;
    area.replaceChildren();
    return;
  }
  const p = problem.problem || problem;
  const parts = [el('p', { text: p.detail || p.title || problem.message || t('error.generic') })];
  if (Array.isArray(p.errors) && p.errors.length) parts.push(el('ul', {}, ...p.errors.map((e) => el('li', { text: e.message || e.code }))));
  area.replaceChildren(...parts);
  area.hidden = false;
}
