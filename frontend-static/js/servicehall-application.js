// One application for its applicant (the page the status notifications link to): status and
// timeline, the receipt once submitted, the result document once issued, what to correct when
// it was sent back, and the way on (continue a draft, provide corrections, delete a draft).

import './servicehall-i18n.js';
import { api } from './api.js';
import { t } from './i18n.js';
import { el, onLangChange, timeNode } from './inquiry-common.js';
import { renderDetail } from './servicehall-detail.js';
import { dateNode, factRow, idFromQuery, requireUser } from './servicehall-common.js';

const $ = (id) => document.getElementById(id);
const id = idFromQuery();

function fail(message) {
  $('app-loading').hidden = true;
  $('page-error').textContent = message;
  $('page-error').hidden = false;
}

function nextSteps(detail) {
  const actions = detail.allowedActions || [];
  const link = $('continue-link');
  const editable = actions.includes('save');
  const key = detail.status === 'supplement_requested' ? 'sh.app.supplement' : 'sh.app.continue';
  link.hidden = !editable;
  link.href = `/servicehall/apply.html?id=${encodeURIComponent(detail.id)}`;
  link.setAttribute('data-i18n', key);
  link.textContent = t(key);
  $('delete-draft').hidden = !actions.includes('delete');
  $('app-next').hidden = !editable && !actions.includes('delete');
}

async function showReceipt(detail) {
  const section = $('receipt-section');
  if (!detail.number) {
    section.hidden = true;
    return;
  }
  let receipt = null;
  try {
    receipt = await api('GET', `/api/applications/${encodeURIComponent(detail.id)}/receipt`);
  } catch {
    receipt = null; // the facts above still carry the number and dates
  }
  const r = receipt && typeof receipt === 'object' ? receipt : detail;
  const rows = [
    factRow('sh.apply.number', el('span', { className: 'sh-receipt-number', text: r.number || detail.number })),
    factRow('sh.app.service', el('span', { text: r.serviceName || detail.serviceName || '' })),
    factRow('sh.app.department', el('span', { text: r.departmentName || detail.departmentName || '' })),
  ];
  if (r.applicant) rows.push(factRow('sh.app.applicant', el('span', { text: r.applicant })));
  rows.push(factRow('sh.apply.submittedAt', timeNode(r.submittedAt || detail.submittedAt)),
    factRow('sh.apply.dueDate', dateNode(r.dueDate || detail.dueDate)));
  $('receipt-facts').replaceChildren(...rows);
  section.hidden = false;
}

async function load() {
  let detail;
  try {
    detail = await api('GET', `/api/applications/${encodeURIComponent(id)}`);
  } catch (err) {
    fail(err.status === 404 ? t('sh.app.notFound') : (err.message || t('error.generic')));
    return;
  }
  renderDetail(detail);
  nextSteps(detail);
  await showReceipt(detail);
  $('app-loading').hidden = true;
  $('application').hidden = false;
}

async function start() {
  const user = await requireUser();
  if (!user) return;
  if (!id) {
    fail(t('sh.app.notFound'));
    return;
  }
  await load();
}

$('delete-draft').addEventListener('click', async () => {
  if (!window.confirm(t('sh.apply.deleteConfirm'))) return;
  try {
    await api('DELETE', `/api/applications/${encodeURIComponent(id)}`);
    window.location.assign('/servicehall/mine.html');
  } catch (err) {
    fail(err.message || t('error.generic'));
  }
});
$('print-receipt').addEventListener('click', () => window.print());
onLangChange(() => {});
start();
