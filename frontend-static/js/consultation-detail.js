// One consultation: the draft and its window, the feedback once concluded, the published
// comments (paged), and for signed-in citizens and enterprises the comment form and their own
// comments with each one's review status (a rejection's reason is shown to its author only).

import './consultation-i18n.js';
import { api, ApiError, me } from './api.js';
import { t } from './i18n.js';
import { clearErrors, setBusy, showProblem } from './forms.js';
import {
  el, formatNumber, hasRole, loginHref, onLangChange, rangeNode, setBilingual, setText, timeNode,
} from './inquiry-common.js';
import { consultationIdFromQuery, consultationStatusBadge, decisionBadge, paragraphs } from './consultation-common.js';
import { formatSize } from './mailbox-common.js';

const MIN_LENGTH = 2;
const MAX_LENGTH = 1000;
const PAGE_SIZE = 20;

const $ = (id) => document.getElementById(id);
const id = consultationIdFromQuery();
const form = $('comment-form');
const textArea = $('comment-text');
const counter = $('comment-counter');
const submitButton = $('comment-submit');
const state = { consultation: null, user: null, page: 0, total: 0 };

function showPageError(key) {
  const box = $('page-error');
  box.replaceChildren(el('p', { i18n: key }));
  box.hidden = false;
}

function renderHeader(c) {
  $('consultation-title').removeAttribute('data-i18n');
  $('consultation-title').textContent = c.title || '';
  $('consultation-status').replaceChildren(consultationStatusBadge(c.status));
  setBilingual($('consultation-department'), c.department, c.departmentEn);
  $('consultation-window').replaceChildren(rangeNode(c.opensAt, c.closesAt));
  setText($('consultation-count'), 'consult.countValue', { n: c.approvedComments || 0 });
  $('consultation-facts').hidden = false;
  $('consultation-summary').textContent = c.summary || '';
  $('consultation-summary').hidden = !c.summary;
  $('consultation-text').replaceChildren(...paragraphs(c.text));
  renderAttachments(c);
  document.title = `${c.title} - ${t('title.consultations')}`;
}

/** The draft's files as downloads (the server sends them as attachments, never shown inline). */
function renderAttachments(c) {
  const files = Array.isArray(c.attachments) ? c.attachments : [];
  $('attachments-section').hidden = !files.length;
  $('attachment-list').replaceChildren(...files.map((a) => el('li', { attrs: { 'data-attachment-id': a.id } },
    el('a', { text: a.fileName, attrs: { href: `/api/consultations/${encodeURIComponent(c.id)}/attachments/${encodeURIComponent(a.id)}`, download: a.fileName } }),
    ' ', el('span', { className: 'muted', text: `(${formatSize(a.size)})` }))));
}

function renderFeedback(c) {
  const feedback = c.feedback;
  $('feedback-section').hidden = !feedback;
  if (!feedback) return;
  $('feedback-time').replaceChildren(timeNode(feedback.publishedAt));
  $('feedback-text').replaceChildren(...paragraphs(feedback.text));
  const counts = feedback.counts || {};
  $('count-adopted').textContent = formatNumber(counts.adopted);
  $('count-partly').textContent = formatNumber(counts.partlyAdopted);
  $('count-not').textContent = formatNumber(counts.notAdopted);
  $('count-undecided').textContent = formatNumber(counts.undecided);
}

/** Which part of the comment box shows: the form, or why there is none. */
function renderCommentBox() {
  const c = state.consultation;
  const open = c.status === 'open';
  const participant = hasRole(state.user, 'citizen', 'enterprise');
  $('comment-upcoming').hidden = c.status !== 'upcoming';
  $('comment-closed').hidden = open || c.status === 'upcoming';
  $('comment-login').hidden = !open || Boolean(state.user);
  $('comment-login-link').href = loginHref();
  $('comment-staff').hidden = !open || !state.user || participant;
  form.hidden = !open || !participant;
  $('my-comments-section').hidden = !participant;
}

function decisionLine(comment) {
  if (!comment.decision) return null;
  const line = el('p', { className: 'comment-decision' }, decisionBadge(comment.decision));
  if (comment.decisionReason) {
    line.append(' ', el('span', { i18n: 'consult.decisionReason' }), el('span', { text: comment.decisionReason }));
  }
  return line;
}

function commentNode(comment) {
  const author = comment.anonymous ? el('span', { className: 'asker', i18n: 'consult.anonymousName' })
    : el('span', { className: 'asker', text: comment.author || '' });
  return el('li', { className: 'question', attrs: { 'data-comment-id': comment.id } },
    el('p', { className: 'question-text comment-text', text: comment.text || '' }),
    el('p', { className: 'question-meta' }, author, ' ', timeNode(comment.publishedAt || comment.submittedAt)),
    decisionLine(comment));
}

async function loadComments() {
  const list = $('comment-list');
  list.setAttribute('aria-busy', 'true');
  setText($('comments-status'), 'consult.commentsLoading');
  try {
    const params = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
    const result = await api('GET', `/api/consultations/${encodeURIComponent(id)}/comments?${params}`);
    const items = Array.isArray(result && result.items) ? result.items : [];
    state.total = Number(result && result.total) || 0;
    list.replaceChildren(...items.map(commentNode));
    if (items.length) setText($('comments-status'), 'consult.commentsCount', { total: state.total });
    else setText($('comments-status'), 'consult.commentsEmpty');
  } catch (err) {
    list.replaceChildren();
    $('comments-status').removeAttribute('data-t');
    $('comments-status').textContent = err.message || t('error.generic');
  }
  list.setAttribute('aria-busy', 'false');
  const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
  $('prev-page').disabled = state.page <= 0;
  $('next-page').disabled = state.page + 1 >= pages;
  setText($('page-info'), 'consult.pager.info', { page: Math.min(state.page + 1, pages), pages });
}

function myCommentNode(comment) {
  const status = el('span', {
    className: `badge status qstatus-${comment.status}`,
    i18n: `consult.mineStatus.${comment.status}`,
  });
  const item = el('li', { attrs: { 'data-comment-id': comment.id } },
    el('p', { className: 'my-question-text', text: comment.text || '' }),
    el('p', { className: 'my-question-status' }, status, ' ', timeNode(comment.submittedAt)));
  if (comment.status === 'rejected' && comment.reason) {
    item.append(el('p', { className: 'reason' }, el('span', { i18n: 'consult.rejectReason' }), el('span', { text: comment.reason })));
  }
  const decision = decisionLine(comment);
  if (decision) item.append(decision);
  return item;
}

async function loadMine() {
  if ($('my-comments-section').hidden) return;
  try {
    const mine = await api('GET', `/api/consultations/${encodeURIComponent(id)}/comments/mine`);
    const items = Array.isArray(mine) ? mine : [];
    $('my-comments').replaceChildren(...items.map(myCommentNode));
    $('my-comments-empty').hidden = items.length > 0;
  } catch {
    // The list stays as it was; the form still works.
  }
}

function updateCounter() {
  const n = [...textArea.value.trim()].length;
  setText(counter, 'consult.counter', { n, max: MAX_LENGTH });
  counter.classList.toggle('over-limit', n > MAX_LENGTH);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = textArea.value.trim();
  $('comment-success').hidden = true;
  const length = [...text].length;
  if (length < MIN_LENGTH || length > MAX_LENGTH) {
    showProblem(form, { errors: [{ field: 'text', code: 'size', message: t('consult.textSize', { min: MIN_LENGTH, max: MAX_LENGTH }) }] });
    return;
  }
  clearErrors(form);
  setBusy(form, submitButton, true);
  try {
    await api('POST', `/api/consultations/${encodeURIComponent(id)}/comments`, { text, anonymous: $('anonymous').checked });
    form.reset();
    updateCounter();
    $('comment-success').hidden = false;
    await loadMine();
  } catch (err) {
    showProblem(form, err instanceof ApiError ? err.problem : { title: t('error.generic') });
  } finally {
    setBusy(form, submitButton, false);
  }
});
textArea.addEventListener('input', updateCounter);
$('prev-page').addEventListener('click', () => {
  if (state.page > 0) {
    state.page -= 1;
    loadComments();
  }
});
$('next-page').addEventListener('click', () => {
  state.page += 1;
  loadComments();
});
onLangChange(() => {
  if (state.consultation) document.title = `${state.consultation.title} - ${t('title.consultations')}`;
});

async function start() {
  if (!id) {
    showPageError('consult.notFound');
    return;
  }
  let consultation;
  try {
    [consultation, state.user] = await Promise.all([
      api('GET', `/api/consultations/${encodeURIComponent(id)}`),
      me().catch(() => null),
    ]);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) showPageError('consult.notFound');
    else {
      $('page-error').replaceChildren(el('p', { text: err.message || t('error.generic') }));
      $('page-error').hidden = false;
    }
    return;
  }
  state.consultation = consultation;
  renderHeader(consultation);
  renderFeedback(consultation);
  renderCommentBox();
  updateCounter();
  $('consultation-main').hidden = false;
  await Promise.all([loadComments(), loadMine()]);
}

start();
