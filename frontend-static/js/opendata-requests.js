// Dataset requests: the public list of requests and answers, a form for signed-in users, and
// the user's own requests with their answers.

import { api, me } from './api.js';
import { currentLang, t } from './i18n.js';
import { LANG_CHANGE_EVENT } from './layout.js';

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function item(r) {
  const li = element('li', 'card');
  li.append(element('h3', 'card-title', r.title));
  li.append(element('p', 'muted', `${r.department} · ${r.createdAt.slice(0, 10)} · ${t(`req.status.${r.status}`)}`));
  li.append(element('p', null, r.description));
  if (r.answer || r.dataset) {
    const answer = element('p', 'od-answer', `${t('req.answer')}: ${r.answer || ''}`);
    if (r.dataset) {
      const a = element('a', null, r.dataset);
      a.href = `/opendata/dataset.html?name=${encodeURIComponent(r.dataset)}`;
      answer.append(' ', a);
    }
    li.append(answer);
  }
  return li;
}

async function load() {
  const [user, recent] = await Promise.all([me(), api('GET', '/api/opendata/requests')]);
  document.getElementById('recent').replaceChildren(...recent.map(item));
  document.getElementById('sign-in').hidden = !!user;
  document.getElementById('request-form').hidden = !user;
  document.getElementById('mine-section').hidden = !user;
  if (!user) return;
  const departments = await api('GET', '/api/departments');
  const select = document.getElementById('department');
  select.replaceChildren(...departments.map((d) => {
    const o = element('option', null, currentLang() === 'en' ? d.nameEn : d.nameZh);
    o.value = String(d.id);
    return o;
  }));
  document.getElementById('mine').replaceChildren(...(await api('GET', '/api/opendata/requests/mine')).map(item));
}

document.getElementById('request-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const error = document.getElementById('req-error');
  error.hidden = true;
  try {
    await api('POST', '/api/opendata/requests', {
      departmentId: Number(document.getElementById('department').value),
      title: document.getElementById('req-title').value,
      description: document.getElementById('req-description').value,
    });
    document.getElementById('req-done').hidden = false;
    document.getElementById('req-title').value = '';
    document.getElementById('req-description').value = '';
    await load();
  } catch (err) {
    const fields = err.problem && err.problem.errors;
    error.textContent = fields && fields.length ? fields.map((f) => f.message).join(' ') : err.message;
    error.hidden = false;
  }
});
document.addEventListener(LANG_CHANGE_EVENT, load);
load();
