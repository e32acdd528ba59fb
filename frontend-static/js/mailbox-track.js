// Tracking a letter or petition by its number and query code: channel, status, deadline and the
// public timeline. A wrong pair
// is a 404; too many wrong tries are a 429 with Retry-After.

import { api, ApiError } from './api.js';
import { t } from './i18n.js';
import { clearErrors, setBusy, showProblem, validate } from './forms.js';
import { el, setText, timeNode } from './inquiry-common.js';
import {
  channelBadge, clockNode, factRow, flagNode, kindNode, labelNode, mailboxNode, problemFor, statusBadge, timelineList,
} from './mailbox-common.js';

const $ = (id) => document.getElementById(id);
const form = $('track-form');
const problemBox = $('track-problem');
const result = $('track-result');

function showTrackProblem(err) {
  result.hidden = true;
  if (err.status === 404) {
    problemBox.replaceChildren(el('p', { i18n: 'mbox.track.notFound' }));
  } else if (err.status === 429) {
    const seconds = Number.parseInt(err.retryAfter || '', 10);
    problemBox.replaceChildren(Number.isFinite(seconds) && seconds > 0
      ? setText(el('p'), 'mbox.track.tooManyWait', { seconds })
      : el('p', { i18n: 'mbox.track.tooMany' }));
  } else {
    problemBox.replaceChildren(el('p', { text: err.message || t('error.generic') }));
  }
  problemBox.setAttribute('data-status', String(err.status));
  problemBox.hidden = false;
}

function showResult(letter) {
  problemBox.hidden = true;
  $('result-title').textContent = letter.title || '';
  $('result-facts').replaceChildren(
    factRow('mbox.fact.number', el('span', { text: letter.trackingNumber })),
    factRow('mbox.fact.channel', channelBadge(letter.channel) || labelNode('mbox.channel', 'mailbox')),
    factRow('mbox.fact.status', statusBadge(letter.status)),
    factRow('mbox.fact.due', clockNode(letter.clock), ...[flagNode(letter.clock)].filter(Boolean)),
    factRow('mbox.fact.kind', kindNode(letter.kind)),
    factRow('mbox.fact.mailbox', mailboxNode(letter.mailbox)),
    factRow('mbox.fact.received', timeNode(letter.receivedAt)));
  $('result-timeline').replaceChildren(timelineList(letter.timeline));
  result.hidden = false;
  result.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const problem = validate(form);
  if (problem) {
    showProblem(form, problem);
    return;
  }
  clearErrors(form);
  const button = $('track-submit');
  setBusy(form, button, true);
  try {
    showResult(await api('POST', '/api/mailbox/track', { number: $('number').value.trim(), code: $('code').value.trim() }));
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) showProblem(form, problemFor(err.problem));
    else showTrackProblem(err instanceof ApiError ? err : { status: 0, message: t('error.generic') });
  } finally {
    setBusy(form, button, false);
  }
});

const number = new URLSearchParams(window.location.search).get('number');
if (number && /^[A-Za-z0-9]{1,40}$/.test(number)) $('number').value = number;
