// One of my letters or petitions: its facts (a petition's request and its statutory deadline),
// body, attachments, the reply, and what I may do next as the server states it (allowedActions:
// supplement, rate, reopen) — and the public timeline.

import { api, ApiError } from './api.js';
import { t } from './i18n.js';
import { clearErrors, setBusy, showProblem } from './forms.js';
import { el, onLangChange, setText, timeNode } from './inquiry-common.js';
import { paragraphs } from './consultation-common.js';
import {
  allowedSet, attachmentList, channelBadge, clockNode, departmentNode, factRow, flagNode, idFromQuery, kindNode, labelNode, mailboxNode, problemFor, requireUser,
  statusBadge, textLength, timelineList,
} from './mailbox-common.js';

const $ = (id) => document.getElementById(id);
const id = idFromQuery();
const state = { letter: null };

function pageError(content) {
  const box = $('page-error');
  box.replaceChildren(content);
  box.hidden = false;
}

function done(key) {
  const box = $('action-status');
  box.replaceChildren(el('p', { i18n: key }));
  box.hidden = false;
}

function renderFacts(l) {
  $('letter-title').textContent = l.title || '';
  document.title = `${l.title} - ${t('title.mailboxLetter')}`;
  $('letter-kind').replaceChildren(kindNode(l.kind));
  $('letter-status').replaceChildren(statusBadge(l.status));
  $('letter-facts').replaceChildren(
    factRow('mbox.fact.number', el('span', { text: l.trackingNumber })),
    factRow('mbox.fact.channel', channelBadge(l.channel) || labelNode('mbox.channel', 'mailbox')),
    factRow('mbox.fact.mailbox', mailboxNode(l.mailbox)),
    factRow('mbox.fact.received', timeNode(l.receivedAt)),
    factRow('mbox.fact.due', clockNode(l.clock), ...[flagNode(l.clock)].filter(Boolean)),
    ...(l.petitionRequest ? [factRow('mbox.fact.request', el('span', { text: l.petitionRequest }))] : []),
    factRow('mbox.fact.location', l.location ? el('span', { text: l.location }) : el('span', { i18n: 'mbox.none' })),
    factRow('mbox.fact.consent', el('span', { i18n: l.consentToPublish ? 'mbox.yes' : 'mbox.no' })),
    factRow('mbox.fact.contact', labelNode('mbox.contact', l.contactPreference)));
  $('letter-body').replaceChildren(...paragraphs(l.body));
  const notAccepted = $('not-accepted');
  notAccepted.hidden = !l.notAcceptedReason;
  if (l.notAcceptedReason) notAccepted.replaceChildren(el('span', { i18n: 'mbox.notAcceptedReason' }), el('span', { text: l.notAcceptedReason }));
  const files = Array.isArray(l.attachments) ? l.attachments : [];
  $('letter-files-block').hidden = !files.length;
  $('letter-files').replaceChildren(attachmentList(l.id, files));
}

function renderReply(l) {
  $('reply-section').hidden = !l.reply;
  if (l.reply) {
    $('reply-department').replaceChildren(departmentNode(l.reply.department));
    $('reply-time').replaceChildren(timeNode(l.reply.repliedAt));
    $('reply-text').replaceChildren(...paragraphs(l.reply.text));
  }
  const rating = l.rating;
  const can = allowedSet(l);
  const canRate = can.has('rate');
  $('rating-section').hidden = !rating && !canRate;
  $('rating-value').hidden = !rating;
  if (rating) setText($('rating-value'), 'mbox.letter.yourRating', { n: rating.satisfaction });
  $('rating-comment').hidden = !(rating && rating.comment);
  $('rating-comment').textContent = (rating && rating.comment) || '';
  $('rating-form').hidden = !canRate;
  $('rating-due').hidden = !(canRate && l.ratingDueAt);
  if (canRate && l.ratingDueAt) {
    $('rating-due').replaceChildren(el('span', { i18n: 'mbox.letter.ratingDue' }), timeNode(l.ratingDueAt));
  }
  $('reopen-section').hidden = !can.has('reopen');
}

function renderSupplement(l) {
  const canSupplement = allowedSet(l).has('supplement');
  $('supplement-section').hidden = !canSupplement;
  if (!canSupplement) return;
  const asked = (l.timeline || []).filter((e) => e.type === 'information_requested').pop();
  $('supplement-question').textContent = (asked && asked.text) || '';
}

function render(l) {
  state.letter = l;
  renderFacts(l);
  renderSupplement(l);
  renderReply(l);
  $('letter-timeline').replaceChildren(timelineList(l.timeline));
  $('letter-main').hidden = false;
}

/** Posts a writer's step and re-renders the letter from the answer. */
async function step(form, button, path, body, doneKey, rename) {
  clearErrors(form);
  $('action-status').hidden = true;
  setBusy(form, button, true);
  try {
    render(await api('POST', `/api/mailbox/letters/${encodeURIComponent(id)}/${path}`, body));
    done(doneKey);
    return true;
  } catch (err) {
    showProblem(form, problemFor(err instanceof ApiError ? err.problem : { title: t('error.generic') }, rename));
    return false;
  } finally {
    setBusy(form, button, false);
  }
}

function ratingOptions() {
  $('satisfaction-options').replaceChildren(...[1, 2, 3, 4, 5].map((n) => {
    const inputId = n === 1 ? 'satisfaction' : `satisfaction-${n}`;
    return el('div', { className: 'radio' },
      el('input', { attrs: { type: 'radio', id: inputId, name: 'satisfaction', value: String(n) } }),
      el('label', { attrs: { for: inputId }, i18n: `mbox.letter.score.${n}` }));
  }));
}

$('rating-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const chosen = form.querySelector('input[name="satisfaction"]:checked');
  const comment = $('rating-comment-text').value.trim();
  const errors = [];
  if (!chosen) errors.push({ field: 'satisfaction', message: t('validation.required') });
  if (textLength(comment) > 500) errors.push({ field: 'comment', message: t('mbox.check.tooLong', { max: 500 }) });
  if (errors.length) {
    showProblem(form, { errors });
    return;
  }
  await step(form, $('rating-submit'), 'rating', { satisfaction: Number(chosen.value), comment: comment || null }, 'mbox.letter.rated');
});

$('supplement-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const text = $('supplement-text').value.trim();
  if (!text || textLength(text) > 4000) {
    showProblem(form, { errors: [{ field: 'supplementText', message: text ? t('mbox.check.tooLong', { max: 4000 }) : t('validation.required') }] });
    return;
  }
  if (await step(form, $('supplement-submit'), 'supplement', { text }, 'mbox.letter.supplemented', { text: 'supplementText' })) {
    form.reset();
  }
});

$('reopen-button').addEventListener('click', async () => {
  const section = $('reopen-section');
  const button = $('reopen-button');
  button.disabled = true;
  try {
    render(await api('POST', `/api/mailbox/letters/${encodeURIComponent(id)}/reopen`));
    done('mbox.letter.reopened');
  } catch (err) {
    showProblem(section, problemFor(err instanceof ApiError ? err.problem : { title: t('error.generic') }));
  } finally {
    button.disabled = false;
  }
});

onLangChange(() => {
  if (state.letter) document.title = `${state.letter.title} - ${t('title.mailboxLetter')}`;
});

async function start() {
  if (!id) {
    pageError(el('p', { i18n: 'mbox.notFound' }));
    return;
  }
  const user = await requireUser();
  if (!user) return;
  ratingOptions();
  try {
    render(await api('GET', `/api/mailbox/letters/${encodeURIComponent(id)}`));
  } catch (err) {
    pageError(err instanceof ApiError && err.status === 404 ? el('p', { i18n: 'mbox.notFound' })
      : el('p', { text: err.message || t('error.generic') }));
  }
}

start();
