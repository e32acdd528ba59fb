// Official console: published questions (pinned first, then by time), answering, editing one's
// own answers, and handing a question over for offline follow-up.

import { api, ApiError, me } from './api.js';
import { t } from './i18n.js';
import { LiveClient } from './live.js';
import {
  answerNode, askerNode, bindLiveStatus, compareQuestions, joinErrorText, el, fillAnswer, formatNumber, loginHref,
  mergeSession, onLangChange, rangeNode, sessionIdFromQuery, setText, showAlert, statusBadge,
  syncList, timeNode,
} from './inquiry-common.js';

const MAX_ANSWER = 4000;
const $ = (id) => document.getElementById(id);
const sessionId = sessionIdFromQuery();
const errors = $('console-errors');
const statusLine = $('console-status');

const state = {
  session: null,
  user: null,
  questions: new Map(),
  myAnswerIds: new Set(),
};

async function act(method, path, body) {
  try {
    const result = await api(method, path, body);
    showAlert(errors, null);
    return result === null ? {} : result;
  } catch (err) {
    showAlert(errors, err instanceof ApiError ? err.problem : { title: t('error.generic') });
    return undefined;
  }
}

function renderSession() {
  const s = state.session;
  const link = $('session-title');
  link.textContent = s.title || '';
  link.href = `/inquiry/session.html?id=${encodeURIComponent(sessionId)}`;
  $('session-status').replaceChildren(statusBadge(s.status));
  $('session-time').replaceChildren(rangeNode(s.startsAt, s.endsAt));
}

function isMine(answer) {
  if (state.myAnswerIds.has(String(answer.id))) return true;
  const name = answer.official && answer.official.name;
  return Boolean(name && state.user && (name === state.user.displayName || name === state.user.username));
}

function storeAnswer(answer) {
  const q = state.questions.get(String(answer.questionId));
  if (!q) return;
  q.answers = Array.isArray(q.answers) ? q.answers : [];
  const existing = q.answers.find((a) => String(a.id) === String(answer.id));
  if (existing) Object.assign(existing, answer);
  else q.answers.push(answer);
}

// ---------- one answer, with an edit tool for the official's own answers

function ownAnswerNode(answer) {
  const li = answerNode(answer);
  const inputId = `answer-edit-${answer.id}`;
  const editButton = el('button', { className: 'button button-small answer-edit', i18n: 'answer.edit', attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': `${inputId}-panel` } });
  const textArea = el('textarea', { className: 'answer-edit-text', attrs: { id: inputId, rows: 5, maxlength: MAX_ANSWER } });
  const save = el('button', { className: 'button button-primary answer-save', i18n: 'answer.save', attrs: { type: 'button' } });
  const cancel = el('button', { className: 'button button-secondary answer-cancel', i18n: 'moderate.cancel', attrs: { type: 'button' } });
  const panel = el('div', { className: 'action-panel answer-edit-panel', attrs: { id: `${inputId}-panel`, hidden: true } },
    el('label', { i18n: 'answer.editLabel', attrs: { for: inputId } }), textArea,
    el('div', { className: 'panel-actions' }, save, cancel));
  const close = () => {
    panel.hidden = true;
    editButton.setAttribute('aria-expanded', 'false');
    editButton.focus();
  };
  editButton.addEventListener('click', () => {
    if (!panel.hidden) {
      close();
      return;
    }
    textArea.value = li.querySelector('.answer-text').textContent;
    panel.hidden = false;
    editButton.setAttribute('aria-expanded', 'true');
    textArea.focus();
  });
  cancel.addEventListener('click', close);
  save.addEventListener('click', async () => {
    const text = textArea.value.trim();
    if (!text) {
      showAlert(errors, { title: t('answer.empty') });
      return;
    }
    save.setAttribute('aria-busy', 'true');
    const result = await act('PUT', `/api/inquiry/answers/${encodeURIComponent(answer.id)}`, { text });
    save.removeAttribute('aria-busy');
    if (result !== undefined) {
      storeAnswer({ ...answer, ...result, questionId: answer.questionId, text: result.text || text });
      render();
      close();
      setText(statusLine, 'answer.done.edit');
    }
  });
  li.append(el('div', { className: 'answer-tools' }, editButton, panel));
  return li;
}

function createAnswer(answer) {
  return isMine(answer) ? ownAnswerNode(answer) : answerNode(answer);
}

// ---------- one question

function questionNode(q) {
  const li = el('li', { className: 'answer-item', attrs: { 'data-question-id': q.id } });
  const id = encodeURIComponent(q.id);
  const inputId = `answer-input-${q.id}`;
  const input = el('textarea', { className: 'answer-input', attrs: { id: inputId, name: 'text', rows: 4, maxlength: MAX_ANSWER } });
  const submit = el('button', { className: 'button button-primary answer-submit', i18n: 'answer.submit', attrs: { type: 'submit' } });
  const form = el('form', { className: 'answer-form', attrs: { novalidate: true } },
    el('label', { i18n: 'answer.inputLabel', attrs: { for: inputId } }), input,
    el('div', { className: 'panel-actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      showAlert(errors, { title: t('answer.empty') });
      input.focus();
      return;
    }
    submit.setAttribute('aria-busy', 'true');
    const result = await act('POST', `/api/inquiry/questions/${id}/answers`, { text });
    submit.removeAttribute('aria-busy');
    if (result !== undefined) {
      if (result.id !== undefined) {
        state.myAnswerIds.add(String(result.id));
        storeAnswer({ questionId: q.id, ...result });
      }
      input.value = '';
      render();
      setText(statusLine, 'answer.done.post');
    }
  });
  const followup = el('button', { className: 'button button-small followup', i18n: 'answer.followup', attrs: { type: 'button' } });
  followup.addEventListener('click', async () => {
    const result = await act('POST', `/api/inquiry/questions/${id}/followup`, {});
    if (result !== undefined) {
      const current = state.questions.get(String(q.id));
      if (current) current.followupRequested = true;
      render();
      setText(statusLine, 'answer.done.followup');
      li.querySelector('.answer-input').focus();
    }
  });
  li.append(
    el('p', { className: 'question-badges' }),
    el('p', { className: 'question-text' }),
    el('p', { className: 'question-meta' }),
    el('ul', { className: 'answers' }),
    form,
    el('div', { className: 'item-actions' }, followup),
  );
  fillQuestion(li, q);
  return li;
}

function fillQuestion(li, q) {
  li.classList.toggle('pinned', Boolean(q.pinned));
  const badges = [];
  if (q.pinned) badges.push(el('span', { className: 'badge badge-answering', i18n: 'room.answering' }));
  if (q.followupRequested) badges.push(el('span', { className: 'badge followup-badge followup-done', i18n: 'inquiry.followupDone' }));
  const badgeLine = li.querySelector('.question-badges');
  badgeLine.replaceChildren(...badges);
  badgeLine.hidden = badges.length === 0;
  li.querySelector('.question-text').textContent = q.text || '';
  li.querySelector('.question-meta').replaceChildren(
    askerNode(q.asker), ' ', timeNode(q.askedAt, 'datetime', 'asked-at'), ' ',
    setText(el('span', { className: 'votes' }), 'moderate.votes', { n: formatNumber(q.votes) }));
  const answers = Array.isArray(q.answers) ? q.answers : [];
  const list = li.querySelector('.answers');
  syncList(list, answers, (a) => `${a.id}:${isMine(a) ? 'own' : 'other'}`, createAnswer, fillAnswer);
  list.hidden = answers.length === 0;
  li.querySelector('.followup').hidden = Boolean(q.followupRequested);
}

let queued = false;
function render() {
  if (queued) return;
  queued = true;
  setTimeout(() => {
    queued = false;
    const items = Array.from(state.questions.values()).sort(compareQuestions('time'));
    syncList($('question-list'), items, (q) => q.id, questionNode, fillQuestion);
    $('questions-empty').hidden = items.length > 0;
  }, 0);
}

function onEvent(type, data) {
  const q = data && state.questions.get(String(data.questionId));
  switch (type) {
    case 'session.updated':
      state.session = mergeSession(state.session, data);
      renderSession();
      return;
    case 'question.published':
      state.questions.set(String(data.id), { answers: [], ...data });
      break;
    case 'answer.posted':
      storeAnswer(data);
      break;
    case 'answer.edited':
      if (q) {
        const answer = (q.answers || []).find((a) => String(a.id) === String(data.id));
        if (answer) Object.assign(answer, { text: data.text, editedAt: data.editedAt });
      }
      break;
    case 'question.pinned':
    case 'question.unpinned':
      if (q) q.pinned = type === 'question.pinned';
      break;
    case 'question.merged': {
      state.questions.delete(String(data.questionId));
      const into = state.questions.get(String(data.into));
      if (into && typeof data.votes === 'number') into.votes = data.votes;
      break;
    }
    case 'question.hidden':
      state.questions.delete(String(data.questionId));
      break;
    case 'question.followup':
      if (q) q.followupRequested = true;
      break;
    case 'votes':
      for (const [id, count] of Object.entries(data.counts || {})) {
        const target = state.questions.get(String(id));
        if (target) target.votes = count;
      }
      break;
    default:
      return;
  }
  render();
}

async function main() {
  if (!sessionId) {
    showAlert(errors, { title: t('inquiry.notFound') });
    return;
  }
  try {
    state.user = await me();
  } catch {
    state.user = null;
  }
  if (!state.user) {
    window.location.replace(loginHref());
    return;
  }
  try {
    state.session = await api('GET', `/api/inquiry/sessions/${encodeURIComponent(sessionId)}`);
  } catch (err) {
    showAlert(errors, err instanceof ApiError && err.status === 404 ? { title: t('inquiry.notFound') } : err.problem);
    return;
  }
  document.title = `${state.session.title || ''} - ${t('title.answer')}`;
  renderSession();
  render();

  const client = new LiveClient();
  bindLiveStatus(client, $('live-status'));
  client.join(`inquiry:${sessionId}`, {
    snapshot: (data) => {
      if (data.session) {
        state.session = mergeSession(state.session, data.session);
        renderSession();
      }
      state.questions.clear();
      for (const q of Array.isArray(data.questions) ? data.questions : []) {
        state.questions.set(String(q.id), { ...q, answers: Array.isArray(q.answers) ? q.answers : [] });
      }
      render();
    },
    event: onEvent,
    error: (code) => showAlert(errors, { title: joinErrorText(code) }),
  });
}

onLangChange(() => {
  if (state.session) document.title = `${state.session.title || ''} - ${t('title.answer')}`;
});

main();
