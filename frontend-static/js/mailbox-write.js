// Writing a letter or an online petition (网上信访, ?channel=petition preselects it): the mailbox
// (mayor, department or district; for a petition the organ petitioned), kind, title, body with a
// live count (a petition's facts and reasons), a petition's request, location, up to five
// image/PDF attachments, consent (letters only) and contact preference. The checks mirror the
// server's; its problem+json errors are shown per field. On success the tracking number and the
// query code are shown once.

import { api, ApiError } from './api.js';
import { t } from './i18n.js';
import { clearErrors, setBusy, showProblem } from './forms.js';
import { el, setBilingual, setText } from './inquiry-common.js';
import {
  CONTACTS, KINDS, PETITION_KINDS, formatSize, isWriter, labelNode, problemFor, requireUser, textLength,
} from './mailbox-common.js';

const MAX_TITLE = 50;
const MAX_BODY = 4000;
const MAX_LOCATION = 100;
const MAX_REQUEST = 500;
const MAX_FILES = 5;
const MAX_FILE_MB = 5;
const FILE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'];
const FILE_EXTENSIONS = /\.(jpe?g|png|gif|webp|pdf)$/i;

const $ = (id) => document.getElementById(id);
const form = $('letter-form');
const fileInput = $('attachments');
const submitButton = $('letter-submit');
const files = [];

function radios(container, name, values, prefix) {
  container.replaceChildren(...values.map((value, i) => {
    const id = i === 0 ? name : `${name}-${value}`;
    return el('div', { className: 'radio' },
      el('input', { attrs: { type: 'radio', id, name, value } }),
      el('label', { attrs: { for: id } }, labelNode(prefix, value)));
  }));
}

async function loadMailboxes() {
  const boxes = await api('GET', '/api/mailbox/public/mailboxes');
  const select = $('mailbox');
  const groups = { municipal: el('optgroup'), district: el('optgroup') };
  groups.municipal.setAttribute('data-i18n-attr', 'label:mbox.groupMunicipal');
  groups.municipal.label = t('mbox.groupMunicipal');
  groups.district.setAttribute('data-i18n-attr', 'label:mbox.groupDistrict');
  groups.district.label = t('mbox.groupDistrict');
  for (const box of Array.isArray(boxes) ? boxes : []) {
    if (box.mailbox === 'mayor') {
      select.append(el('option', { i18n: 'mbox.mayorOption', attrs: { value: 'mayor' } }));
    } else if (box.department) {
      const d = box.department;
      const option = setBilingual(el('option', { attrs: { value: String(d.id), 'data-code': d.code } }), d.nameZh, d.nameEn);
      (groups[d.kind] || groups.municipal).append(option);
    }
  }
  for (const group of Object.values(groups)) if (group.childElementCount) select.append(group);
  const wanted = new URLSearchParams(window.location.search).get('mailbox');
  if (wanted) {
    const match = [...select.options].find((o) => o.value === wanted || o.getAttribute('data-code') === wanted);
    if (match) select.value = match.value;
  }
}

function updateCounter() {
  const n = textLength($('body').value.trim());
  const counter = $('body-counter');
  if (n > MAX_BODY) setText(counter, 'mbox.write.counterOver', { n, max: MAX_BODY, over: n - MAX_BODY });
  else setText(counter, 'mbox.write.counter', { n, max: MAX_BODY });
  counter.classList.toggle('over-limit', n > MAX_BODY);
}

function renderFiles() {
  const list = $('file-list');
  list.replaceChildren(...files.map((file, index) => {
    const remove = el('button', { className: 'button button-small button-secondary', attrs: { type: 'button' } });
    setText(remove, 'mbox.write.removeFile', { name: file.name });
    remove.addEventListener('click', () => {
      files.splice(index, 1);
      renderFiles();
      fileInput.focus();
    });
    return el('li', { className: 'mbox-file' }, el('span', { className: 'mbox-file-name', text: file.name }), ' ',
      el('span', { className: 'muted', text: `(${formatSize(file.size)})` }), ' ', remove);
  }));
  setText($('file-count'), 'mbox.write.fileCount', { n: files.length, max: MAX_FILES });
}

function fileProblems() {
  const errors = [];
  if (files.length > MAX_FILES) errors.push(t('mbox.check.tooManyFiles', { max: MAX_FILES }));
  for (const file of files) {
    if (!FILE_TYPES.includes(file.type) && !FILE_EXTENSIONS.test(file.name)) {
      errors.push(t('mbox.check.fileType', { name: file.name }));
    } else if (file.size > MAX_FILE_MB * 1024 * 1024) {
      errors.push(t('mbox.check.fileSize', { name: file.name, size: MAX_FILE_MB }));
    }
  }
  return errors;
}

/** The same checks as the server's LetterForms, so most mistakes are shown before sending. */
function check(data) {
  const errors = [];
  const required = (field, value) => {
    if (!value) errors.push({ field, code: 'required', message: t('validation.required') });
    return Boolean(value);
  };
  const max = (field, value, n) => {
    if (textLength(value) > n) errors.push({ field, code: 'size', message: t('mbox.check.tooLong', { max: n }) });
  };
  required('mailbox', data.mailbox);
  required('kind', data.kind);
  if (data.channel === 'petition') {
    if (required('request', data.request)) max('request', data.request, MAX_REQUEST);
    if (data.kind === 'consultation') errors.push({ field: 'kind', code: 'petition_kind', message: t('mbox.field.petition_kind') });
    if (data.contactPreference === 'none') {
      errors.push({ field: 'contactPreference', code: 'petition_contact', message: t('mbox.field.petition_contact') });
    }
  }
  if (required('title', data.title)) max('title', data.title, MAX_TITLE);
  if (required('body', data.body)) max('body', data.body, MAX_BODY);
  max('location', data.location, MAX_LOCATION);
  required('contactPreference', data.contactPreference);
  for (const message of fileProblems()) errors.push({ field: 'attachments', code: 'file', message });
  return errors.length ? { errors } : null;
}

function formData() {
  const checked = (name) => (form.querySelector(`input[name="${name}"]:checked`) || {}).value || '';
  const petition = checked('channel') === 'petition';
  return {
    channel: petition ? 'petition' : 'mailbox',
    request: petition ? $('request').value.trim() : '',
    mailbox: $('mailbox').value,
    kind: checked('kind'),
    title: $('title').value.trim(),
    body: $('body').value.trim(),
    location: $('location').value.trim(),
    consentToPublish: !petition && $('consentToPublish').checked,
    contactPreference: checked('contactPreference'),
  };
}

function showSuccess(written) {
  form.hidden = true;
  $('tracking-number').textContent = written.trackingNumber;
  $('query-code').textContent = written.queryCode;
  $('view-letter').href = `/mailbox/letter.html?id=${encodeURIComponent(written.id)}`;
  $('success').hidden = false;
  $('success').focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = formData();
  const problem = check(data);
  if (problem) {
    showProblem(form, problem);
    return;
  }
  clearErrors(form);
  const body = new FormData();
  for (const [name, value] of Object.entries(data)) {
    if ((name === 'location' || name === 'request') && !value) continue;
    body.append(name, String(value));
  }
  for (const file of files) body.append('attachments', file, file.name);
  setBusy(form, submitButton, true);
  try {
    showSuccess(await api('POST', '/api/mailbox/letters', body));
  } catch (err) {
    showProblem(form, problemFor(err instanceof ApiError ? err.problem : { title: t('error.generic') }));
  } finally {
    setBusy(form, submitButton, false);
  }
});

fileInput.addEventListener('change', () => {
  files.push(...fileInput.files);
  fileInput.value = '';
  renderFiles();
  const problems = fileProblems();
  if (problems.length) showProblem(form, { errors: problems.map((message) => ({ field: 'attachments', message })) });
});
$('body').addEventListener('input', updateCounter);

/** Shows what the chosen channel asks for: a petition's request, its labels, no consent, no consultation. */
function showChannel() {
  const petition = (form.querySelector('input[name="channel"]:checked') || {}).value === 'petition';
  $('petition-note').hidden = !petition;
  $('request-field').hidden = !petition;
  $('consent-field').hidden = petition;
  for (const [id, letterKey, petitionKey] of [['body-label', 'mbox.write.body', 'mbox.write.petitionBody'],
    ['letter-submit', 'mbox.write.submit', 'mbox.write.petitionSubmit']]) {
    $(id).setAttribute('data-i18n', petition ? petitionKey : letterKey);
    $(id).textContent = t(petition ? petitionKey : letterKey);
  }
  for (const input of form.querySelectorAll('input[name="kind"]')) {
    const allowed = !petition || PETITION_KINDS.includes(input.value);
    input.closest('.radio').hidden = !allowed;
    if (!allowed) input.checked = false;
  }
}
for (const input of form.querySelectorAll('input[name="channel"]')) input.addEventListener('change', showChannel);

async function start() {
  const user = await requireUser();
  if (!user) return;
  if (!isWriter(user)) {
    $('not-writer').hidden = false;
    return;
  }
  radios($('kind-options'), 'kind', KINDS, 'mbox.kind');
  radios($('contact-options'), 'contactPreference', CONTACTS, 'mbox.contact');
  if (new URLSearchParams(window.location.search).get('channel') === 'petition') $('channel-petition').checked = true;
  showChannel();
  setText($('attachments-hint'), 'mbox.write.attachmentsHint', { max: MAX_FILES, size: MAX_FILE_MB });
  updateCounter();
  renderFiles();
  try {
    await loadMailboxes();
  } catch (err) {
    $('page-error').replaceChildren(el('p', { text: err.message || t('error.generic') }));
    $('page-error').hidden = false;
  }
  form.hidden = false;
}

start();
