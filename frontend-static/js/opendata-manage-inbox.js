// The department's dataset-request inbox on the management page: open requests first, each with
// an answer form (fulfilled links one of the department's datasets, declined needs a reason);
// answered ones show their answer.

import { api } from './api.js';
import {
  announce, busy, clearProblem, el, errorArea, field, setText, showProblem,
} from './opendata-manage-common.js';
import { timeNode } from './inquiry-common.js';

function radio(prefix, value, key, checked) {
  const id = `${prefix}-status-${value}`;
  return el('div', { className: 'radio' },
    el('input', { attrs: { type: 'radio', id, name: 'status', value, checked } }),
    el('label', { i18n: key, attrs: { for: id } }));
}

function answerForm(r, datasets, reload) {
  const prefix = `answer-${r.id}`;
  const choice = el('select', {}, ...datasets.map((d) => el('option', { text: `${d.title} (${d.name})`, attrs: { value: d.name } })));
  const datasetField = field(prefix, 'dataset', 'odm.answer.dataset', choice);
  const text = el('textarea', { attrs: { rows: 3, maxlength: 2000 } });
  const form = el('form', { className: 'odm-answer', attrs: { novalidate: true, 'data-request-id': r.id } },
    errorArea(),
    el('fieldset', { className: 'kind-choice' },
      el('legend', { i18n: 'odm.answer.legend' }),
      el('div', { className: 'radio-row' },
        radio(prefix, 'fulfilled', 'odm.answer.fulfilled', datasets.length > 0),
        radio(prefix, 'declined', 'odm.answer.declined', datasets.length === 0))),
    datasetField,
    field(prefix, 'answer', 'odm.answer.text', text, 'odm.answer.textHint'),
    el('div', { className: 'form-actions' },
      el('button', { className: 'button button-primary', i18n: 'odm.answer.submit', attrs: { type: 'submit' } })));
  const status = () => form.querySelector('input[name="status"]:checked').value;
  const sync = () => { datasetField.hidden = status() !== 'fulfilled'; };
  form.addEventListener('change', sync);
  sync();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    const fulfilled = status() === 'fulfilled';
    const body = { status: status(), answer: text.value.trim() || null, dataset: fulfilled ? choice.value || null : null };
    try {
      await busy(form, () => api('POST', `/api/opendata/requests/${encodeURIComponent(r.id)}/answer`, body));
      announce('odm.answer.done', { title: r.title });
      await reload();
    } catch (err) {
      showProblem(form, err);
    }
  });
  return form;
}

function item(r, datasets, reload) {
  const badge = el('span', { className: `badge odm-status-${r.status}`, i18n: `odm.status.${r.status}` });
  const meta = el('p', { className: 'muted' }, badge, ' ', el('span', { i18n: 'odm.inbox.submitted' }), ' ', timeNode(r.createdAt, 'date'));
  const li = el('li', { className: 'card odm-request', attrs: { 'data-request-id': r.id, 'data-status': r.status } },
    el('h3', { className: 'card-title', text: r.title }), meta, el('p', { text: r.description }));
  if (r.status === 'open') {
    li.append(answerForm(r, datasets, reload));
  } else {
    const answer = el('p', { className: 'od-answer' }, el('strong', { i18n: 'odm.inbox.answer' }),
      el('span', { i18n: 'form.labelSep' }), r.answer || '');
    if (r.dataset) {
      answer.append(' ', el('a', { text: r.dataset, attrs: { href: `/opendata/dataset.html?name=${encodeURIComponent(r.dataset)}` } }));
    }
    li.append(answer);
    if (r.answeredAt) li.append(el('p', { className: 'muted' }, el('span', { i18n: 'odm.inbox.answered' }), ' ', timeNode(r.answeredAt, 'date')));
  }
  return li;
}

/** Loads the inbox into the list; datasets are the department's, offered when fulfilling. */
export async function loadInbox(list, status, datasets) {
  const reload = () => loadInbox(list, status, datasets);
  setText(status, 'odm.loading');
  try {
    const requests = await api('GET', '/api/opendata/requests/inbox');
    const open = requests.filter((r) => r.status === 'open').length;
    list.replaceChildren(...requests.map((r) => item(r, datasets, reload)));
    setText(status, requests.length ? 'odm.inbox.count' : 'odm.inbox.none', { total: requests.length, open });
  } catch (err) {
    list.replaceChildren();
    setText(status, 'odm.loadFailed', { message: err.message });
  }
  status.setAttribute('data-state', 'ready');
}
