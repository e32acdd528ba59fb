// Reviewing a consultation's comments and concluding it: approve or reject (with a reason) each
// pending comment, and once the window has closed and none is pending, publish the feedback with a
// decision and reason for each approved comment that is answered one by one.

import { api } from './api.js';
import { clearErrors, setBusy, showProblem, validate } from './forms.js';
import { t } from './i18n.js';
import { el, onLangChange, setText, showAlert, timeNode } from './inquiry-common.js';
import { consultationIdFromQuery, consultationStatusBadge } from './consultation-common.js';
import { requireOfficial } from './consultation-staff.js';

const DECISIONS = ['adopted', 'partly_adopted', 'not_adopted'];
const $ = (id) => document.getElementById(id);
const id = consultationIdFromQuery();
const base = `/api/consultations/${encodeURIComponent(id || '')}`;
let consultation = null;

function pendingItem(c) {
  const n = c.id;
  const reason = el('input', { attrs: { type: 'text', id: `reason-${n}`, name: 'reason', maxlength: 200 } });
  const approve = el('button', { className: 'button button-primary', i18n: 'cstaff.approve', attrs: { type: 'button', id: `approve-${n}` } });
  const reject = el('button', { className: 'button button-secondary', i18n: 'cstaff.reject', attrs: { type: 'submit', id: `reject-${n}` } });
  const rejectForm = el('form', { className: 'form cstaff-reject', attrs: { novalidate: true } },
    el('div', { className: 'field' }, el('label', { i18n: 'cstaff.rejectReason', attrs: { for: `reason-${n}` } }), reason), reject);
  const item = el('li', { className: 'card question', attrs: { 'data-comment-id': n } },
    el('p', { className: 'session-meta' }, el('span', { text: c.author && c.author.displayName }), ' ', timeNode(c.submittedAt)),
    el('p', { className: 'mpub-text', text: c.text }));
  if (Array.isArray(c.flags) && c.flags.length) {
    item.append(el('p', { className: 'badge flag' }, el('span', { i18n: 'cstaff.flagged' }), c.flags.join('、')));
  }
  item.append(el('p', {}, approve), rejectForm);
  const decide = async (path, body) => {
    try {
      await api('POST', path, body);
      showAlert($('pending-alert'), null);
      await load();
    } catch (err) {
      showAlert($('pending-alert'), err.problem || { title: err.message });
    }
  };
  approve.addEventListener('click', () => decide(`/api/consultations/comments/${n}/approve`, {}));
  rejectForm.addEventListener('submit', (event) => {
    event.preventDefault();
    decide(`/api/consultations/comments/${n}/reject`, { reason: reason.value });
  });
  return item;
}

function decisionItem(c, i) {
  const select = el('select', { attrs: { id: `decision-${c.id}`, name: `decisions.${i}.decision` } },
    el('option', { i18n: 'cstaff.decisionNone', attrs: { value: '' } }),
    ...DECISIONS.map((d) => el('option', { i18n: `consult.decision.${d}`, attrs: { value: d } })));
  const reason = el('input', { attrs: { type: 'text', id: `decision-reason-${c.id}`, name: `decisions.${i}.reason`, maxlength: 500 } });
  return el('li', { className: 'card question', attrs: { 'data-comment-id': c.id } },
    el('p', { className: 'mpub-text', text: c.text }),
    el('div', { className: 'field' }, el('label', { i18n: 'cstaff.decision', attrs: { for: select.id } }), select),
    el('div', { className: 'field' }, el('label', { i18n: 'cstaff.decisionReason', attrs: { for: reason.id } }), reason));
}

async function all(status) {
  const result = await api('GET', `${base}/comments?status=${status}&size=100`);
  return Array.isArray(result && result.items) ? result.items : [];
}

async function load() {
  consultation = await api('GET', base);
  $('consultation-title').removeAttribute('data-i18n');
  $('consultation-title').textContent = consultation.title;
  $('status-badge').replaceChildren(consultationStatusBadge(consultation.status));
  const moderatable = ['open', 'closed', 'upcoming'].includes(consultation.status);
  const pending = moderatable ? await all('pending') : [];
  $('pending-list').replaceChildren(...pending.map(pendingItem));
  $('pending-empty').hidden = pending.length > 0;
  $('pending-section').hidden = false;
  const closed = consultation.status === 'closed';
  $('feedback-not-yet').hidden = closed || consultation.status === 'concluded';
  $('feedback-done').hidden = consultation.status !== 'concluded';
  $('public-link').href = `/consultations/detail.html?id=${encodeURIComponent(consultation.id)}`;
  $('feedback-form').hidden = !closed || pending.length > 0;
  if (closed && !pending.length) {
    const approved = await all('approved');
    $('decision-list').replaceChildren(...approved.map(decisionItem));
    $('approved-empty').hidden = approved.length > 0;
  }
  $('feedback-section').hidden = false;
}

async function publishFeedback(event) {
  event.preventDefault();
  const form = $('feedback-form');
  const problem = validate(form);
  if (problem) {
    showProblem(form, problem);
    return;
  }
  clearErrors(form);
  const decisions = [...$('decision-list').children].map((li) => {
    const n = li.getAttribute('data-comment-id');
    return { commentId: Number(n), decision: $(`decision-${n}`).value, reason: $(`decision-reason-${n}`).value.trim() || null };
  }).filter((d) => d.decision);
  setBusy(form, $('feedback-submit'), true);
  try {
    await api('POST', `${base}/feedback`, { text: $('feedback-text').value, decisions });
    await load();
    setText($('page-status'), 'cstaff.feedbackDone');
  } catch (err) {
    showProblem(form, renumber(err.problem, decisions));
  }
  setBusy(form, $('feedback-submit'), false);
}

/** The server names decisions by their index among those sent; the form's controls by comment. */
function renumber(problem, decisions) {
  const p = { ...(problem || {}) };
  if (Array.isArray(p.errors)) {
    p.errors = p.errors.map((e) => {
      const m = String(e.field || '').match(/^decisions\.(\d+)\.(\w+)$/);
      if (!m || !decisions[Number(m[1])]) return e;
      const li = $(`decision-${decisions[Number(m[1])].commentId}`).closest('li');
      const index = [...$('decision-list').children].indexOf(li);
      return { ...e, field: `decisions.${index}.${m[2]}` };
    });
  }
  return p;
}

async function start() {
  const user = await requireOfficial($('page-error'), el('p', { i18n: 'cstaff.notOfficial' }));
  if (!user) return;
  if (!id) {
    showAlert($('page-error'), { title: t('consult.notFound') });
    return;
  }
  $('feedback-form').addEventListener('submit', publishFeedback);
  try {
    await load();
  } catch (err) {
    showAlert($('page-error'), err.status === 404 ? { title: t('consult.notFound') } : err.problem);
  }
}

onLangChange(() => {});
start();
