// Drafting a consultation: creates it as an unpublished draft, edits its text and window while
// that is allowed (draft or not yet open), uploads and removes attachments, publishes the draft,
// and withdraws it. The server decides every rule; the page shows its problems.

import { api } from './api.js';
import { clearErrors, setBusy, showProblem, validate } from './forms.js';
import { t } from './i18n.js';
import { el, onLangChange, setText, showAlert } from './inquiry-common.js';
import { consultationIdFromQuery, consultationStatusBadge } from './consultation-common.js';
import { formatSize } from './mailbox-common.js';
import { fromLocalInput, requireOfficial, toLocalInput } from './consultation-staff.js';

const CHANGEABLE = ['draft', 'upcoming'];
const $ = (id) => document.getElementById(id);
const form = $('draft-form');
let consultation = null;

function fileItem(id, a) {
  const href = `/api/consultations/${encodeURIComponent(id)}/attachments/${encodeURIComponent(a.id)}`;
  const item = el('li', { attrs: { 'data-attachment-id': a.id } },
    el('a', { text: a.fileName, attrs: { href, download: a.fileName } }), ' ',
    el('span', { className: 'muted', text: `(${formatSize(a.size)})` }));
  if (CHANGEABLE.includes(consultation.status)) {
    const remove = setText(el('button', { className: 'button button-secondary button-small', attrs: { type: 'button' } }),
      'cstaff.remove', { name: a.fileName });
    remove.addEventListener('click', async () => {
      const left = await actionOr($('files-alert'), 'DELETE', `${href}`);
      if (left) renderFiles(left);
    });
    item.append(' ', remove);
  }
  return item;
}

function renderFiles(files) {
  consultation.attachments = files;
  $('file-list').replaceChildren(...files.map((a) => fileItem(consultation.id, a)));
  $('no-files').hidden = files.length > 0;
}

async function actionOr(area, method, path, body) {
  try {
    const result = await api(method, path, body);
    showAlert(area, null);
    return result;
  } catch (err) {
    showAlert(area, err.problem || { title: err.message });
    return null;
  }
}

function render(c) {
  consultation = c;
  const changeable = CHANGEABLE.includes(c.status);
  $('heading').setAttribute('data-i18n', 'cstaff.editHeading');
  $('heading').textContent = t('cstaff.editHeading');
  $('status-badge').replaceChildren(consultationStatusBadge(c.status));
  $('status-note').replaceChildren(changeable ? '' : el('span', { i18n: 'cstaff.locked' }));
  $('title').value = c.title;
  $('summary').value = c.summary;
  $('text').value = c.text;
  $('opensAt').value = toLocalInput(c.opensAt);
  $('closesAt').value = toLocalInput(c.closesAt);
  for (const control of form.elements) control.disabled = !changeable;
  $('save').setAttribute('data-i18n', c.status === 'draft' ? 'cstaff.saveDraft' : 'cstaff.save');
  $('save').textContent = t(c.status === 'draft' ? 'cstaff.saveDraft' : 'cstaff.save');
  $('upload-form').hidden = !changeable;
  renderFiles(c.attachments || []);
  $('files-section').hidden = false;
  $('actions-section').hidden = false;
  $('draft-note').hidden = c.status !== 'draft';
  $('publish').hidden = c.status !== 'draft';
  $('withdraw-form').hidden = !['draft', 'upcoming', 'open'].includes(c.status);
  $('review-link').hidden = !c.publishedAt;
  $('review-href').href = `/consultations/review.html?id=${encodeURIComponent(c.id)}`;
}

async function save(event) {
  event.preventDefault();
  const problem = validate(form);
  if (problem) {
    showProblem(form, problem);
    return;
  }
  clearErrors(form);
  const body = {
    title: $('title').value, summary: $('summary').value, text: $('text').value,
    opensAt: fromLocalInput($('opensAt').value), closesAt: fromLocalInput($('closesAt').value),
  };
  setBusy(form, $('save'), true);
  try {
    if (consultation) {
      render(await api('PUT', `/api/consultations/${encodeURIComponent(consultation.id)}`, body));
      setText($('status-note'), 'cstaff.saved');
    } else {
      const created = await api('POST', '/api/consultations', { ...body, draft: true });
      window.location.assign(`/consultations/edit.html?id=${encodeURIComponent(created.id)}`);
      return;
    }
  } catch (err) {
    showProblem(form, err.problem);
  }
  setBusy(form, $('save'), false);
}

async function upload(event) {
  event.preventDefault();
  const input = $('files');
  if (!input.files.length) return;
  const data = new FormData();
  for (const file of input.files) data.append('files', file, file.name);
  setBusy($('upload-form'), $('upload'), true);
  const files = await actionOr($('files-alert'), 'POST', `/api/consultations/${encodeURIComponent(consultation.id)}/attachments`, data);
  setBusy($('upload-form'), $('upload'), false);
  if (files) {
    input.value = '';
    renderFiles(files);
    setText($('status-note'), 'cstaff.uploaded');
  }
}

async function start() {
  const user = await requireOfficial($('page-error'), el('p', { i18n: 'cstaff.notOfficial' }));
  if (!user) return;
  form.addEventListener('submit', save);
  $('upload-form').addEventListener('submit', upload);
  $('publish').addEventListener('click', async () => {
    const result = await actionOr($('actions-alert'), 'POST', `/api/consultations/${encodeURIComponent(consultation.id)}/publish`, {});
    if (result) {
      render(result);
      setText($('status-note'), 'cstaff.published');
    }
  });
  $('withdraw-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const reason = $('withdraw-reason').value.trim();
    const result = await actionOr($('actions-alert'), 'POST', `/api/consultations/${encodeURIComponent(consultation.id)}/withdraw`,
      reason ? { reason } : {});
    if (result) render(result);
  });
  const id = consultationIdFromQuery();
  $('draft-section').hidden = false;
  if (!id) return;
  try {
    render(await api('GET', `/api/consultations/${encodeURIComponent(id)}`));
  } catch (err) {
    $('draft-section').hidden = true;
    showAlert($('page-error'), err.status === 404 ? { title: t('consult.notFound') } : err.problem);
  }
}

onLangChange(() => {});
start();
