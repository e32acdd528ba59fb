// Form error display (per-field messages + focused error summary) and
// light client-side checks. The server stays authoritative.

import { t } from './i18n.js';

function summaryFor(form) {
  return form.querySelector('#form-errors') || document.getElementById('form-errors');
}

function isShown(el) {
  return !el.disabled && !el.closest('[hidden]');
}

function addToken(el, attr, token) {
  const tokens = (el.getAttribute(attr) || '').split(/\s+/).filter(Boolean);
  if (!tokens.includes(token)) tokens.push(token);
  el.setAttribute(attr, tokens.join(' '));
}

function removeToken(el, attr, token) {
  const tokens = (el.getAttribute(attr) || '').split(/\s+/).filter((x) => x && x !== token);
  if (tokens.length) el.setAttribute(attr, tokens.join(' '));
  else el.removeAttribute(attr);
}

/** The visible control for a field name (first radio of a group), or null. */
function controlFor(form, name) {
  if (!name) return null;
  const found = form.elements.namedItem(name);
  if (!found) return null;
  const el = typeof found.length === 'number' && !found.tagName ? found[0] : found;
  return el && el.id && isShown(el) ? el : null;
}

function errorElementFor(control) {
  const id = `${control.name}-error`;
  let p = document.getElementById(id);
  if (!p) {
    p = document.createElement('p');
    p.className = 'field-error';
    p.id = id;
    p.hidden = true;
    (control.closest('.field') || control.parentNode).append(p);
  }
  return p;
}

function labelText(form, control) {
  const label = form.querySelector(`label[for="${CSS.escape(control.id)}"]`);
  return label ? label.textContent.trim() : control.name;
}

/** Removes all error messages and marks from the form. */
export function clearErrors(form) {
  const summary = summaryFor(form);
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }
  for (const p of form.querySelectorAll('.field-error')) {
    p.textContent = '';
    p.hidden = true;
    const control = form.querySelector(`[aria-describedby~="${CSS.escape(p.id)}"]`);
    if (control) removeToken(control, 'aria-describedby', p.id);
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
  }
}

/**
 * Shows a problem (RFC 9457 body, or {errors:[{field,message}]} from client checks):
 * per-field messages, aria-invalid, and a focused error summary linking to the fields.
 */
export function showProblem(form, problem) {
  clearErrors(form);
  const p = problem || {};
  const errors = Array.isArray(p.errors) ? p.errors : [];
  const items = [];

  for (const err of errors) {
    const message = (err && (err.message || err.code)) || t('error.invalid');
    const control = controlFor(form, err && err.field);
    const li = document.createElement('li');
    if (control) {
      const fieldError = errorElementFor(control);
      fieldError.textContent = fieldError.textContent ? `${fieldError.textContent} ${message}` : message;
      fieldError.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      addToken(control, 'aria-describedby', fieldError.id);

      const link = document.createElement('a');
      link.href = `#${control.id}`;
      link.textContent = `${labelText(form, control)}${t('form.labelSep')}${message}`;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        control.focus();
        control.scrollIntoView({ block: 'center' });
      });
      li.append(link);
    } else {
      li.textContent = message;
    }
    items.push(li);
  }

  const summary = summaryFor(form);
  if (!summary) return;
  const heading = document.createElement('h2');
  heading.className = 'error-summary-title';
  heading.setAttribute('data-i18n', 'form.errorTitle'); // re-translated by the language toggle
  heading.textContent = t('form.errorTitle');
  summary.append(heading);
  if (items.length) {
    const list = document.createElement('ul');
    list.append(...items);
    summary.append(list);
  } else {
    const text = document.createElement('p');
    text.textContent = p.detail || p.title || t('error.generic');
    summary.append(text);
  }
  summary.hidden = false;
  summary.focus();
}

/**
 * Client-side minimum checks on visible controls: `required` and `minlength`.
 * Returns a problem-like object {errors:[...]} or null when everything passes.
 */
export function validate(form) {
  const errors = [];
  for (const el of form.elements) {
    if (!el.name || !isShown(el)) continue;
    if (['submit', 'button', 'reset', 'radio', 'checkbox', 'hidden'].includes(el.type)) continue;
    const value = el.type === 'password' ? el.value : el.value.trim();
    if (el.required && value === '') {
      errors.push({ field: el.name, code: 'required', message: t('validation.required') });
    } else if (el.minLength > 0 && value !== '' && value.length < el.minLength) {
      errors.push({ field: el.name, code: 'minLength', message: t('validation.minLength', { n: el.minLength }) });
    }
  }
  return errors.length ? { errors } : null;
}

/** Disables a submit button while a request runs. */
export function setBusy(form, button, busy) {
  form.setAttribute('aria-busy', busy ? 'true' : 'false');
  if (button) button.disabled = busy;
}
