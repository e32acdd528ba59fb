// Moderator console: start/end, the pending queue (moderation topic) and the published list
// (public topic) with approve / edit / reject / merge / mute / pin / hide.

import { t } from './i18n.js';
import { LiveClient } from './live.js';
import {
  applyPublicEvent, askerNode, batched, bindLiveStatus, compareQuestions, el, fillQuestionBadges, formatNumber,
  joinErrorText, loadConsole, loadQuestions, mergeSession, onLangChange, rangeNode, runAction,
  sessionIdFromQuery, setText, shorten, showAlert, statusBadge, syncList, timeNode,
} from './inquiry-common.js';

const $ = (id) => document.getElementById(id);
const sessionId = sessionIdFromQuery();
const errors = $('console-errors');
const statusLine = $('console-status');
const base = `/api/inquiry`;

const state = {
  session: null,
  pending: new Map(), // id -> question.submitted
  published: new Map(), // id -> public question
  followUp: new Set(), // ids of unanswered questions to follow up as mailbox cases when the session ends
  muted: new Set(),
};

function say(key, vars) {
  setText(statusLine, key, vars);
}

/** Runs a write; shows its problem in #console-errors. Resolves to the result or undefined. */
const act = (method, path, body) => runAction(errors, method, path, body);

// ---------- session

function renderSession() {
  const s = state.session;
  const link = $('session-title');
  link.textContent = s.title || '';
  link.href = `/inquiry/session.html?id=${encodeURIComponent(sessionId)}`;
  $('session-status').replaceChildren(statusBadge(s.status));
  $('session-time').replaceChildren(rangeNode(s.startsAt, s.endsAt));
  $('start-session').disabled = s.status !== 'scheduled';
  $('end-session').disabled = s.status !== 'live';
  $('archive-link').hidden = s.status !== 'ended';
  $('archive-link').href = `/inquiry/archive.html?id=${encodeURIComponent(sessionId)}`;
}

async function changeSession(action) {
  // Ending: the unanswered questions ticked for follow-up become mailbox cases of the session's department.
  const body = action === 'end' ? { followUp: Array.from(state.followUp).filter((id) => eligibleForFollowUp(state.published.get(id))).map(Number) } : {};
  const result = await act('POST', `${base}/sessions/${encodeURIComponent(sessionId)}/${action}`, body);
  if (result && result.status) {
    state.session = mergeSession(state.session, result);
    renderSession();
    renderPublished();
    say(`moderate.done.${action}`);
  }
}

// ---------- pending queue

function panel(kind, q, labelKey, control, confirmClass, confirmKey) {
  const controlId = `${kind}-${q.id}`;
  control.id = controlId;
  const confirm = el('button', { className: `button button-primary ${confirmClass}`, i18n: confirmKey, attrs: { type: 'button' } });
  const cancel = el('button', { className: 'button button-secondary panel-cancel', i18n: 'moderate.cancel', attrs: { type: 'button' } });
  const box = el('div', { className: `action-panel ${kind}-panel`, attrs: { id: `${controlId}-panel`, hidden: true } },
    el('label', { i18n: labelKey, attrs: { for: controlId } }), control,
    el('div', { className: 'panel-actions' }, confirm, cancel));
  return { box, confirm, cancel };
}

function queueNode(q) {
  const li = el('li', { className: 'queue-item', attrs: { 'data-question-id': q.id } });
  const id = encodeURIComponent(q.id);
  const button = (cls, key) => el('button', { className: `button button-small ${cls}`, i18n: key, attrs: { type: 'button' } });
  const approve = button('approve', 'moderate.approve');
  const edit = button('edit', 'moderate.edit');
  const reject = button('reject', 'moderate.reject');
  const merge = button('merge', 'moderate.merge');
  const mute = button('mute', 'moderate.mute');

  const editText = el('textarea', { className: 'edit-text', attrs: { rows: 4 } });
  editText.value = q.text || '';
  const editPanel = panel('edit-text', q, 'moderate.editLabel', editText, 'approve-edited', 'moderate.approveEdited');
  const reason = el('input', { className: 'reject-reason', attrs: { type: 'text', maxlength: 200 } });
  const rejectPanel = panel('reject-reason', q, 'moderate.reasonLabel', reason, 'reject-confirm', 'moderate.rejectConfirm');
  const mergeInto = el('select', { className: 'merge-into' });
  const mergePanel = panel('merge-into', q, 'moderate.mergeLabel', mergeInto, 'merge-confirm', 'moderate.mergeConfirm');
  fillMergeOptions(mergeInto, q.id);

  const toggles = [[edit, editPanel, editText], [reject, rejectPanel, reason], [merge, mergePanel, mergeInto]];
  for (const [toggle, p, control] of toggles) {
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', p.box.id);
    toggle.addEventListener('click', () => {
      const opening = p.box.hidden;
      for (const [otherToggle, other] of toggles) {
        other.box.hidden = true;
        otherToggle.setAttribute('aria-expanded', 'false');
      }
      p.box.hidden = !opening;
      toggle.setAttribute('aria-expanded', String(opening));
      if (opening) control.focus();
    });
    p.cancel.addEventListener('click', () => {
      p.box.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
      toggle.focus();
    });
  }

  const review = async (action, body) => {
    const result = await act('POST', `${base}/questions/${id}/${action}`, body);
    if (result !== undefined) {
      removePending(q.id, true);
      say(`moderate.done.${action}`);
    }
  };
  approve.addEventListener('click', () => review('approve', {}));
  editPanel.confirm.addEventListener('click', () => review('approve', { text: editText.value.trim() }));
  rejectPanel.confirm.addEventListener('click', () => review('reject', { reason: reason.value.trim() }));
  mergePanel.confirm.addEventListener('click', () => {
    if (!mergeInto.value) {
      showAlert(errors, { title: t('moderate.mergeNone') });
      return;
    }
    review('merge', { into: Number(mergeInto.value) });
  });
  mute.addEventListener('click', async () => {
    const userId = q.asker && q.asker.id;
    const result = await act('POST', `${base}/sessions/${encodeURIComponent(sessionId)}/mutes`, { userId });
    if (result !== undefined) {
      state.muted.add(String(userId));
      renderQueue();
      say('moderate.done.mute', { name: (q.asker && q.asker.displayName) || '' });
    }
  });

  li.append(
    el('p', { className: 'question-text' }),
    el('p', { className: 'question-meta' }),
    el('ul', { className: 'flags inline-list', attrs: { 'aria-label': t('moderate.flagsLabel') } }),
    el('div', { className: 'item-actions' }, approve, edit, reject, merge, mute),
    editPanel.box, rejectPanel.box, mergePanel.box,
  );
  fillQueueItem(li, q);
  return li;
}

function fillQueueItem(li, q) {
  li.querySelector('.question-text').textContent = q.text || '';
  li.querySelector('.question-meta').replaceChildren(askerNode(q.asker), ' ', timeNode(q.submittedAt, 'datetime', 'submitted-at'));
  const flags = Array.isArray(q.flags) ? q.flags : [];
  const flagList = li.querySelector('.flags');
  flagList.setAttribute('aria-label', t('moderate.flagsLabel'));
  flagList.replaceChildren(...flags.map((f) => el('li', { className: 'badge flag', text: f })));
  flagList.hidden = flags.length === 0;
  const mute = li.querySelector('.mute');
  const askerId = q.asker && q.asker.id;
  mute.hidden = askerId === undefined || askerId === null;
  mute.disabled = state.muted.has(String(askerId));
  const mergeInto = li.querySelector('.merge-into');
  if (mergeInto) fillMergeOptions(mergeInto, q.id);
}

function fillMergeOptions(select, ownId) {
  const previous = select.value;
  const options = [el('option', { i18n: 'moderate.mergeChoose', attrs: { value: '' } })];
  const targets = Array.from(state.published.values())
    .filter((p) => String(p.id) !== String(ownId))
    .sort(compareQuestions('time'));
  for (const p of targets) {
    options.push(el('option', { text: `#${p.id} ${shorten(p.text, 60)}`, attrs: { value: p.id } }));
  }
  select.replaceChildren(...options);
  if (targets.some((p) => String(p.id) === previous)) select.value = previous;
}

function renderQueue() {
  const items = Array.from(state.pending.values()).sort(compareQuestions('time'));
  syncList($('queue'), items, (q) => q.id, queueNode, fillQueueItem);
  setText($('queue-count'), 'moderate.count', { n: items.length });
  $('queue-empty').hidden = items.length > 0;
}

/** Removes a queue item; when it held the focus, moves focus to the next item (or the heading). */
function removePending(id, fromAction = false) {
  const key = String(id);
  if (!state.pending.has(key)) return;
  const node = $('queue').querySelector(`li[data-question-id="${CSS.escape(key)}"]`);
  const hadFocus = fromAction || (node && node.contains(document.activeElement));
  const next = node && (node.nextElementSibling || node.previousElementSibling);
  state.pending.delete(key);
  renderQueue();
  if (hadFocus) {
    const target = next && next.isConnected ? next.querySelector('.approve') : $('queue-heading');
    if (target) target.focus();
  }
}

// ---------- published list

function publishedNode(q) {
  const li = el('li', { className: 'published-item', attrs: { 'data-question-id': q.id } });
  const id = encodeURIComponent(q.id);
  const pin = el('button', { className: 'button button-small pin', i18n: 'moderate.pin', attrs: { type: 'button' } });
  const unpin = el('button', { className: 'button button-small unpin', i18n: 'moderate.unpin', attrs: { type: 'button' } });
  const hide = el('button', { className: 'button button-small button-danger hide', i18n: 'moderate.hide', attrs: { type: 'button' } });
  const simple = (button, action, after) => button.addEventListener('click', async () => {
    const result = await act('POST', `${base}/questions/${id}/${action}`, {});
    if (result !== undefined) {
      after();
      say(`moderate.done.${action}`);
    }
  });
  // Applied at once as the event that will follow (applying it twice changes nothing).
  simple(pin, 'pin', () => {
    applyPublicEvent(state.published, 'question.pinned', { questionId: q.id });
    renderPublished();
    li.querySelector('.unpin').focus();
  });
  simple(unpin, 'unpin', () => {
    applyPublicEvent(state.published, 'question.unpinned', { questionId: q.id });
    renderPublished();
    li.querySelector('.pin').focus();
  });
  simple(hide, 'hide', () => {
    applyPublicEvent(state.published, 'question.hidden', { questionId: q.id });
    renderPublished();
    $('published-heading').focus();
  });
  const choice = el('input', { className: 'followup-choice', attrs: { type: 'checkbox', id: `followup-${q.id}` } });
  choice.addEventListener('change', () => {
    if (choice.checked) state.followUp.add(String(q.id)); else state.followUp.delete(String(q.id));
  });
  li.append(
    el('p', { className: 'question-badges' }),
    el('p', { className: 'question-text' }),
    el('p', { className: 'question-meta' }),
    el('div', { className: 'item-actions' }, pin, unpin, hide),
    el('p', { className: 'followup-line' }, choice, ' ',
      el('label', { i18n: 'moderate.followupChoice', attrs: { for: `followup-${q.id}` } })),
  );
  fillPublished(li, q);
  return li;
}

function fillPublished(li, q) {
  fillQuestionBadges(li, q);
  li.querySelector('.question-text').textContent = q.text || '';
  const answers = Array.isArray(q.answers) ? q.answers.length : 0;
  li.querySelector('.question-meta').replaceChildren(
    askerNode(q.asker), ' ', timeNode(q.askedAt, 'datetime', 'asked-at'), ' ',
    setText(el('span', { className: 'votes' }), 'moderate.votes', { n: formatNumber(q.votes) }), ' ',
    setText(el('span', { className: 'answer-count' }), 'moderate.answers', { n: answers }));
  li.querySelector('.pin').hidden = Boolean(q.pinned);
  li.querySelector('.unpin').hidden = !q.pinned;
  li.querySelector('.followup-line').hidden = !(eligibleForFollowUp(q) && state.session && state.session.status === 'live');
  li.querySelector('.followup-choice').checked = state.followUp.has(String(q.id));
}

/** A published question the session left unanswered and nobody has followed up yet. */
function eligibleForFollowUp(q) {
  return Boolean(q) && !q.followupRequested && !(Array.isArray(q.answers) && q.answers.length);
}

const renderPublished = batched(() => {
  const items = Array.from(state.published.values()).sort(compareQuestions('time'));
  syncList($('published'), items, (q) => q.id, publishedNode, fillPublished);
  $('published-empty').hidden = items.length > 0;
  for (const select of $('queue').querySelectorAll('.merge-into')) {
    fillMergeOptions(select, select.closest('li').getAttribute('data-question-id'));
  }
});

function onPublicEvent(type, data) {
  if (type === 'session.updated') {
    state.session = mergeSession(state.session, data);
    renderSession();
    return;
  }
  if (type === 'viewers') {
    $('viewer-count').textContent = formatNumber(data.count);
    return;
  }
  // The published list shows no answer text, so an edited answer needs no re-render.
  if (applyPublicEvent(state.published, type, data) && type !== 'answer.edited') renderPublished();
}

// ---------- start

async function main() {
  const loaded = await loadConsole(sessionId, errors);
  if (!loaded) return;
  state.session = loaded.session;
  document.title = `${state.session.title || ''} - ${t('title.moderate')}`;
  renderSession();
  renderQueue();
  renderPublished();

  const client = new LiveClient();
  bindLiveStatus(client, $('live-status'));
  const joinError = (code) => showAlert(errors, { title: joinErrorText(code) });
  client.join(`inquiry:${sessionId}`, {
    snapshot: (data) => {
      if (data.session) {
        state.session = mergeSession(state.session, data.session);
        renderSession();
      }
      loadQuestions(state.published, data.questions);
      if (typeof data.viewers === 'number') $('viewer-count').textContent = formatNumber(data.viewers);
      renderPublished();
    },
    event: onPublicEvent,
    error: joinError,
  });
  client.join(`inquiry:${sessionId}:moderation`, {
    snapshot: (data) => {
      state.pending.clear();
      for (const q of Array.isArray(data.pending) ? data.pending : []) state.pending.set(String(q.id), q);
      renderQueue();
    },
    event: (type, data) => {
      if (type === 'question.submitted') {
        state.pending.set(String(data.id), data);
        renderQueue();
      } else if (type === 'question.reviewed') {
        removePending(data.id);
      }
    },
    error: joinError,
  });
}

$('start-session').addEventListener('click', () => changeSession('start'));
$('end-session').addEventListener('click', () => changeSession('end'));
onLangChange(() => {
  if (state.session) document.title = `${state.session.title || ''} - ${t('title.moderate')}`;
  for (const ul of document.querySelectorAll('#queue .flags')) ul.setAttribute('aria-label', t('moderate.flagsLabel'));
});

main();
