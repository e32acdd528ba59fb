// One disclosure request, for its applicant and for staff handling it: the application, the reply
// clock, the extension, the reply and the delivered files (downloads).

import { api } from './api.js';
import { t } from './i18n.js';
import { el, timeNode } from './inquiry-common.js';
import {
  clockNode, departmentNode, fileList, flagNode, idFromQuery, label, requireUser, statusBadge,
} from './disclosure-request-common.js';

const $ = (id) => document.getElementById(id);

/** A term and its value(s) of a definition list; nothing when the value is empty. */
function fact(key, ...values) {
  const shown = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (!shown.length) return null;
  return el('div', { className: 'profile-row' }, el('dt', { i18n: key }), el('dd', {}, ...shown.flatMap((v, i) => (i ? [' ', v] : [v]))));
}

function contact(r) {
  return [r.contactPhone, r.contactEmail, r.contactAddress].filter(Boolean).join('；');
}

function render(r) {
  $('facts').replaceChildren(...[
    fact('dreq.detail.number', r.number),
    fact('dreq.detail.status', statusBadge(r.status), flagNode(r.clock)),
    fact('dreq.detail.department', departmentNode(r.department)),
    fact('dreq.detail.applicant', r.applicantName, label('dreq.kind', r.applicantKind, 'muted')),
    fact('dreq.detail.receivedAt', timeNode(r.receivedAt)),
    fact('dreq.detail.countedFrom', r.clock && r.clock.countedFrom),
    fact('dreq.detail.dueOn', r.clock && r.clock.dueOn),
    fact('dreq.detail.extendedDueOn', r.clock && r.clock.extendedDueOn),
    fact('dreq.detail.extensionReason', r.extensionReason),
    fact('dreq.detail.clock', clockNode(r.clock)),
    fact('dreq.detail.description', el('span', { className: 'written', text: r.description })),
    fact('dreq.detail.documentTitle', r.documentTitle),
    fact('dreq.detail.documentNumber', r.documentNumber),
    fact('dreq.detail.purpose', r.purpose),
    fact('dreq.detail.delivery', label('dreq.delivery', r.delivery)),
    fact('dreq.detail.contact', contact(r)),
  ].filter(Boolean));
  if (r.mayHandle) {
    $('handle-link').href = `/disclosure/handle.html?id=${encodeURIComponent(r.id)}`;
    $('handle-line').hidden = false;
    $('back-link').href = '/disclosure/handle.html';
    $('back-link').setAttribute('data-i18n', 'dreq.backToQueue');
    $('back-link').textContent = t('dreq.backToQueue');
  }
  const reply = $('reply');
  if (r.status !== 'replied') {
    reply.replaceChildren(el('p', { className: 'muted', i18n: 'dreq.detail.notReplied' }));
    return;
  }
  const ground = r.legalGround
    ? el('span', {}, el('span', { text: r.legalGround.article }), ' ', el('span', { text: r.legalGround.name })) : null;
  reply.replaceChildren(el('dl', { className: 'session-facts' }, ...[
    fact('dreq.detail.outcome', label('dreq.outcome', r.outcome)),
    fact('dreq.detail.legalGround', ground),
    fact('dreq.detail.repliedAt', timeNode(r.repliedAt)),
    fact('dreq.detail.replyText', el('span', { className: 'written', text: r.replyText })),
  ].filter(Boolean)), el('h3', { i18n: 'dreq.detail.files' }), fileList(r.files));
}

async function start() {
  const user = await requireUser();
  if (!user) return;
  const id = idFromQuery();
  try {
    if (!id) throw new Error(t('dreq.notFound'));
    render(await api('GET', `/api/disclosure/requests/${encodeURIComponent(id)}`));
    $('request').hidden = false;
    $('page-status').hidden = true;
  } catch (err) {
    $('page-status').hidden = true;
    $('page-error').textContent = err.status === 404 ? t('dreq.notFound') : (err.message || t('error.generic'));
    $('page-error').hidden = false;
  }
}

start();
