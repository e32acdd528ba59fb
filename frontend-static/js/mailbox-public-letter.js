// One published letter: its masked title, letter and reply as the server stored them (the
// originals never reach this page), who handled it, and when it was received, replied and published.

import { api } from './api.js';
import { t } from './i18n.js';
import { el, onLangChange, timeNode } from './inquiry-common.js';
import { departmentNode, idFromQuery, kindNode, mailboxNode } from './mailbox-common.js';
import './mailbox-public-common.js';

const $ = (id) => document.getElementById(id);

function showError(key, message) {
  $('page-loading').hidden = true;
  const area = $('page-error');
  area.replaceChildren(el('p', key ? { i18n: key } : { text: message }));
  area.hidden = false;
}

function step(key, iso) {
  return el('li', { className: 'timeline-entry', attrs: { 'data-type': key } },
    el('p', { className: 'timeline-head' }, timeNode(iso), ' ', el('span', { className: 'timeline-label', i18n: `mpub.letter.step.${key}` })));
}

function render(letter) {
  document.title = `${letter.title} - ${t('title.mailboxPublishedLetter')}`;
  $('letter-kind').replaceChildren(kindNode(letter.kind));
  $('letter-title').textContent = letter.title || '';
  $('letter-mailbox').replaceChildren(mailboxNode(letter.mailbox));
  $('letter-department').replaceChildren(departmentNode(letter.department));
  $('letter-received').replaceChildren(timeNode(letter.receivedAt, 'date'));
  $('letter-replied').replaceChildren(letter.repliedAt ? timeNode(letter.repliedAt, 'date') : el('span', { i18n: 'mpub.none' }));
  $('letter-body').textContent = letter.body || '';
  if (letter.reply) $('letter-reply').textContent = letter.reply;
  else $('letter-reply').replaceChildren(el('span', { className: 'muted', i18n: 'mpub.letter.noReply' }));
  const steps = [['received', letter.receivedAt], ['replied', letter.repliedAt], ['published', letter.publishedAt]];
  $('letter-timeline').replaceChildren(...steps.filter(([, at]) => at).map(([key, at]) => step(key, at)));
  $('page-loading').hidden = true;
  $('letter').hidden = false;
}

async function start() {
  const id = idFromQuery();
  if (!id) {
    showError('mpub.letter.notFound');
    return;
  }
  try {
    render(await api('GET', `/api/mailbox/public/letters/${encodeURIComponent(id)}`));
  } catch (err) {
    if (err.status === 404) showError('mpub.letter.notFound');
    else showError(null, err.message || t('error.generic'));
  }
}

onLangChange(() => {});
start();
