// The resources of the dataset open on the management page: the list with row counts, replacing
// a resource's file, deleting one (after confirming), and uploading a new one with progress.
// Uploads are multipart; CSV and XLSX are loaded as datastore tables unless the official says no.

import { api, sendForm } from './api.js';
import { t } from './i18n.js';
import { FORMATS } from './opendata-manage-i18n.js';
import {
  announce, busy, clearProblem, el, errorArea, field, progressBlock, setText, showProblem,
} from './opendata-manage-common.js';
import { timeNode } from './inquiry-common.js';

const TABLE_FORMATS = ['CSV', 'XLSX'];

function base(dataset) {
  return `/api/opendata/manage/datasets/${encodeURIComponent(dataset)}/resources`;
}

/** The format a file name suggests, or ''. */
function formatOf(fileName) {
  const ext = String(fileName || '').split('.').pop().toLowerCase();
  return { csv: 'CSV', json: 'JSON', xlsx: 'XLSX', geojson: 'GEOJSON' }[ext] || '';
}

function facts(r) {
  const line = el('p', { className: 'odm-facts' }, el('span', { className: 'od-format', text: r.format }));
  if (r.format === 'API') {
    // An API is only listed: its address is what the department registered.
    line.append(' · ', el('code', { className: 'odm-api-url', text: r.apiUrl }));
  } else if (r.datastore && r.rows != null) {
    line.append(' ', setText(el('span', { className: 'odm-rows' }), 'odm.resource.rows', { rows: r.rows }));
  } else {
    line.append(' ', el('span', { className: 'muted', i18n: 'odm.resource.noTable' }));
  }
  if (r.byteSize != null) line.append(' · ', setText(el('span'), 'odm.resource.size', { size: Math.max(1, Math.round(r.byteSize / 1024)) }));
  if (r.updatedAt) line.append(' · ', timeNode(r.updatedAt));
  if (r.downloadUrl) line.append(' · ', el('a', { i18n: 'odm.resource.download', attrs: { href: r.downloadUrl } }));
  return line;
}

/**
 * Wires a file form's submit: checks a file was chosen, sends the multipart body fields() builds
 * (after the file) with progress, then done(answer); a refusal is shown in the form.
 */
function onFileSubmit(form, file, progress, send, fields, done) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    if (!file.files.length) {
      showProblem(form, { errors: [{ field: 'file', message: t('odm.fileRequired') }] });
      return;
    }
    const data = new FormData();
    data.append('file', file.files[0], file.files[0].name);
    for (const [name, value] of Object.entries(fields())) if (value) data.append(name, value);
    progress.start();
    try {
      await done(await busy(form, () => send(data, progress.set)));
    } catch (err) {
      progress.stop();
      showProblem(form, err);
    }
  });
}

function replaceForm(dataset, r, reload) {
  const prefix = `replace-${r.id}`;
  const file = el('input', { attrs: { type: 'file', required: true, accept: '.csv,.json,.xlsx,.geojson' } });
  const progress = progressBlock(prefix);
  const form = el('form', { className: 'odm-replace', attrs: { novalidate: true, 'data-resource-id': r.id } },
    errorArea(),
    field(prefix, 'file', 'odm.resource.replaceFile', file),
    field(prefix, 'summary', 'odm.resource.replaceSummary', el('input', { attrs: { type: 'text', maxlength: 200 } })),
    progress.block,
    el('div', { className: 'form-actions' },
      el('button', { className: 'button button-primary button-small', i18n: 'odm.resource.replaceSubmit', attrs: { type: 'submit' } })));
  onFileSubmit(form, file, progress,
    (data, onPercent) => sendForm('PUT', `${base(dataset)}/${encodeURIComponent(r.id)}/file`, data, onPercent),
    () => ({ summary: form.elements.namedItem('summary').value.trim() }),
    async () => {
      announce('odm.resource.replaced', { name: r.name });
      await reload();
    });
  return el('details', { className: 'odm-details' }, el('summary', { i18n: 'odm.resource.replace' }), form);
}

function item(dataset, r, reload) {
  const remove = el('button', {
    className: 'button button-danger button-small',
    i18n: 'odm.resource.delete',
    attrs: { type: 'button', 'data-action': 'delete' },
  });
  const label = () => remove.setAttribute('aria-label', t('odm.resource.deleteLabel', { name: r.name }));
  label();
  remove.addEventListener('click', async () => {
    if (!window.confirm(t('odm.resource.deleteConfirm', { name: r.name }))) return;
    remove.disabled = true;
    try {
      await api('DELETE', `${base(dataset)}/${encodeURIComponent(r.id)}`);
      announce('odm.resource.deleted', { name: r.name });
      await reload();
    } catch (err) {
      remove.disabled = false;
      announce('odm.failed', { message: err.message }, true);
    }
  });
  const li = el('li', { className: 'card odm-resource', attrs: { 'data-resource-id': r.id } },
    el('h4', { className: 'card-title', text: r.name }),
    r.description ? el('p', { text: r.description }) : null,
    facts(r),
    // An API resource has no file to replace.
    el('div', { className: 'odm-resource-actions' }, r.format === 'API' ? null : replaceForm(dataset, r, reload), remove));
  li.relabel = label;
  return li;
}

/** Shows the dataset's resources in the list. */
export function renderResources(list, dataset, resources, reload) {
  if (!resources.length) {
    list.replaceChildren(el('li', { className: 'muted', i18n: 'odm.resources.none' }));
    return;
  }
  list.replaceChildren(...resources.map((r) => item(dataset, r, reload)));
}

/** Re-labels what the language toggle does not reach (aria-labels built with names). */
export function relabelResources(list) {
  for (const li of list.children) if (li.relabel) li.relabel();
}

/**
 * Fills the upload form; current() names the open dataset, reload() refreshes it after a
 * successful upload.
 */
export function buildUploadForm(form, current, reload) {
  const prefix = 'upload';
  const file = el('input', { attrs: { type: 'file', required: true, accept: '.csv,.json,.xlsx,.geojson' } });
  const format = el('select', { attrs: { required: true } },
    ...FORMATS.map((f) => el('option', { text: f, attrs: { value: f } })));
  const datastore = el('input', { attrs: { type: 'checkbox', id: `${prefix}-datastore`, name: 'datastore', checked: true } });
  const name = el('input', { attrs: { type: 'text', maxlength: 200, required: true } });
  const progress = progressBlock(prefix);
  const syncDatastore = () => {
    const table = TABLE_FORMATS.includes(format.value);
    datastore.disabled = !table;
    datastore.checked = table;
  };
  file.addEventListener('change', () => {
    const picked = file.files[0];
    if (!picked) return;
    const guessed = formatOf(picked.name);
    if (guessed) format.value = guessed;
    if (!name.value.trim()) name.value = picked.name.replace(/\.[^.]+$/, '');
    syncDatastore();
  });
  format.addEventListener('change', syncDatastore);
  // The reset event comes before the values are reset, so the flag follows the format afterwards.
  form.addEventListener('reset', () => queueMicrotask(() => {
    syncDatastore();
    progress.stop();
  }));
  form.prepend(
    errorArea(),
    field(prefix, 'file', 'odm.upload.file', file, 'odm.upload.fileHint'),
    field(prefix, 'name', 'odm.upload.name', name),
    field(prefix, 'description', 'odm.upload.description', el('textarea', { attrs: { rows: 2, maxlength: 1000 } })),
    field(prefix, 'format', 'odm.upload.format', format),
    el('div', { className: 'checkbox-field' }, datastore, el('label', { i18n: 'odm.upload.datastore', attrs: { for: datastore.id } })),
    progress.block);
  onFileSubmit(form, file, progress,
    (data, onPercent) => sendForm('POST', base(current()), data, onPercent),
    () => ({
      name: name.value.trim(),
      description: form.elements.namedItem('description').value.trim(),
      format: format.value,
      datastore: String(datastore.checked),
    }),
    async (created) => {
      announce('odm.upload.done', { name: created ? created.name : name.value });
      form.reset();
      await reload();
    });
  syncDatastore();
}

/**
 * Fills the form that lists an API resource: a service of the department's own (http or https) or
 * a query on this portal's API. The portal shows the address; it never calls it.
 */
export function buildApiForm(form, current, reload) {
  const prefix = 'api';
  const name = el('input', { attrs: { type: 'text', maxlength: 200, required: true } });
  const url = el('input', { attrs: { type: 'url', maxlength: 500, required: true, inputmode: 'url' } });
  form.prepend(
    errorArea(),
    field(prefix, 'name', 'odm.api.name', name),
    field(prefix, 'url', 'odm.api.url', url, 'odm.api.urlHint'),
    field(prefix, 'description', 'odm.upload.description', el('textarea', { attrs: { rows: 2, maxlength: 1000 } })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    const description = form.elements.namedItem('description').value.trim();
    try {
      const created = await busy(form, () => api('POST', `/api/opendata/manage/datasets/${encodeURIComponent(current())}/api-resources`,
        { name: name.value.trim(), url: url.value.trim(), description }));
      announce('odm.api.done', { name: created ? created.name : name.value });
      form.reset();
      await reload();
    } catch (err) {
      showProblem(form, err);
    }
  });
}
