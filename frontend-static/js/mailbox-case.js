// One case for staff: the letter or petition (its request, its own statutory clock), its clock and
// full timeline (internal entries too), and the steps this user may take now as the server states
// them (allowedActions, computed by CaseAccess): triage (accept, not accept, transfer back),
// dispatch (clerks), and for the lead department reply from a template, request information and
// transfer back; co-handlers' opinions, supervision, internal notes.

import { api, ApiError } from './api.js';
import { t } from './i18n.js';
import { clearErrors, setBusy, showProblem } from './forms.js';
import { el, onLangChange, setBilingual, timeNode } from './inquiry-common.js';
import { paragraphs } from './consultation-common.js';
import {
  allowedSet, attachmentList, channelBadge, clockNode, departmentNode, factRow, flagNode, idFromQuery, kindNode, labelNode, mailboxNode,
  problemFor, requireUser, statusBadge, textLength, timelineList,
} from './mailbox-common.js';

const $ = (id) => document.getElementById(id);
const id = idFromQuery();
const base = `/api/mailbox/cases/${encodeURIComponent(id)}`;
const state = { user: null, c: null, departmentsLoaded: false, templatesLoaded: false };

function pageError(content) {
  $('page-error').replaceChildren(content);
  $('page-error').hidden = false;
}

function renderCase(c) {
  $('case-title').textContent = c.title || '';
  document.title = `${c.title} - ${t('title.mailboxCase')}`;
  $('case-kind').replaceChildren(...(c.channel === 'petition' ? [channelBadge(c.channel), ' '] : []), kindNode(c.kind));
  $('case-status').replaceChildren(statusBadge(c.status));
  $('case-flag').replaceChildren(...[flagNode(c.clock)].filter(Boolean));
  const cohandlers = Array.isArray(c.cohandlers) && c.cohandlers.length
    ? c.cohandlers.flatMap((d, i) => (i ? [t('inquiry.listSep'), departmentNode(d)] : [departmentNode(d)]))
    : [el('span', { i18n: 'mbox.none' })];
  $('case-facts').replaceChildren(
    factRow('mbox.fact.number', el('span', { text: c.trackingNumber })),
    factRow('mbox.fact.mailbox', mailboxNode(c.mailbox)),
    ...(c.petitionRequest ? [factRow('mbox.fact.request', el('span', { text: c.petitionRequest }))] : []),
    factRow('mbox.fact.received', timeNode(c.receivedAt)),
    factRow('mbox.fact.writer', el('span', { text: c.writerName || '' })),
    factRow('mbox.fact.contact', labelNode('mbox.contact', c.contactPreference)),
    factRow('mbox.fact.location', c.location ? el('span', { text: c.location }) : el('span', { i18n: 'mbox.none' })),
    factRow('mbox.fact.consent', el('span', { i18n: c.consentToPublish ? 'mbox.yes' : 'mbox.no' })),
    factRow('mbox.fact.triage', c.status === 'received' && !c.triageDepartment ? el('span', { i18n: 'mbox.fact.cityOffice' })
      : departmentNode(c.triageDepartment)),
    factRow('mbox.fact.lead', departmentNode(c.leadDepartment)),
    factRow('mbox.fact.cohandlers', ...cohandlers),
    factRow('mbox.fact.due', clockNode(c.clock)));
  $('case-body').replaceChildren(...paragraphs(c.body));
  const files = Array.isArray(c.attachments) ? c.attachments : [];
  $('case-files-block').hidden = !files.length;
  $('case-files').replaceChildren(attachmentList(c.id, files));
  $('case-reply-block').hidden = !c.reply;
  $('case-reply').replaceChildren(...(c.reply ? paragraphs(c.reply.text) : []));
  $('case-timeline').replaceChildren(timelineList(c.timeline, true));
}

/** The panel of each action the server may allow (allowedActions codes); it checks again on every step. */
const PANELS = {
  accept: 'accept-panel', not_accept: 'not-accept-form', dispatch: 'dispatch-form', reply: 'reply-form',
  request_information: 'info-form', transfer_back: 'transfer-form', opinion: 'opinion-form', supervise: 'supervise-form',
  note: 'note-form',
};

async function loadDepartments() {
  if (state.departmentsLoaded) return;
  state.departmentsLoaded = true;
  const boxes = await api('GET', '/api/mailbox/public/mailboxes');
  const departments = (Array.isArray(boxes) ? boxes : []).filter((b) => b.department).map((b) => b.department);
  $('lead').append(...departments.map((d) => setBilingual(el('option', { attrs: { value: String(d.id) } }), d.nameZh, d.nameEn)));
  $('cohandler-options').replaceChildren(...departments.map((d, i) => {
    const inputId = i === 0 ? 'cohandlerIds' : `cohandler-${d.id}`;
    return el('div', { className: 'checkbox-field' },
      el('input', { attrs: { type: 'checkbox', id: inputId, name: 'cohandlerIds', value: String(d.id) } }),
      setBilingual(el('label', { attrs: { for: inputId } }), d.nameZh, d.nameEn));
  }));
}

async function loadTemplates() {
  if (state.templatesLoaded) return;
  state.templatesLoaded = true;
  const templates = await api('GET', `${base}/templates`);
  $('template').append(...(Array.isArray(templates) ? templates : [])
    .map((tpl) => el('option', { text: tpl.name, attrs: { value: String(tpl.id) } })));
}

function renderActions() {
  const can = allowedSet(state.c);
  for (const [action, panel] of Object.entries(PANELS)) $(panel).hidden = !can.has(action);
  $('no-actions').hidden = Object.keys(PANELS).some((action) => can.has(action));
  const loads = [];
  if (can.has('dispatch')) loads.push(loadDepartments());
  if (can.has('reply')) loads.push(loadTemplates());
  return Promise.all(loads).catch((err) => showProblem($('note-form'), { title: err.message || t('error.generic') }));
}

function render(c) {
  state.c = c;
  renderCase(c);
  $('case-main').hidden = false;
  return renderActions();
}

/** Runs a step, re-renders the case from the answer, and says it is done. */
async function act(form, button, path, body, rename = {}) {
  for (const f of document.querySelectorAll('#case-main form')) clearErrors(f);
  $('action-status').hidden = true;
  setBusy(form, button, true);
  try {
    await render(await api('POST', `${base}/${path}`, body));
    if (form.reset) form.reset();
    $('action-status').replaceChildren(el('p', { i18n: 'mbox.case.done' }));
    $('action-status').hidden = false;
    return true;
  } catch (err) {
    showProblem(form, problemFor(err instanceof ApiError ? err.problem : { title: t('error.generic') }, rename));
    return false;
  } finally {
    setBusy(form, button, false);
  }
}

/** Client check of a required text of at most max code points; shows the problem and returns false. */
function checkText(form, name, value, max) {
  const message = !value ? t('validation.required') : textLength(value) > max ? t('mbox.check.tooLong', { max }) : null;
  if (message) showProblem(form, { errors: [{ field: name, message }] });
  return !message;
}

/** Wires a one-textarea form: the value goes to the API under apiField. */
function textForm(formId, textareaId, path, apiField, max) {
  const form = $(formId);
  const textarea = $(textareaId);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = textarea.value.trim();
    if (!checkText(form, textarea.name, value, max)) return;
    act(form, form.querySelector('button[type="submit"]'), path, { [apiField]: value }, { [apiField]: textarea.name });
  });
}

$('accept-button').addEventListener('click', () => act($('accept-panel'), $('accept-button'), 'accept'));
textForm('not-accept-form', 'not-accept-reason', 'not-accept', 'reason', 500);
textForm('transfer-form', 'transfer-reason', 'transfer-back', 'reason', 500);
textForm('info-form', 'info-question', 'information-request', 'question', 1000);
textForm('reply-form', 'reply-text', 'reply', 'text', 4000);
textForm('opinion-form', 'opinion-text', 'opinions', 'text', 2000);
textForm('supervise-form', 'supervise-text', 'supervise', 'text', 1000);
textForm('note-form', 'note-text', 'notes', 'text', 2000);

$('dispatch-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const lead = $('lead').value;
  const cohandlerIds = [...form.querySelectorAll('input[name="cohandlerIds"]:checked')].map((i) => Number(i.value));
  const errors = [];
  if (!lead) errors.push({ field: 'leadDepartmentId', message: t('validation.required') });
  if (cohandlerIds.length > 10 || cohandlerIds.includes(Number(lead))) {
    errors.push({ field: 'cohandlerIds', message: t('mbox.field.cohandlers') });
  }
  if (errors.length) {
    showProblem(form, { errors });
    return;
  }
  const note = $('dispatch-note').value.trim();
  act(form, form.querySelector('button[type="submit"]'), 'dispatch', { leadDepartmentId: Number(lead), cohandlerIds, note: note || null });
});

$('use-template').addEventListener('click', async () => {
  const form = $('reply-form');
  const template = $('template').value;
  clearErrors(form);
  if (!template) {
    showProblem(form, { errors: [{ field: 'template', message: t('validation.required') }] });
    return;
  }
  const button = $('use-template');
  button.disabled = true;
  try {
    const draft = await api('GET', `${base}/draft?template=${encodeURIComponent(template)}`);
    $('reply-text').value = (draft && draft.text) || '';
    $('action-status').replaceChildren(el('p', { i18n: 'mbox.case.drafted' }));
    $('action-status').hidden = false;
    $('reply-text').focus();
  } catch (err) {
    showProblem(form, problemFor(err instanceof ApiError ? err.problem : { title: t('error.generic') }));
  } finally {
    button.disabled = false;
  }
});

onLangChange(() => {
  if (state.c) document.title = `${state.c.title} - ${t('title.mailboxCase')}`;
});

async function start() {
  if (!id) {
    pageError(el('p', { i18n: 'mbox.notFound' }));
    return;
  }
  state.user = await requireUser();
  if (!state.user) return;
  try {
    await render(await api('GET', base));
  } catch (err) {
    pageError(err instanceof ApiError && err.status === 404 ? el('p', { i18n: 'mbox.notFound' })
      : el('p', { text: err.message || t('error.generic') }));
  }
}

start();
