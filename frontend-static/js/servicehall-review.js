// The official review workbench. Without ?id: the department's applications by promised
// completion date, overdue ones marked with words and a symbol as well as colour. With ?id: one
// application with the actions its status allows (accept, ask for corrections naming the fields
// and materials, approve, reject with a reason, issue the result document).

import './servicehall-i18n.js';
import { api } from './api.js';
import { t } from './i18n.js';
import { clearErrors, setBusy, showProblem } from './forms.js';
import { el, keepInUrl, listQuery, onLangChange, setText, timeNode } from './inquiry-common.js';
import { labelNode } from './form-engine.js';
import { renderDetail } from './servicehall-detail.js';
import {
  STATUSES, dateNode, idFromQuery, isReviewer, overdueBadge, requireUser, statusBadge, wirePager,
} from './servicehall-common.js';

const PAGE_SIZE = 20;
const $ = (id) => document.getElementById(id);
const id = idFromQuery();
const query = new URLSearchParams(window.location.search);
const state = {
  status: STATUSES.includes(query.get('status')) ? query.get('status') : '',
  page: Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0),
  total: 0,
};
let updatePager = () => {};
let current = null;

// ---------- the queue

function row(a) {
  const number = a.number || `#${a.id}`;
  const tr = el('tr', { attrs: { 'data-application-id': a.id } },
    el('th', { attrs: { scope: 'row' } }, el('a', { text: number, attrs: { href: `/servicehall/review.html?id=${encodeURIComponent(a.id)}` } })),
    el('td', { text: a.serviceName || a.serviceCode }),
    el('td', {}, statusBadge(a.status)),
    el('td', {}, a.submittedAt ? timeNode(a.submittedAt) : el('span', { className: 'muted', text: '—' })),
    el('td', {}, dateNode(a.dueDate)),
    el('td', {}, a.overdue ? overdueBadge() : ''));
  if (a.overdue) tr.classList.add('sh-overdue-row');
  return tr;
}

async function loadQueue(page = state.page) {
  state.page = page;
  keepInUrl(listQuery(state, ['status']));
  const params = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
  if (state.status) params.set('status', state.status);
  try {
    const result = await api('GET', `/api/applications/review?${params}`);
    const items = Array.isArray(result && result.items) ? result.items : [];
    state.total = Number(result && result.total) || 0;
    $('queue-rows').replaceChildren(...items.map(row));
    $('queue-table').hidden = !items.length;
    setText($('queue-status'), items.length ? 'sh.review.count' : 'sh.review.empty', { total: state.total });
  } catch (err) {
    $('queue-status').removeAttribute('data-t');
    $('queue-status').textContent = err.message || t('error.generic');
  }
  updatePager();
}

function startQueue() {
  const select = $('queue-status-filter');
  select.replaceChildren(el('option', { i18n: 'sh.status.any', attrs: { value: '' } }),
    ...STATUSES.filter((s) => s !== 'draft').map((s) => el('option', { i18n: `sh.status.${s}`, attrs: { value: s } })));
  select.value = state.status;
  $('queue-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    state.status = select.value;
    loadQueue(0);
  });
  select.addEventListener('change', () => $('queue-filter').requestSubmit());
  updatePager = wirePager(state, PAGE_SIZE, loadQueue);
  $('queue').hidden = false;
  return loadQueue();
}

// ---------- one application

/** A checkbox per field and material of the definition the application was filed under. */
function missingChoices(definition) {
  const def = definition || {};
  const items = [
    ...(def.fields || []).map((f) => ({ kind: 'field', code: f.name, label: f.label })),
    ...(def.materials || []).map((m) => ({ kind: 'material', code: m.code, label: m.name })),
  ];
  $('missing-choices').replaceChildren(...items.map((item, i) => {
    const inputId = i === 0 ? 'missing' : `missing-${i}`;
    return el('div', { className: 'radio' },
      el('input', { attrs: { type: 'checkbox', id: inputId, name: 'missing', value: `${item.kind}:${item.code}` } }),
      labelNode('label', item.label, { for: inputId }));
  }));
}

function showActions(detail) {
  const actions = detail.allowedActions || [];
  const has = (a) => actions.includes(a);
  $('accept-button').hidden = !has('accept');
  $('approve-button').hidden = !has('approve');
  $('decision-form').hidden = !has('accept') && !has('approve');
  $('supplement-form').hidden = !has('supplement');
  $('reject-form').hidden = !has('reject');
  $('result-panel').hidden = !has('issueResult');
  $('no-actions').hidden = ['accept', 'approve', 'supplement', 'reject', 'issueResult'].some(has);
  if (has('supplement')) missingChoices(detail.definition);
}

function show(detail) {
  current = detail;
  renderDetail(detail);
  showActions(detail);
  $('application').hidden = false;
}

async function act(form, button, action, body) {
  clearErrors(form);
  setBusy(form, button, true);
  try {
    const detail = await api('POST', `/api/applications/${encodeURIComponent(current.id)}/${action}`, body);
    for (const f of [$('decision-form'), $('supplement-form'), $('reject-form')]) f.reset();
    show(detail);
    const done = $('action-status');
    setText(done, 'sh.review.done', { status: t(`sh.status.${detail.status}`) });
    done.hidden = false;
  } catch (err) {
    showProblem(form, err.problem || { detail: err.message });
  } finally {
    setBusy(form, button, false);
  }
}

function wireActions() {
  for (const button of [$('accept-button'), $('approve-button')]) {
    button.addEventListener('click', () => {
      const note = $('decision-note').value.trim();
      act($('decision-form'), button, button.getAttribute('data-action'), note ? { note } : {});
    });
  }
  $('supplement-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = $('supplement-form');
    const note = $('supplement-note').value.trim();
    const missing = [...form.querySelectorAll('input[name="missing"]:checked')].map((c) => {
      const [kind, ...rest] = c.value.split(':');
      return { kind, code: rest.join(':') };
    });
    const errors = [];
    if (!missing.length) errors.push({ field: 'missing', message: t('sh.review.missingNone') });
    if (!note) errors.push({ field: 'note', message: t('sh.review.noteRequired') });
    if (errors.length) {
      showProblem(form, { errors });
      return;
    }
    act(form, $('supplement-button'), 'supplement', { note, missing });
  });
  $('reject-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = $('reject-form');
    const reason = $('reject-reason').value.trim();
    if (!reason) {
      showProblem(form, { errors: [{ field: 'reason', message: t('sh.review.reasonRequired') }] });
      return;
    }
    act(form, $('reject-button'), 'reject', { reason });
  });
  $('issue-result-button').addEventListener('click', () => act($('decision-form'), $('issue-result-button'), 'result'));
}

async function startOne() {
  $('back-link').href = '/servicehall/review.html';
  $('back-link').setAttribute('data-i18n', 'sh.backToReview');
  $('back-link').textContent = t('sh.backToReview');
  wireActions();
  try {
    show(await api('GET', `/api/applications/${encodeURIComponent(id)}`));
  } catch (err) {
    $('page-error').textContent = err.status === 404 ? t('sh.app.notFound') : (err.message || t('error.generic'));
    $('page-error').hidden = false;
  }
}

async function start() {
  const user = await requireUser();
  if (!user) return;
  if (!isReviewer(user)) {
    $('not-staff').hidden = false;
    return;
  }
  if (id) await startOne();
  else await startQueue();
}

onLangChange(() => {});
start();
