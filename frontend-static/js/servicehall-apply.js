// Applying online: the service's form drawn by the form engine from its definition, a draft that
// is created on the first save or upload (so merely opening the page leaves nothing behind),
// uploads per material with progress, submission with the receipt shown at once; and, for an
// application sent back for corrections, the same form with what the reviewer asked for.

import './servicehall-i18n.js';
import { api } from './api.js';
import { t } from './i18n.js';
import { setBusy } from './forms.js';
import { formatTime, onLangChange, setText, timeNode } from './inquiry-common.js';
import { createFormEngine, localized } from './form-engine.js';
import {
  dateNode, idFromQuery, isApplicant, materialHref, missingList, requireUser, uploadWithProgress,
} from './servicehall-common.js';

const $ = (id) => document.getElementById(id);
const form = $('apply-form');
const page = { id: idFromQuery(), serviceCode: null, detail: null, engine: null, creating: null };

function notice(key, link = null) {
  $('apply-status').hidden = true;
  $('page-notice-text').setAttribute('data-i18n', key);
  $('page-notice-text').textContent = t(key);
  const anchor = $('page-notice-link');
  anchor.hidden = !link;
  if (link) {
    anchor.href = link.href;
    anchor.setAttribute('data-i18n', link.key);
    anchor.textContent = t(link.key);
  }
  $('page-notice').hidden = false;
}

function fail(err) {
  $('apply-status').hidden = true;
  $('page-error').textContent = (err && err.message) || t('error.generic');
  $('page-error').hidden = false;
}

function guideLink(code) {
  return { href: `/servicehall/service.html?code=${encodeURIComponent(code)}`, key: 'sh.apply.guideLink' };
}

/** The draft's id, creating the draft on first need; concurrent callers share one creation. */
async function ensureDraft() {
  if (page.id) return page.id;
  if (!page.creating) {
    page.creating = api('POST', '/api/applications', { serviceCode: page.serviceCode }).then((detail) => {
      page.id = String(detail.id);
      page.detail = detail;
      window.history.replaceState(null, '', `/servicehall/apply.html?id=${encodeURIComponent(page.id)}`);
      $('delete-button').hidden = !(detail.allowedActions || []).includes('delete');
      return page.id;
    }).finally(() => {
      page.creating = null;
    });
  }
  return page.creating;
}

async function saveData() {
  const id = await ensureDraft();
  page.detail = await api('PUT', `/api/applications/${encodeURIComponent(id)}/data`, { data: page.engine.data() });
  return id;
}

function showSaved() {
  setText($('save-status'), 'sh.apply.saved', { time: formatTime(new Date().toISOString(), 'time') });
}

async function onSave() {
  const button = $('save-button');
  if (!page.engine.check({ requireAll: false })) return;
  setBusy(form, button, true);
  try {
    await saveData();
    page.engine.clearErrors();
    showSaved();
  } catch (err) {
    page.engine.showProblem(err.problem || { detail: err.message });
  } finally {
    setBusy(form, button, false);
  }
}

function showReceipt(detail) {
  form.hidden = true;
  $('form-errors').hidden = true;
  $('missing-box').hidden = true;
  $('receipt-number').textContent = detail.number || '';
  $('receipt-submitted').replaceChildren(timeNode(detail.submittedAt));
  $('receipt-due').replaceChildren(dateNode(detail.dueDate));
  $('view-application').href = `/servicehall/application.html?id=${encodeURIComponent(detail.id)}`;
  $('receipt').hidden = false;
  $('receipt').focus();
}

async function onSubmit(event) {
  event.preventDefault();
  const button = $('submit-button');
  if (!page.engine.check({ requireAll: true })) return;
  setBusy(form, button, true);
  try {
    const id = await saveData();
    const action = page.detail && page.detail.status === 'supplement_requested' ? 'resubmit' : 'submit';
    const detail = await api('POST', `/api/applications/${encodeURIComponent(id)}/${action}`);
    showReceipt(detail);
  } catch (err) {
    page.engine.showProblem(err.problem || { detail: err.message });
  } finally {
    setBusy(form, button, false);
  }
}

async function onDelete() {
  if (!page.id || !window.confirm(t('sh.apply.deleteConfirm'))) return;
  try {
    await api('DELETE', `/api/applications/${encodeURIComponent(page.id)}`);
    window.location.assign('/servicehall/mine.html');
  } catch (err) {
    page.engine.showProblem(err.problem || { detail: err.message });
  }
}

function startEngine(definition, data, uploads) {
  page.engine = createFormEngine($('form-fields'), $('form-errors'), definition, {
    data,
    uploads,
    upload: async (code, file, onPercent) => {
      const id = await ensureDraft();
      return uploadWithProgress(`/api/applications/${encodeURIComponent(id)}/materials/${encodeURIComponent(code)}`, file, onPercent);
    },
    remove: (file) => api('DELETE', `/api/applications/${encodeURIComponent(page.id)}/materials/${encodeURIComponent(file.id)}`),
    downloadHref: (file) => materialHref(page.id, file),
  });
  $('apply-status').hidden = true;
  form.hidden = false;
}

function setTitle(name) {
  $('apply-title').removeAttribute('data-i18n');
  $('apply-title').textContent = name;
  document.title = `${name} - ${t('title.shApply')}`;
}

async function continueApplication() {
  let detail;
  try {
    detail = await api('GET', `/api/applications/${encodeURIComponent(page.id)}`);
  } catch (err) {
    if (err.status === 404) notice('sh.app.notFound', { href: '/servicehall/mine.html', key: 'sh.linkMine' });
    else fail(err);
    return;
  }
  page.detail = detail;
  page.serviceCode = detail.serviceCode;
  setTitle(detail.serviceName);
  const actions = detail.allowedActions || [];
  if (!actions.includes('save')) {
    notice('sh.apply.notEditable', { href: `/servicehall/application.html?id=${encodeURIComponent(detail.id)}`, key: 'sh.apply.viewApplication' });
    return;
  }
  if (detail.status === 'supplement_requested') {
    $('submit-button').setAttribute('data-i18n', 'sh.apply.resubmit');
    $('submit-button').textContent = t('sh.apply.resubmit');
    $('missing-list').replaceChildren(...missingList(detail.definition, detail.missing).children);
    $('missing-box').hidden = false;
  }
  $('delete-button').hidden = !actions.includes('delete');
  startEngine(detail.definition, detail.data || {}, detail.materials || []);
}

async function startNew(code) {
  let found;
  try {
    found = await api('GET', `/api/services/${encodeURIComponent(code)}/form`);
  } catch (err) {
    if (err.status === 404) notice('sh.apply.noForm', guideLink(code));
    else fail(err);
    return;
  }
  page.serviceCode = found.serviceCode || code;
  setTitle(localized(found.serviceName) || code);
  startEngine(found.definition, {}, []);
}

async function start() {
  const user = await requireUser();
  if (!user) return;
  const code = (new URLSearchParams(window.location.search).get('service') || '').trim();
  if (!isApplicant(user)) {
    notice('sh.apply.notApplicant', code ? guideLink(code) : null);
    return;
  }
  if (page.id) await continueApplication();
  else if (code) await startNew(code);
  else notice('sh.apply.noService', { href: '/servicehall/', key: 'sh.back' });
}

form.addEventListener('submit', onSubmit);
$('save-button').addEventListener('click', onSave);
$('delete-button').addEventListener('click', onDelete);
onLangChange(() => {});
start();
