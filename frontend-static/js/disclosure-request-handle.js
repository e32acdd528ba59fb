// Staff handling of disclosure requests: the department's queue, soonest due first, and for the
// request chosen (?id=) the one extension and the reply with delivered files (multipart).

import { api } from './api.js';
import { t } from './i18n.js';
import { el, setBilingual, setText } from './inquiry-common.js';
import { clearErrors, setBusy, showProblem, validate } from './forms.js';
import {
  OUTCOMES, clockNode, idFromQuery, isHandler, requireUser, statusBadge, summaryItem, wirePager,
} from './disclosure-request-common.js';

const PAGE_SIZE = 20;
const $ = (id) => document.getElementById(id);
const state = { page: 0, total: 0 };
let updatePager = () => {};

async function loadQueue(page = state.page) {
  state.page = page;
  const list = $('queue-list');
  list.setAttribute('aria-busy', 'true');
  setText($('list-status'), 'dreq.loading');
  try {
    const params = new URLSearchParams({ state: $('state').value, page: String(page), size: String(PAGE_SIZE) });
    const result = await api('GET', `/api/disclosure/requests/queue?${params}`);
    const items = Array.isArray(result && result.items) ? result.items : [];
    state.total = Number(result && result.total) || 0;
    list.replaceChildren(...items.map((r) => summaryItem(r, `/disclosure/handle.html?id=${encodeURIComponent(r.id)}`, true)));
    setText($('list-status'), items.length ? 'dreq.handle.count' : 'dreq.handle.empty', { total: state.total });
  } catch (err) {
    list.replaceChildren();
    $('list-status').removeAttribute('data-t');
    $('list-status').textContent = err.message || t('error.generic');
  }
  list.setAttribute('aria-busy', 'false');
  updatePager();
}

function showRequest(r) {
  $('work-heading').textContent = r.number;
  $('work-summary').replaceChildren(statusBadge(r.status), ' ', clockNode(r.clock), ' ', el('span', { text: r.description }));
  $('work-detail').href = `/disclosure/request.html?id=${encodeURIComponent(r.id)}`;
  const open = r.status !== 'replied';
  $('extend-form').hidden = !open || Boolean(r.clock && r.clock.extendedDueOn);
  $('reply-form').hidden = !open;
  $('work').hidden = false;
}

function announce() {
  const status = $('work-status');
  status.textContent = t('dreq.handle.done');
  status.hidden = false;
}

async function fillReplyChoices() {
  const outcome = $('outcome');
  for (const code of OUTCOMES) {
    outcome.append(el('option', { i18n: `dreq.outcome.${code}`, attrs: { value: code } }));
  }
  const grounds = await api('GET', '/api/disclosure/requests/legal-grounds');
  for (const g of Array.isArray(grounds) ? grounds : []) {
    const option = el('option', { attrs: { value: g.code } });
    setBilingual(option, `${g.article} ${g.name}`, `${g.article} ${g.nameEn}`);
    $('legalGround').append(option);
  }
}

function wireForms(id) {
  const extendForm = $('extend-form');
  extendForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(extendForm);
    const local = validate(extendForm);
    if (local) return showProblem(extendForm, local);
    setBusy(extendForm, $('extend-submit'), true);
    try {
      showRequest(await api('POST', `/api/disclosure/requests/${id}/extension`, { reason: $('reason').value.trim() }));
      announce();
      await loadQueue();
    } catch (err) {
      showProblem(extendForm, err.problem);
    } finally {
      setBusy(extendForm, $('extend-submit'), false);
    }
    return undefined;
  });
  const replyForm = $('reply-form');
  replyForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(replyForm);
    const local = validate(replyForm);
    if (local) return showProblem(replyForm, local);
    const body = new FormData();
    body.append('outcome', $('outcome').value);
    if ($('legalGround').value) body.append('legalGround', $('legalGround').value);
    body.append('text', $('text').value.trim());
    for (const file of $('files').files) body.append('files', file, file.name);
    setBusy(replyForm, $('reply-submit'), true);
    try {
      showRequest(await api('POST', `/api/disclosure/requests/${id}/reply`, body));
      announce();
      await loadQueue();
    } catch (err) {
      const problem = { ...(err.problem || {}) };
      // File errors are named files[n]: show them on the file control.
      if (Array.isArray(problem.errors)) {
        problem.errors = problem.errors.map((e) => ({ ...e, field: String(e.field || '').replace(/\[\d+\]$/, '') }));
      }
      showProblem(replyForm, problem);
    } finally {
      setBusy(replyForm, $('reply-submit'), false);
    }
    return undefined;
  });
}

async function start() {
  const user = await requireUser();
  if (!user) return;
  if (!isHandler(user)) {
    $('not-staff').hidden = false;
    return;
  }
  $('queue').hidden = false;
  updatePager = wirePager(state, PAGE_SIZE, loadQueue);
  $('state').addEventListener('change', () => loadQueue(0));
  const id = idFromQuery();
  try {
    if (id) {
      await fillReplyChoices();
      wireForms(id);
      showRequest(await api('GET', `/api/disclosure/requests/${encodeURIComponent(id)}`));
    }
  } catch (err) {
    $('page-error').textContent = err.status === 404 ? t('dreq.notFound') : (err.message || t('error.generic'));
    $('page-error').hidden = false;
  }
  await loadQueue(0);
}

start();
