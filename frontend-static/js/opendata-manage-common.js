// Shared pieces of the open data management page: form fields built with their labels, problem
// display scoped to one form (the page has several forms whose fields share names, so the
// page-wide helpers of forms.js, which key messages by field name alone, would collide), the
// polite status line, and the progress bar shown while api.js sendForm uploads a file.

import './opendata-manage-i18n.js';
import { t } from './i18n.js';
import { el, setText } from './inquiry-common.js';

export { el, setText };

/** A labelled field: the control gets id `${prefix}-${name}`, a hint is linked by aria-describedby. */
export function field(prefix, name, labelKey, control, hintKey = null) {
  const id = `${prefix}-${name}`;
  control.id = id;
  control.name = name;
  const wrap = el('div', { className: 'field' }, el('label', { i18n: labelKey, attrs: { for: id } }));
  if (hintKey) {
    wrap.append(el('p', { className: 'field-hint', i18n: hintKey, attrs: { id: `${id}-hint` } }));
    control.setAttribute('aria-describedby', `${id}-hint`);
  }
  wrap.append(control);
  return wrap;
}

/** A <select> of codes whose labels are dictionary keys `${keyPrefix}${code}`, led by "choose". */
export function codeSelect(codes, keyPrefix, required = true) {
  const select = el('select', { attrs: { required } }, el('option', { i18n: 'odm.choose', attrs: { value: '' } }));
  for (const code of codes) select.append(el('option', { i18n: `${keyPrefix}${code}`, attrs: { value: code } }));
  return select;
}

/** Removes the messages showProblem put in the form. */
export function clearProblem(form) {
  for (const p of form.querySelectorAll('.field-error')) p.remove();
  for (const c of form.querySelectorAll('[aria-invalid]')) {
    c.removeAttribute('aria-invalid');
    const kept = (c.getAttribute('aria-describedby') || '').split(/\s+/).filter((x) => x && !x.endsWith('-error'));
    if (kept.length) c.setAttribute('aria-describedby', kept.join(' '));
    else c.removeAttribute('aria-describedby');
  }
  const summary = form.querySelector('.odm-errors');
  summary.hidden = true;
  summary.replaceChildren();
}

/**
 * Shows an ApiError (problem+json) or a client-side {errors:[{field, message}]} in the form: a
 * message under each named field, aria-invalid on it, and a focused summary listing them all.
 */
export function showProblem(form, err) {
  clearProblem(form);
  const p = (err && err.problem) || err || {};
  const errors = Array.isArray(p.errors) ? p.errors : [];
  const items = [];
  for (const e of errors) {
    const message = e.message || e.code || t('error.invalid');
    const control = e.field ? form.querySelector(`[name="${CSS.escape(e.field)}"]`) : null;
    if (control && control.id) {
      const note = el('p', { className: 'field-error', text: message, attrs: { id: `${control.id}-error` } });
      (control.closest('.field') || control.closest('fieldset') || control.parentNode).append(note);
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') || ''} ${note.id}`.trim());
    }
    items.push(el('li', { text: message }));
  }
  const summary = form.querySelector('.odm-errors');
  summary.append(el('p', { className: 'alert-title', i18n: 'odm.errors' }));
  if (items.length) summary.append(el('ul', {}, ...items));
  else summary.append(el('p', { text: p.detail || p.title || (err && err.message) || t('error.generic') }));
  summary.hidden = false;
  summary.focus();
}

/** The summary area a form's problems go to (role alert, focusable). */
export function errorArea() {
  return el('div', { className: 'notice notice-error odm-errors', attrs: { role: 'alert', tabindex: '-1', hidden: true } });
}

/** Says something in the page's polite status line (kept as a key so it follows the language). */
export function announce(key, vars = {}, failure = false) {
  // The live region itself stays in place (a region that appears with its text is often not read);
  // only the message inside it is replaced.
  const line = el('p', { className: `notice ${failure ? 'notice-error' : 'notice-success'}` });
  document.getElementById('announce').replaceChildren(setText(line, key, vars));
}

/** Disables the form's submit button while work runs, and marks the form busy. */
export async function busy(form, work) {
  const button = form.querySelector('button[type="submit"]');
  form.setAttribute('aria-busy', 'true');
  if (button) button.disabled = true;
  try {
    return await work();
  } finally {
    form.setAttribute('aria-busy', 'false');
    if (button) button.disabled = false;
  }
}

/** A <progress> with its label and a live percentage line, shown while an upload runs. */
export function progressBlock(prefix) {
  const bar = el('progress', { attrs: { id: `${prefix}-progress`, max: '100', value: '0' } });
  const label = el('label', { i18n: 'odm.upload.progress', attrs: { for: bar.id } });
  const text = el('span', { className: 'odm-percent', attrs: { 'aria-live': 'polite' } });
  const block = el('div', { className: 'odm-progress', attrs: { hidden: true } }, label, bar, text);
  return {
    block,
    start() {
      bar.value = 0;
      setText(text, 'odm.upload.percent', { percent: 0 });
      block.hidden = false;
    },
    set(percent) {
      bar.value = percent;
      setText(text, 'odm.upload.percent', { percent });
    },
    stop() {
      block.hidden = true;
    },
  };
}
