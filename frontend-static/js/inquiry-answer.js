// Official console: published questions (pinned first, then by time), answering, editing one's
// own answers, and handing a question over for offline follow-up.

import { t } from './i18n.js';
import { LiveClient } from './live.js';
import {
  answerNode, applyPublicEvent, askerNode, batched, bindLiveStatus, compareQuestions, el, fillAnswer,
  fillQuestionBadges, formatNumber, joinErrorText, loadConsole, loadQuestions, mergeSession, onLangChange,
  rangeNode, runAction, sessionIdFromQuery, setText, showAlert, statusBadge, syncList, timeNode, upsertAnswer,
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

const act = (method, path, body) => runAction(errors, method, path, body);

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
      upsertAnswer(state.questions, { ...answer, ...result, questionId: answer.questionId, text: result.text || text });
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
        upsertAnswer(state.questions, { questionId: q.id, ...result });
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
  fillQuestionBadges(li, q, 'followup-badge followup-done');
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

const render = batched(() => {
  const items = Array.from(state.questions.values()).sort(compareQuestions('time'));
  syncList($('question-list'), items, (q) => q.id, questionNode, fillQuestion);
  $('questions-empty').hidden = items.length > 0;
});

function onEvent(type, data) {
  if (type === 'session.updated') {
    state.session = mergeSession(state.session, data);
    renderSession();
    return;
  }
  if (applyPublicEvent(state.questions, type, data)) render();
}

async function main() {
  const loaded = await loadConsole(sessionId, errors);
  if (!loaded) return;
  state.user = loaded.user;
  state.session = loaded.session;
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
      loadQuestions(state.questions, data.questions);
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
