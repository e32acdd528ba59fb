// Archive of an ended session: transcript, statistics, and the CSV export link for staff.

import { api, ApiError, me } from './api.js';
import { t } from './i18n.js';
import {
  answerNode, askerNode, el, formatNumber, isStaff, officialsText, onLangChange, rangeNode,
  sessionIdFromQuery, setBilingual, setText, showAlert, timeNode,
} from './inquiry-common.js';

const $ = (id) => document.getElementById(id);
const sessionId = sessionIdFromQuery();
const STATS = ['participants', 'peakViewers', 'received', 'published', 'answered', 'followedUp'];

let session = null;

function renderSession() {
  const title = $('session-title');
  title.removeAttribute('data-i18n');
  title.textContent = session.title || '';
  document.title = `${session.title || ''} - ${t('title.archive')}`;
  setBilingual($('session-department'), session.department || '', session.departmentEn || '');
  $('session-officials').textContent = officialsText(session.officials);
  $('session-time').replaceChildren(rangeNode(session.startsAt, session.endsAt));
  $('session-description').textContent = session.description || '';
  $('session-description').hidden = !session.description;
}

function renderStats(stats) {
  const rows = STATS.filter((key) => stats && stats[key] !== undefined && stats[key] !== null).map((key) =>
    el('div', { className: 'profile-row' },
      el('dt', { i18n: `archive.stats.${key}` }),
      el('dd', { attrs: { id: `stat-${key}` } }, setText(el('span'), 'archive.statValue', { n: formatNumber(stats[key]) }))));
  $('stats').replaceChildren(...rows);
}

/** Question id -> its mailbox case ({caseNo, status}), for followed-up questions. */
const cases = new Map();

function transcriptItem(q, index) {
  const li = el('li', { className: 'transcript-item', attrs: { 'data-question-id': q.id } });
  const meta = el('p', { className: 'question-meta' },
    setText(el('span', { className: 'question-number' }), 'archive.questionNo', { n: index + 1 }), ' ',
    askerNode(q.asker), ' ', timeNode(q.askedAt, 'datetime', 'asked-at'), ' ',
    setText(el('span', { className: 'votes' }), 'moderate.votes', { n: formatNumber(q.votes) }));
  if (q.followupRequested) meta.append(' ', el('span', { className: 'badge followup-badge', i18n: 'inquiry.followupDone' }));
  const followUp = cases.get(String(q.id));
  if (followUp) {
    meta.append(' ', setText(el('span', { className: 'case-line' }), 'archive.case',
      { caseNo: followUp.caseNo, status: t(`archive.caseStatus.${followUp.status}`) }));
  }
  li.append(meta, el('p', { className: 'question-text', text: q.text || '' }));
  const answers = Array.isArray(q.answers) ? q.answers : [];
  if (answers.length) {
    li.append(el('ul', { className: 'answers', attrs: { 'aria-label': t('room.answersLabel') } }, ...answers.map(answerNode)));
  } else {
    li.append(el('p', { className: 'muted no-answer', i18n: 'archive.noAnswer' }));
  }
  return li;
}

async function main() {
  if (!sessionId) {
    showAlert($('page-error'), { title: t('inquiry.notFound') });
    $('archive-main').hidden = true;
    return;
  }
  let transcript;
  try {
    transcript = await api('GET', `/api/inquiry/sessions/${encodeURIComponent(sessionId)}/transcript`);
  } catch (err) {
    const problem = err instanceof ApiError && err.status === 404 ? { title: t('inquiry.notFound') } : err.problem;
    showAlert($('page-error'), problem);
    $('archive-main').hidden = true;
    $('room-link').href = `/inquiry/session.html?id=${encodeURIComponent(sessionId)}`;
    $('room-link-line').hidden = false;
    return;
  }
  session = transcript.session || {};
  renderSession();
  renderStats(transcript.stats || {});
  for (const c of Array.isArray(transcript.followUps) ? transcript.followUps : []) cases.set(String(c.questionId), c);
  const questions = Array.isArray(transcript.questions) ? transcript.questions : [];
  $('transcript').replaceChildren(...questions.map(transcriptItem));
  $('transcript-empty').hidden = questions.length > 0;

  let user = null;
  try {
    user = await me();
  } catch {
    user = null;
  }
  if (isStaff(user)) {
    $('csv-link').href = `/api/inquiry/sessions/${encodeURIComponent(sessionId)}/transcript.csv`;
    $('csv-link').hidden = false;
  }
}

onLangChange(() => {
  if (session) document.title = `${session.title || ''} - ${t('title.archive')}`;
  for (const ul of document.querySelectorAll('#transcript .answers')) ul.setAttribute('aria-label', t('room.answersLabel'));
});

main();
