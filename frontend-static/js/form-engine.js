// The general form engine: draws any application form definition (sections, every field type,
// options, conditional visibility, materials with uploads), reads its values, checks them with
// the same rules as the server (form-engine-rules.js) and puts the server's problem+json field
// errors onto the fields they name. Also draws a submitted form read-only.

import './servicehall-i18n.js';
import { currentLang, t } from './i18n.js';
import {
  acceptOf, fileProblem, formatBytes, isEmpty, typesText, validateData, visibility,
} from './form-engine-rules.js';

export * from './form-engine-rules.js';

function make(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

/** The text of a {zh, en} label (a plain string is used as is) in the current language. */
export function localized(label) {
  if (label === null || label === undefined) return '';
  if (typeof label === 'string') return label;
  return currentLang() === 'en' ? (label.en || label.zh || '') : (label.zh || label.en || '');
}

/** A node showing a {zh, en} label that the language toggle re-translates (see relocalize). */
export function labelNode(tag, label, attrs = {}) {
  const node = make(tag, attrs);
  const zh = typeof label === 'string' ? label : (label && (label.zh || label.en)) || '';
  const en = typeof label === 'string' ? label : (label && (label.en || label.zh)) || '';
  node.setAttribute('data-zh', zh);
  node.setAttribute('data-en', en);
  node.textContent = currentLang() === 'en' ? en : zh;
  return node;
}

function textWithVars(tag, key, vars, attrs = {}) {
  const node = make(tag, attrs);
  node.setAttribute('data-t', key);
  node.setAttribute('data-t-vars', JSON.stringify(vars || {}));
  node.textContent = t(key, vars);
  return node;
}

/** A label or legend: the translatable text, then a "*" for required items (announced through the control's required state). */
function labelWithMark(tag, label, required, attrs = {}) {
  const node = make(tag, attrs, labelNode('span', label));
  if (required) node.append(make('span', { className: 'fe-required', 'aria-hidden': 'true', text: ` ${t('fe.required')}` }));
  return node;
}

function safeId(name) {
  return String(name).replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The message for a problem code: the server's own message when it sent one, else ours. */
export function messageFor(code, vars, serverMessage) {
  if (serverMessage && !/^[\w.]+$/.test(serverMessage)) return serverMessage;
  const key = `fe.err.${code}`;
  const text = t(key, vars);
  return text === key ? (serverMessage || t('error.invalid')) : text;
}

/** Which material a server field name points at ("materials.x", "materials[x]", "material:x", or the bare code). */
function materialOf(definition, field) {
  const codes = new Set((definition.materials || []).map((m) => m.code));
  const m = String(field || '').match(/^materials?(?:\.|\[|:|\/)([^\]]+)\]?$/);
  if (m && codes.has(m[1])) return m[1];
  const fieldNames = new Set((definition.fields || []).map((f) => f.name));
  return !fieldNames.has(field) && codes.has(field) ? field : null;
}

/** Server field names may address data ("data.x", "data[x]"); the field is x. */
function fieldOf(field) {
  const m = String(field || '').match(/^data(?:\.|\[)([^\]]+)\]?$/);
  return m ? m[1] : String(field || '');
}

/**
 * Draws a definition into `container` (inside a <form novalidate>), with the error summary in
 * `summary`. Options: data (initial values), uploads (files already uploaded:
 * {id, materialCode, fileName, size}), upload(code, file, onPercent) → Promise of the stored
 * file, remove(file) → Promise, downloadHref(file) → URL, editable (default true).
 */
export class FormEngine {
  constructor(container, summary, definition, options = {}) {
    this.container = container;
    this.summary = summary;
    this.definition = definition || {};
    this.options = options;
    this.uploads = Array.isArray(options.uploads) ? options.uploads.slice() : [];
    this.editable = options.editable !== false;
    this.render(options.data || {});
  }

  render(data) {
    const def = this.definition;
    const sections = Array.isArray(def.sections) ? def.sections : [];
    const groups = new Map(sections.map((s) => [s.id, []]));
    const loose = [];
    for (const field of def.fields || []) {
      (groups.has(field.section) ? groups.get(field.section) : loose).push(this.fieldNode(field, data[field.name]));
    }
    const parts = [];
    for (const s of sections) {
      const nodes = groups.get(s.id);
      if (!nodes.length) continue;
      parts.push(make('fieldset', { className: 'fe-section', 'data-section': s.id },
        labelNode('legend', s.title, { className: 'fe-section-title' }), ...nodes));
    }
    if (loose.length) {
      parts.push(sections.length
        ? make('fieldset', { className: 'fe-section' }, make('legend', { className: 'fe-section-title', 'data-i18n': 'fe.otherSection', text: t('fe.otherSection') }), ...loose)
        : make('div', { className: 'fe-section fe-plain' }, ...loose));
    }
    const materials = def.materials || [];
    if (materials.length) {
      parts.push(make('fieldset', { className: 'fe-section fe-materials' },
        make('legend', { className: 'fe-section-title', 'data-i18n': 'sh.apply.materialsHeading', text: t('sh.apply.materialsHeading') }),
        make('p', { className: 'form-note', 'data-i18n': 'sh.apply.materialsIntro', text: t('sh.apply.materialsIntro') }),
        ...materials.map((m) => this.materialNode(m))));
    }
    this.container.replaceChildren(...parts);
    this.container.addEventListener('input', () => this.refresh());
    this.container.addEventListener('change', () => this.refresh());
    this.refresh();
  }

  fieldNode(field, value) {
    const id = `fe-${safeId(field.name)}`;
    const hintId = field.help ? `${id}-hint` : null;
    const hint = field.help ? labelNode('p', field.help, { className: 'field-hint', id: hintId }) : null;
    const common = { id, name: field.name, 'aria-describedby': hintId, required: Boolean(field.required), disabled: !this.editable };
    let wrapper;
    switch (field.type) {
      case 'radio':
      case 'multiselect': {
        const type = field.type === 'radio' ? 'radio' : 'checkbox';
        const chosen = Array.isArray(value) ? value.map(String) : [String(value ?? '')];
        const items = (field.options || []).map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${i}`;
          // A required radio group is announced from its radios; a checkbox marked required would mean "tick this one".
          const input = make('input', { type, id: optionId, name: field.name, value: o.value, disabled: !this.editable,
            checked: chosen.includes(String(o.value)), required: type === 'radio' && Boolean(field.required),
            'aria-describedby': i === 0 ? hintId : null });
          return make('div', { className: 'radio' }, input, labelNode('label', o.label, { for: optionId }));
        });
        const legend = labelWithMark('legend', field.label, field.required);
        wrapper = make('fieldset', { className: 'field kind-choice fe-group' },
          legend, hint, make('div', { className: 'radio-row' }, ...items));
        break;
      }
      case 'checkbox': {
        const input = make('input', { ...common, type: 'checkbox', checked: value === true });
        const label = labelWithMark('label', field.label, field.required, { for: id });
        wrapper = make('div', { className: 'field fe-checkbox' }, make('div', { className: 'checkbox-field' }, input, label), hint);
        break;
      }
      default: {
        const label = labelWithMark('label', field.label, field.required, { for: id });
        wrapper = make('div', { className: 'field' }, label, hint, this.control(field, value, common));
      }
    }
    wrapper.classList.add('fe-field');
    wrapper.setAttribute('data-field', field.name);
    wrapper.setAttribute('data-type', field.type);
    return wrapper;
  }

  control(field, value, common) {
    const v = value === undefined || value === null ? '' : String(value);
    switch (field.type) {
      case 'textarea':
        return make('textarea', { ...common, rows: 4 }, v);
      case 'number':
        return make('input', { ...common, type: 'number', value: v, min: field.min, max: field.max,
          step: field.integer ? '1' : 'any', inputmode: field.integer ? 'numeric' : 'decimal' });
      case 'date': {
        const bound = (b) => (b === 'today' ? null : b);
        return make('input', { ...common, type: 'date', value: v, min: bound(field.min), max: bound(field.max) });
      }
      case 'select': {
        const select = make('select', common,
          make('option', { value: '', 'data-i18n': 'fe.choose', text: t('fe.choose') }),
          ...(field.options || []).map((o) => labelNode('option', o.label, { value: o.value })));
        select.value = v;
        return select;
      }
      case 'mobile':
        return make('input', { ...common, type: 'tel', value: v, inputmode: 'numeric', autocomplete: 'tel-national' });
      case 'email':
        return make('input', { ...common, type: 'email', value: v, autocomplete: 'email' });
      case 'idNumber':
      case 'creditCode':
        return make('input', { ...common, type: 'text', value: v, autocomplete: 'off', spellcheck: 'false', class: 'fe-code' });
      default:
        return make('input', { ...common, type: 'text', value: v });
    }
  }

  materialNode(material) {
    const id = `fe-material-${safeId(material.code)}`;
    const hintId = `${id}-hint`;
    const label = labelWithMark('label', material.name, material.required, { for: id });
    const hint = textWithVars('p', 'fe.file.allowed',
      { types: typesText(material), max: formatBytes(material.maxBytes || 0) }, { className: 'field-hint', id: hintId });
    if (!material.maxBytes) hint.textContent = typesText(material);
    const input = make('input', { type: 'file', id, name: `material:${material.code}`, accept: acceptOf(material) || null,
      'aria-describedby': `${hintId} ${id}-status`, required: Boolean(material.required), disabled: !this.editable });
    const progress = make('progress', { className: 'fe-progress', max: '100', value: '0', hidden: true, 'aria-labelledby': `${id}-status` });
    const status = make('p', { className: 'fe-upload-status', id: `${id}-status`, role: 'status' });
    const list = make('ul', { className: 'fe-files', 'data-files-for': material.code });
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      if (file) this.uploadFile(material, file, { input, progress, status });
    });
    const wrapper = make('div', { className: 'field fe-material', 'data-material': material.code },
      label, hint, input, progress, status, list);
    this.renderFiles(material.code, list);
    return wrapper;
  }

  renderFiles(code, list = this.container.querySelector(`[data-files-for="${CSS.escape(code)}"]`)) {
    if (!list) return;
    const files = this.uploads.filter((u) => u.materialCode === code);
    if (!files.length) {
      list.replaceChildren(make('li', { className: 'muted', 'data-i18n': 'fe.file.none', text: t('fe.file.none') }));
      return;
    }
    list.replaceChildren(...files.map((f) => {
      const href = this.options.downloadHref ? this.options.downloadHref(f) : null;
      const name = href ? make('a', { href, download: f.fileName, text: f.fileName, className: 'fe-file-name' })
        : make('span', { className: 'fe-file-name', text: f.fileName });
      const item = make('li', { 'data-upload-id': f.id }, name, ' ', make('span', { className: 'muted', text: `(${formatBytes(f.size)})` }));
      if (this.editable && this.options.remove) {
        const remove = textWithVars('button', 'fe.file.remove', { name: f.fileName },
          { type: 'button', className: 'button button-small button-secondary fe-remove' });
        remove.addEventListener('click', () => this.removeFile(f, remove));
        item.append(' ', remove);
      }
      return item;
    }));
  }

  async uploadFile(material, file, { input, progress, status }) {
    this.clearOne(input);
    const problem = fileProblem(material, file);
    if (problem) {
      this.markError(input, messageFor(problem.code, problem.vars));
      input.value = '';
      return;
    }
    if (!this.options.upload) return;
    input.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    const show = (percent) => {
      progress.value = percent;
      status.textContent = t('fe.file.uploading', { name: file.name, percent });
    };
    show(0);
    try {
      const stored = await this.options.upload(material.code, file, show);
      this.uploads.push(stored);
      this.renderFiles(material.code);
      status.textContent = t('fe.file.uploaded', { name: file.name });
    } catch (err) {
      const p = (err && err.problem) || {};
      const reason = Array.isArray(p.errors) && p.errors.length
        ? p.errors.map((e) => messageFor(e.code, null, e.message)).join(' ') : (p.detail || p.title || t('error.generic'));
      status.textContent = '';
      this.markError(input, t('fe.file.failed', { name: file.name, reason }));
    } finally {
      progress.hidden = true;
      input.value = '';
      input.disabled = !this.editable;
    }
  }

  async removeFile(file, button) {
    button.disabled = true;
    try {
      await this.options.remove(file);
      this.uploads = this.uploads.filter((u) => u.id !== file.id);
      this.renderFiles(file.materialCode);
      const input = this.container.querySelector(`#fe-material-${CSS.escape(safeId(file.materialCode))}`);
      if (input) input.focus();
    } catch (err) {
      button.disabled = false;
      const input = this.container.querySelector(`#fe-material-${CSS.escape(safeId(file.materialCode))}`);
      if (input) this.markError(input, (err && err.message) || t('error.generic'));
    }
  }

  /** The value of each field as typed (hidden ones too); a number that is not one reads as "?". */
  rawData() {
    const data = {};
    for (const field of this.definition.fields || []) {
      const nodes = [...this.container.querySelectorAll(`[name="${CSS.escape(field.name)}"]`)];
      const first = nodes[0];
      if (!first) continue;
      switch (field.type) {
        case 'checkbox': data[field.name] = first.checked; break;
        case 'multiselect': data[field.name] = nodes.filter((n) => n.checked).map((n) => n.value); break;
        case 'radio': data[field.name] = (nodes.find((n) => n.checked) || { value: '' }).value; break;
        case 'number':
          data[field.name] = first.validity.badInput ? '?' : (first.value.trim() === '' ? '' : Number(first.value));
          break;
        case 'idNumber':
        case 'creditCode': data[field.name] = first.value.trim().toUpperCase(); break;
        case 'textarea': data[field.name] = first.value; break;
        default: data[field.name] = first.value.trim();
      }
    }
    return data;
  }

  /** What is sent: visible fields only, empty values and numbers that are not numbers left out. */
  data() {
    const raw = this.rawData();
    const shown = visibility(this.definition, raw).fields;
    const out = {};
    for (const field of this.definition.fields || []) {
      const value = raw[field.name];
      if (!shown.has(field.name) || isEmpty(value)) continue;
      if (field.type === 'number' && !Number.isFinite(value)) continue;
      if (field.type === 'checkbox' && value !== true) continue;
      out[field.name] = value;
    }
    return out;
  }

  /** Shows and enables what the current values make visible; hidden controls are disabled, so they are skipped. */
  refresh() {
    const shown = visibility(this.definition, this.rawData());
    for (const node of this.container.querySelectorAll('[data-field]')) {
      const visible = shown.fields.has(node.getAttribute('data-field'));
      node.hidden = !visible;
      for (const control of node.querySelectorAll('input, select, textarea')) control.disabled = !visible || !this.editable;
    }
    for (const node of this.container.querySelectorAll('[data-material]')) {
      const visible = shown.materials.has(node.getAttribute('data-material'));
      node.hidden = !visible;
      const input = node.querySelector('input[type="file"]');
      if (input) input.disabled = !visible || !this.editable;
    }
    return shown;
  }

  uploadedCodes() {
    return new Set(this.uploads.map((u) => u.materialCode));
  }

  /**
   * Checks the form: everything (requireAll, before submitting) or only the values given (a
   * draft). Shows the problems and returns whether there were none.
   */
  check({ requireAll = true } = {}) {
    const problems = validateData(this.definition, this.rawData(), { requireAll, uploaded: requireAll ? this.uploadedCodes() : null });
    const errors = problems.map((p) => ({
      field: p.material ? `materials.${p.material}` : p.field, code: p.code, message: messageFor(p.code, p.vars),
    }));
    if (errors.length) this.showProblem({ errors });
    else this.clearErrors();
    return errors.length === 0;
  }

  controlFor(name) {
    const control = this.container.querySelector(`#fe-${CSS.escape(safeId(name))}`);
    return control && !control.closest('[hidden]') ? control : null;
  }

  errorNodeFor(control) {
    const id = `${control.id}-error`;
    let node = document.getElementById(id);
    if (!node) {
      node = make('p', { className: 'field-error', id, hidden: true });
      control.closest('.field').append(node);
    }
    return node;
  }

  markError(control, message) {
    const node = this.errorNodeFor(control);
    node.textContent = node.hidden || !node.textContent ? message : `${node.textContent} ${message}`;
    node.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    const described = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (!described.includes(node.id)) control.setAttribute('aria-describedby', [...described, node.id].join(' '));
  }

  clearOne(control) {
    const node = document.getElementById(`${control.id}-error`);
    if (node) {
      node.textContent = '';
      node.hidden = true;
      const described = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter((x) => x && x !== node.id);
      if (described.length) control.setAttribute('aria-describedby', described.join(' '));
      else control.removeAttribute('aria-describedby');
    }
    control.removeAttribute('aria-invalid');
  }

  clearErrors() {
    for (const control of this.container.querySelectorAll('[aria-invalid]')) this.clearOne(control);
    if (this.summary) {
      this.summary.hidden = true;
      this.summary.replaceChildren();
    }
  }

  /** The visible control and the label a server field name refers to, or null. */
  target(serverField) {
    const material = materialOf(this.definition, serverField);
    if (material) {
      const control = this.container.querySelector(`#fe-material-${CSS.escape(safeId(material))}`);
      return control && !control.closest('[hidden]') ? { control, label: control.closest('.field').querySelector('label') } : null;
    }
    const control = this.controlFor(fieldOf(serverField));
    if (!control) return null;
    const group = control.closest('fieldset.fe-group');
    return { control, label: group ? group.querySelector('legend') : control.closest('.field').querySelector(`label[for="${CSS.escape(control.id)}"]`) };
  }

  /** Shows a problem+json body (or {errors}) on the fields it names and in the focused summary. */
  showProblem(problem) {
    this.clearErrors();
    const p = problem || {};
    const errors = Array.isArray(p.errors) ? p.errors : [];
    const items = errors.map((e) => {
      const message = messageFor(e.code, null, e.message);
      const found = this.target(e.field);
      if (!found) return make('li', { text: message });
      this.markError(found.control, message);
      const link = make('a', { href: `#${found.control.id}`,
        text: `${found.label ? found.label.textContent.replace(/\s*\*$/, '').trim() : e.field}${t('form.labelSep')}${message}` });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        found.control.focus();
        found.control.scrollIntoView({ block: 'center' });
      });
      return make('li', {}, link);
    });
    if (!this.summary) return;
    const heading = make('h2', { className: 'error-summary-title', 'data-i18n': 'form.errorTitle', text: t('form.errorTitle') });
    const body = items.length ? make('ul', {}, ...items) : make('p', { text: p.detail || p.title || t('error.generic') });
    this.summary.replaceChildren(heading, body);
    this.summary.hidden = false;
    this.summary.focus();
  }
}

/**
 * Starts an engine. Fields are checked when the form is saved or sent, not as each is left: a
 * message appearing on blur moves what is below it while the pointer is on its way there, so a
 * click would land on the wrong thing. A field's message goes as soon as its value is changed.
 */
export function createFormEngine(container, summary, definition, options) {
  const engine = new FormEngine(container, summary, definition, options);
  const changed = (event) => {
    const name = event.target && event.target.name;
    if (!name || name.startsWith('material:')) return;
    const control = engine.controlFor(name);
    if (control && control.getAttribute('aria-invalid')) engine.clearOne(control);
  };
  container.addEventListener('input', changed);
  container.addEventListener('change', changed);
  return engine;
}

function answerText(field, value) {
  if (field.type === 'checkbox') return value === true ? t('fe.yes') : t('fe.no');
  const options = new Map((field.options || []).map((o) => [String(o.value), o.label]));
  if (field.type === 'multiselect' && Array.isArray(value)) return value.map((v) => localized(options.get(String(v)) || v)).join('、');
  if ((field.type === 'select' || field.type === 'radio') && options.has(String(value))) return null;
  return String(value);
}

/** A submitted form, read-only: per section a list of the visible fields with their answers. */
export function renderAnswers(definition, data) {
  const def = definition || {};
  const values = data || {};
  const shown = visibility(def, values).fields;
  const sections = Array.isArray(def.sections) ? def.sections : [];
  const known = new Set(sections.map((s) => s.id));
  const groups = [...sections.map((s) => ({ title: s.title, ids: s.id })), { title: null, ids: null }];
  const out = make('div', { className: 'fe-answers' });
  for (const group of groups) {
    const fields = (def.fields || []).filter((f) => shown.has(f.name)
      && (group.ids === null ? !known.has(f.section) : f.section === group.ids));
    if (!fields.length) continue;
    const list = make('dl', { className: 'profile-list' });
    for (const field of fields) {
      const value = values[field.name];
      let dd;
      if (isEmpty(value) && field.type !== 'checkbox') dd = make('dd', { className: 'muted', 'data-i18n': 'fe.empty', text: t('fe.empty') });
      else {
        const text = answerText(field, value);
        const option = (field.options || []).find((o) => String(o.value) === String(value));
        dd = text === null && option ? labelNode('dd', option.label) : make('dd', { text });
      }
      list.append(make('div', { className: 'profile-row', 'data-answer': field.name }, labelNode('dt', field.label), dd));
    }
    if (group.title) out.append(labelNode('h3', group.title, { className: 'fe-answers-title' }));
    out.append(list);
  }
  return out;
}
