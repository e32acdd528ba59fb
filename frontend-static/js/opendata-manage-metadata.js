// The dataset description forms of the management page: publishing a new dataset and editing an
// existing one share the same fields (DatasetManagement.Metadata); the identifier is set once, at
// publishing.

import { api } from './api.js';
import { FREQUENCIES, LICENCES, THEMES } from './opendata-manage-i18n.js';
import { busy, clearProblem, codeSelect, el, errorArea, field, showProblem } from './opendata-manage-common.js';

/** Fills an empty <form> with the metadata fields; ids start with prefix. */
export function buildMetadataFields(form, prefix, withName) {
  const text = (max, type = 'text') => el('input', { attrs: { type, maxlength: max } });
  const parts = [errorArea(), el('p', { className: 'form-note', i18n: 'odm.required' })];
  if (withName) {
    parts.push(field(prefix, 'name', 'odm.field.name',
      el('input', { attrs: { type: 'text', maxlength: 100, required: true, pattern: '[a-z0-9][a-z0-9_\\-]{1,99}', autocomplete: 'off' } }),
      'odm.field.nameHint'));
  }
  parts.push(
    field(prefix, 'title', 'odm.field.title', el('input', { attrs: { type: 'text', maxlength: 200, required: true } })),
    field(prefix, 'description', 'odm.field.description', el('textarea', { attrs: { rows: 5, maxlength: 5000, required: true } }),
      'odm.field.descriptionHint'),
    el('div', { className: 'odm-grid' },
      field(prefix, 'theme', 'odm.field.theme', codeSelect(THEMES, 'odm.theme.')),
      field(prefix, 'licence', 'odm.field.licence', codeSelect(LICENCES, 'odm.licence.')),
      field(prefix, 'frequency', 'odm.field.frequency', codeSelect(FREQUENCIES, 'odm.frequency.'))),
    field(prefix, 'keywords', 'odm.field.keywords', text(400), 'odm.field.keywordsHint'),
    field(prefix, 'spatial', 'odm.field.spatial', el('input', { attrs: { type: 'text', maxlength: 200, required: true } })),
    el('fieldset', { className: 'odm-fieldset' },
      el('legend', { i18n: 'odm.field.temporal' }),
      el('div', { className: 'odm-grid' },
        field(prefix, 'temporalStart', 'odm.field.temporalStart', el('input', { attrs: { type: 'date' } })),
        field(prefix, 'temporalEnd', 'odm.field.temporalEnd', el('input', { attrs: { type: 'date' } })))),
    el('fieldset', { className: 'odm-fieldset' },
      el('legend', { i18n: 'odm.field.contact' }),
      el('div', { className: 'odm-grid' },
        field(prefix, 'contactName', 'odm.field.contactName', el('input', { attrs: { type: 'text', maxlength: 100, required: true } })),
        field(prefix, 'contactEmail', 'odm.field.contactEmail',
          el('input', { attrs: { type: 'email', maxlength: 255, required: true, autocomplete: 'off' } })),
        field(prefix, 'contactPhone', 'odm.field.contactPhone', el('input', { attrs: { type: 'tel', maxlength: 40, autocomplete: 'off' } })))));
  form.prepend(...parts);
}

/** The form's values as the API's Metadata record. */
function read(form) {
  const value = (name) => (form.elements.namedItem(name) ? form.elements.namedItem(name).value : '');
  const keywords = value('keywords').split(/[,，、;；]/).map((k) => k.trim()).filter(Boolean);
  return {
    name: value('name').trim() || null,
    title: value('title'),
    description: value('description'),
    theme: value('theme'),
    keywords,
    licence: value('licence'),
    frequency: value('frequency'),
    spatial: value('spatial'),
    contactName: value('contactName'),
    contactEmail: value('contactEmail').trim(),
    contactPhone: value('contactPhone').trim() || null,
    temporalStart: value('temporalStart') || null,
    temporalEnd: value('temporalEnd') || null,
  };
}

/** Puts a dataset's detail (GET /api/opendata/datasets/{name}) into the edit form. */
export function fillMetadata(form, d) {
  const set = (name, v) => { form.elements.namedItem(name).value = v == null ? '' : v; };
  clearProblem(form);
  set('title', d.title);
  set('description', d.description);
  set('theme', d.theme && d.theme.code);
  set('licence', d.licence && d.licence.code);
  set('frequency', d.frequency && d.frequency.code);
  set('keywords', (d.keywords || []).join(', '));
  set('spatial', d.spatial);
  set('contactName', d.contact && d.contact.name);
  set('contactEmail', d.contact && d.contact.email);
  set('contactPhone', d.contact && d.contact.phone);
  set('temporalStart', d.temporalStart);
  set('temporalEnd', d.temporalEnd);
}

/** Publishes from the form; resolves to the new dataset's summary, or null when refused (shown in the form). */
export async function publish(form) {
  clearProblem(form);
  try {
    return await busy(form, () => api('POST', '/api/opendata/manage/datasets', read(form)));
  } catch (err) {
    showProblem(form, err);
    return null;
  }
}

/** Saves the edit form for the named dataset; resolves to the summary, or null when refused. */
export async function saveEdit(form, name) {
  clearProblem(form);
  try {
    return await busy(form, () => api('PUT', `/api/opendata/manage/datasets/${encodeURIComponent(name)}`, read(form)));
  } catch (err) {
    showProblem(form, err);
    return null;
  }
}
