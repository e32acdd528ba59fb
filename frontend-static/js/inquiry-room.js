// Live room: session header, public Q&A over the live stream, asking, voting, my questions.

import { api, ApiError } from './api.js';
import { clearErrors, setBusy, showProblem } from './forms.js';
import { t } from './i18n.js';
import { LiveClient } from './live.js';
import {
  announce, answerNode, applyPublicEvent, askerNode, batched, bindLiveStatus, compareQuestions, currentUser,
  el, fillAnswer, fillQuestionBadges, findAnswer, formatNumber, joinErrorText, loadQuestions, loginHref,
  mergeSession, officialsText, onLangChange, rangeNode, sessionIdFromQuery, sessionProblem, setBilingual,
  setText, shorten, showAlert, statusBadge, syncList, timeNode,
} from './inquiry-common.js';

const MIN_LENGTH = 5;
const MAX_LENGTH = 500;

const $ = (id) => document.getElementById(id);
const sessionId = sessionIdFromQuery();
const announcer = $('live-announcer');
const roomErrors = $('room-errors');
const form = $('ask-form');
const textArea = $('question-text');
const counter = $('question-counter');
const submitButton = $('ask-submit');

const state = {
  session: null,
  user: null,
  questions: new Map(), // id -> question
  sort: 'time',
  voted: new Set(),
  mine: [], // [{id, text, status, reason}]
};

// ---------- small per-user memory (votes and my questions survive a reload)

function storageKey(kind) {
  return state.user ? `onestop.inquiry.${kind}.${state.user.id}.${sessionId}` : null;
}

function loadStored(kind, fallback) {
  const key = storageKey(kind);
  if (!key) return fallback;
  try {
    const value = JSON.parse(window.localStorage.getItem(key) || 'null');
    return value === null ? fallback : value;
  } catch {
    return fallback;
  }
}

function store(kind, value) {
  const key = storageKey(kind);
  if (!key) return;
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage unavailable: the page still works, it just forgets on reload
  }
}

// ---------- session header

function renderSession() {
  const s = state.session;
  if (!s) return;
  const title = $('session-title');
  title.removeAttribute('data-i18n');
  title.textContent = s.title || '';
  document.title = `${s.title || ''} - ${t('title.inquiry')}`;
  $('session-status').replaceChildren(statusBadge(s.status));
  $('session-time').replaceChildren(rangeNode(s.startsAt, s.endsAt));
  setBilingual($('session-department'), s.department || '', s.departmentEn || '');
  $('session-officials').textContent = officialsText(s.officials);
  $('session-description').textContent = s.description || '';
  $('session-description').hidden = !s.description;
  const ended = s.status === 'ended';
  $('session-ended').hidden = !ended;
  $('archive-link').href = `/inquiry/archive.html?id=${encodeURIComponent(sessionId)}`;
  renderAskArea();
}

function renderAskArea() {
  const ended = state.session && state.session.status === 'ended';
  const loggedIn = Boolean(state.user);
  form.hidden = ended || !loggedIn;
  $('ask-login').hidden = ended || loggedIn;
  $('ask-closed').hidden = !ended;
  $('ask-login-link').href = loginHref();
  $('my-questions-section').hidden = !loggedIn;
}

// ---------- questions

function questionNode(q) {
  const li = el('li', { className: 'question', attrs: { 'data-question-id': q.id } });
  const textId = `q-${q.id}-text`;
  const vote = el('button', {
    className: 'vote',
    attrs: { type: 'button', 'aria-pressed': 'false', 'aria-describedby': textId },
  }, el('span', { className: 'vote-label', i18n: 'room.vote' }), ' ', el('span', { className: 'vote-count', text: '0' }));
  vote.addEventListener('click', () => toggleVote(q.id, vote));
  li.append(
    el('p', { className: 'question-badges' }),
    el('p', { className: 'question-text', attrs: { id: textId } }),
    el('p', { className: 'question-meta' }),
    el('div', { className: 'question-actions' }, vote),
    el('ul', { className: 'answers', attrs: { 'aria-label': t('room.answersLabel') } }),
  );
  fillQuestion(li, q);
  return li;
}

function fillQuestion(li, q) {
  fillQuestionBadges(li, q);
  li.querySelector('.question-text').textContent = q.text || '';
  li.querySelector('.question-meta').replaceChildren(askerNode(q.asker), ' ', timeNode(q.askedAt, 'datetime', 'asked-at'));
  const vote = li.querySelector('.vote');
  vote.setAttribute('aria-pressed', state.voted.has(String(q.id)) ? 'true' : 'false');
  vote.disabled = Boolean(state.session && state.session.status === 'ended');
  vote.querySelector('.vote-count').textContent = formatNumber(q.votes);
  const answers = li.querySelector('.answers');
  answers.setAttribute('aria-label', t('room.answersLabel'));
  const list = Array.isArray(q.answers) ? q.answers : [];
  syncList(answers, list, (a) => a.id, answerNode, fillAnswer);
  answers.hidden = list.length === 0;
}

const render = batched(() => {
  const ordered = Array.from(state.questions.values()).sort(compareQuestions(state.sort));
  syncList($('question-list'), ordered, (q) => q.id, questionNode, fillQuestion);
  $('questions-empty').hidden = ordered.length > 0;
  renderMine();
});

function setSort(sort) {
  state.sort = sort;
  $('sort-time').setAttribute('aria-pressed', String(sort === 'time'));
  $('sort-votes').setAttribute('aria-pressed', String(sort === 'votes'));
  render();
}

async function toggleVote(id, button) {
  if (!state.user) {
    window.location.assign(loginHref());
    return;
  }
  const key = String(id);
  if (button.getAttribute('aria-busy') === 'true') return;
  const voting = !state.voted.has(key);
  button.setAttribute('aria-busy', 'true'); // not `disabled`: that would take the keyboard focus away
  try {
    const result = await api(voting ? 'PUT' : 'DELETE', `/api/inquiry/questions/${encodeURIComponent(id)}/vote`);
    button.removeAttribute('aria-busy');
    if (voting) state.voted.add(key);
    else state.voted.delete(key);
    store('votes', Array.from(state.voted));
    const q = state.questions.get(key);
    if (q && result && typeof result.votes === 'number') q.votes = result.votes;
    showAlert(roomErrors, null);
    render();
  } catch (err) {
    button.removeAttribute('aria-busy');
    showAlert(roomErrors, err instanceof ApiError ? err.problem : null);
  }
}

// ---------- live stream handlers

function onPublicSnapshot(data) {
  if (data.session) {
    state.session = mergeSession(state.session, data.session);
    renderSession();
  }
  loadQuestions(state.questions, data.questions);
  if (typeof data.viewers === 'number') $('viewer-count').textContent = formatNumber(data.viewers);
  render();
}

function onPublicEvent(type, data) {
  if (type === 'session.updated') {
    const before = state.session && state.session.status;
    state.session = mergeSession(state.session, data);
    renderSession();
    if (before && before !== data.status) announce(announcer, t(`room.announce.${data.status}`));
    render(); // votes close when the session ends
    return;
  }
  if (type === 'viewers') {
    $('viewer-count').textContent = formatNumber(data.count);
    return;
  }
  // A new answer to a question on the list (not a repeat) is announced.
  const newAnswer = type === 'answer.posted' && state.questions.has(String(data.questionId))
    && !findAnswer(state.questions, data.questionId, data.id);
  if (!applyPublicEvent(state.questions, type, data)) return;
  if (newAnswer) announce(announcer, t('room.announce.answer', { text: shorten(data.text, 200) }));
  render();
}

function onUserEvent(type, data) {
  if (type !== 'question.status' || String(data.sessionId) !== String(sessionId)) return;
  let mine = state.mine.find((m) => String(m.id) === String(data.questionId));
  if (!mine) {
    mine = { id: data.questionId, text: '' };
    state.mine.unshift(mine);
  }
  mine.status = data.status;
  mine.reason = data.reason || '';
  store('mine', state.mine);
  renderMine();
  announce(announcer, t('room.announce.myStatus', { status: t(`room.qstatus.${data.status}`) }));
}

// ---------- my questions

function renderMine() {
  // A pending question that is already on the public list has been approved.
  for (const m of state.mine) {
    if (m.status === 'pending' && state.questions.has(String(m.id))) m.status = 'approved';
  }
  const list = $('my-questions');
  syncList(list, state.mine, (m) => m.id, (m) => {
    const li = el('li', { className: 'my-question', attrs: { 'data-question-id': m.id } });
    fillMine(li, m);
    return li;
  }, fillMine);
  $('my-questions-empty').hidden = state.mine.length > 0;
}

function fillMine(li, m) {
  const text = el('p', { className: 'my-question-text' });
  if (m.text) text.textContent = m.text;
  else setText(text, 'room.myQuestionNo', { id: m.id });
  const status = el('span', { className: `status badge qstatus-${m.status}`, i18n: `room.qstatus.${m.status}` });
  li.replaceChildren(text, el('p', { className: 'my-question-status' }, status));
  if (m.status === 'rejected' && m.reason) {
    li.append(el('p', { className: 'reason' }, el('span', { i18n: 'room.reasonLabel' }), m.reason));
  }
}

// ---------- asking

function updateCounter() {
  const n = textArea.value.trim().length;
  setText(counter, 'room.counter', { n, max: MAX_LENGTH });
  counter.classList.toggle('over-limit', n > MAX_LENGTH);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = textArea.value.trim();
  $('ask-success').hidden = true;
  if (text.length < MIN_LENGTH || text.length > MAX_LENGTH) {
    showProblem(form, { errors: [{ field: 'text', code: 'size', message: t('room.textSize', { min: MIN_LENGTH, max: MAX_LENGTH }) }] });
    return;
  }
  clearErrors(form);
  setBusy(form, submitButton, true);
  try {
    const anonymous = $('anonymous').checked;
    const created = await api('POST', `/api/inquiry/sessions/${encodeURIComponent(sessionId)}/questions`, { text, anonymous });
    // The user topic may have told us about this question before the response arrived.
    const known = state.mine.find((m) => String(m.id) === String(created.id));
    if (known) known.text = text;
    else state.mine.unshift({ id: created.id, text, status: created.status || 'pending', reason: '' });
    store('mine', state.mine);
    renderMine();
    form.reset();
    updateCounter();
    $('ask-success').hidden = false;
  } catch (err) {
    showProblem(form, err instanceof ApiError ? err.problem : { title: t('error.generic') });
  } finally {
    setBusy(form, submitButton, false);
  }
});

// ---------- start

async function main() {
  if (!sessionId) {
    showAlert($('page-error'), { title: t('inquiry.notFound') });
    return;
  }
  try {
    state.session = await api('GET', `/api/inquiry/sessions/${encodeURIComponent(sessionId)}`);
  } catch (err) {
    showAlert($('page-error'), sessionProblem(err));
    $('room-main').hidden = true;
    return;
  }
  state.user = await currentUser();
  state.voted = new Set(loadStored('votes', []).map(String));
  state.mine = loadStored('mine', []);
  renderSession();
  renderMine();
  updateCounter();

  const client = new LiveClient();
  bindLiveStatus(client, $('live-status'));
  client.join(`inquiry:${sessionId}`, {
    snapshot: onPublicSnapshot,
    event: onPublicEvent,
    error: (code) => showAlert(roomErrors, { title: joinErrorText(code) }),
  });
  if (state.user) client.join(`user:${state.user.id}`, { event: onUserEvent });
}

textArea.addEventListener('input', updateCounter);
$('sort-time').addEventListener('click', () => setSort('time'));
$('sort-votes').addEventListener('click', () => setSort('votes'));
onLangChange(() => {
  if (state.session) document.title = `${state.session.title || ''} - ${t('title.inquiry')}`;
  for (const ul of document.querySelectorAll('#question-list .answers')) ul.setAttribute('aria-label', t('room.answersLabel'));
});

main();
