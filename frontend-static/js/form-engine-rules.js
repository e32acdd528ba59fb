// The rules of an application form definition, without the DOM (form-engine.js draws the form):
// which fields and materials are visible, what a field's value must look like, and which files a
// material accepts. They mirror the server's checks (which stay authoritative) so that a person
// sees the same message before sending; the ID-number and credit-code checks follow the server's
// account/identity ResidentIdNumber and CreditCode rule for rule.

export const FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'select', 'radio', 'multiselect', 'checkbox',
  'idNumber', 'creditCode', 'mobile', 'email'];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
/** The server's limits for text without a maxLength of its own. */
const DEFAULT_MAX = { text: 200, textarea: 2000 };

/** The calendar day in China ("YYYY-MM-DD"): the day the server's Clock decides by. */
export function chinaToday(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now);
}

function isRealDate(y, m, d) {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function provinceKnown(code) {
  return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) || (code >= 31 && code <= 37)
    || (code >= 41 && code <= 46) || (code >= 50 && code <= 54) || (code >= 61 && code <= 65)
    || code === 71 || code === 81 || code === 82 || code === 83;
}

/**
 * The first rule an 18-character resident ID number (GB 11643) breaks: 'format', 'region',
 * 'birthDate' or 'checkDigit'; null when valid. White space around it and a lower-case x pass.
 */
export function idNumberProblem(value, today = chinaToday()) {
  const n = String(value ?? '').trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(n)) return 'format';
  if (!provinceKnown(Number(n.slice(0, 2)))) return 'region';
  const y = Number(n.slice(6, 10));
  const m = Number(n.slice(10, 12));
  const d = Number(n.slice(12, 14));
  const birth = n.slice(6, 10) + '-' + n.slice(10, 12) + '-' + n.slice(12, 14);
  if (!isRealDate(y, m, d) || birth < '1900-01-01' || birth > today) return 'birthDate';
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(n[i]) * ID_WEIGHTS[i];
  return n[17] === ID_CHECK[sum % 11] ? null : 'checkDigit';
}

export function isValidIdNumber(value, today = chinaToday()) {
  return idNumberProblem(value, today) === null;
}

/** The first rule an 18-character unified social credit code (GB 32100) breaks: 'format' or 'checkCharacter'; null when valid. */
export function creditCodeProblem(value) {
  const c = String(value ?? '').trim().toUpperCase();
  if (c.length !== 18) return 'format';
  for (let i = 0; i < 18; i += 1) {
    const inDivision = i >= 2 && i < 8;
    if (inDivision ? !/[0-9]/.test(c[i]) : CODE_ALPHABET.indexOf(c[i]) < 0) return 'format';
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CODE_ALPHABET.indexOf(c[i]) * CODE_WEIGHTS[i];
  return c[17] === CODE_ALPHABET[(31 - (sum % 31)) % 31] ? null : 'checkCharacter';
}

export function isValidCreditCode(value) {
  return creditCodeProblem(value) === null;
}

/** Whether a value counts as not given: absent, blank, false for a checkbox, or an empty list. */
export function isEmpty(value) {
  return value === undefined || value === null || value === false
    || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Whether a visibleWhen rule holds for the value of the field it names (any element, for a list). */
function matches(rule, value) {
  if (value === undefined) return false;
  const wanted = Array.isArray(rule.in) ? rule.in : [rule.equals];
  const given = Array.isArray(value) ? value : [value];
  return given.some((v) => wanted.includes(v));
}

/**
 * The names of the visible fields and codes of the visible materials for these data, decided as
 * the server does: in definition order, a rule looks at the fields kept so far — earlier, visible,
 * given and valid — so a rule on a later, hidden, empty or wrong field is false.
 */
export function visibility(definition, data, { today = chinaToday() } = {}) {
  const kept = {};
  const shownFields = new Set();
  for (const field of definition.fields || []) {
    const rule = field.visibleWhen;
    if (rule && !matches(rule, kept[rule.field])) continue;
    shownFields.add(field.name);
    const value = data[field.name];
    if (!isEmpty(value) && fieldProblems(field, value, { today, requireAll: false }).length === 0) kept[field.name] = value;
  }
  const shownMaterials = new Set((definition.materials || [])
    .filter((m) => !m.visibleWhen || matches(m.visibleWhen, kept[m.visibleWhen.field]))
    .map((m) => m.code));
  return { fields: shownFields, materials: shownMaterials };
}

/** The data with hidden and empty fields left out, as the server keeps them. */
export function visibleData(definition, data) {
  const { fields } = visibility(definition, data);
  const out = {};
  for (const name of fields) if (!isEmpty(data[name])) out[name] = data[name];
  return out;
}

/**
 * A Java pattern as a JavaScript one with Java's whole-value matching, or null when it uses
 * something JavaScript lacks (the server still checks it then). Covers the script classes
 * definitions use, e.g. \p{IsHan}.
 */
export function javaPattern(source) {
  if (typeof source !== 'string' || !source) return null;
  const translated = source
    .replace(/\\p\{Is(Alphabetic|Letter|Digit|WhiteSpace|Uppercase|Lowercase)\}/g, (m, p) => `\\p{${p === 'Letter' ? 'L' : p === 'Digit' ? 'Nd' : p === 'WhiteSpace' ? 'White_Space' : p}}`)
    .replace(/\\p\{Is(\w+)\}/g, '\\p{Script=$1}')
    .replace(/\\p\{In(\w+)\}/g, '\\p{Script=$1}');
  try {
    return new RegExp(`^(?:${translated})$`, 'u');
  } catch {
    return null;
  }
}

function codePoints(text) {
  return [...String(text)].length;
}

function resolveDate(bound, today) {
  if (bound === 'today') return today;
  return typeof bound === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(bound) ? bound : null;
}

function optionValues(field) {
  return (field.options || []).map((o) => String(o.value));
}

/**
 * The problems of one field's value: [{code, vars}] (codes as in the fe.err.* texts). With
 * requireAll false, as for a draft, a missing value is no problem but a wrong one is.
 */
export function fieldProblems(field, value, { today = chinaToday(), requireAll = true } = {}) {
  if (isEmpty(value)) {
    if (!requireAll || !field.required) return [];
    if (field.type === 'checkbox') return [{ code: 'requiredCheck' }];
    if (['select', 'radio', 'multiselect'].includes(field.type)) return [{ code: 'requiredChoice' }];
    return [{ code: 'required' }];
  }
  const text = typeof value === 'string' ? value.trim() : value;
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const out = [];
      if (typeof text !== 'string') return [{ code: 'pattern' }];
      if (field.minLength && codePoints(text) < field.minLength) out.push({ code: 'minLength', vars: { n: field.minLength } });
      const max = field.maxLength || DEFAULT_MAX[field.type];
      if (codePoints(text) > max) out.push({ code: 'maxLength', vars: { n: max } });
      const re = javaPattern(field.pattern);
      if (!out.length && re && !re.test(text)) out.push({ code: 'pattern' });
      return out;
    }
    case 'number': {
      const n = typeof value === 'number' ? value : Number(text);
      if (typeof text === 'string' && text === '') return [{ code: 'number' }];
      if (!Number.isFinite(n)) return [{ code: 'number' }];
      if (field.integer && !Number.isInteger(n)) return [{ code: 'integer' }];
      if (field.min !== undefined && field.min !== null && n < field.min) return [{ code: 'min', vars: { n: field.min } }];
      if (field.max !== undefined && field.max !== null && n > field.max) return [{ code: 'max', vars: { n: field.max } }];
      return [];
    }
    case 'date': {
      if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)
        || !isRealDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)))) return [{ code: 'date' }];
      const min = resolveDate(field.min, today);
      const max = resolveDate(field.max, today);
      if (min && text < min) return [{ code: 'dateMin', vars: { d: min } }];
      if (max && text > max) return [{ code: 'dateMax', vars: { d: max } }];
      return [];
    }
    case 'select':
    case 'radio':
      return optionValues(field).includes(String(text)) ? [] : [{ code: 'option' }];
    case 'multiselect': {
      const allowed = optionValues(field);
      return Array.isArray(value) && value.every((v) => allowed.includes(String(v))) ? [] : [{ code: 'option' }];
    }
    case 'checkbox':
      return typeof value === 'boolean' ? [] : [{ code: 'option' }];
    case 'idNumber':
      return isValidIdNumber(text, today) ? [] : [{ code: 'idNumber' }];
    case 'creditCode':
      return isValidCreditCode(text) ? [] : [{ code: 'creditCode' }];
    case 'mobile':
      return MOBILE.test(text) ? [] : [{ code: 'mobile' }];
    case 'email':
      return EMAIL.test(text) && codePoints(text) <= 254 ? [] : [{ code: 'email' }];
    default:
      return [];
  }
}

/**
 * Every problem of the data under a definition: [{field, code, vars}], visible fields only, in
 * definition order. Materials are checked against `uploaded` (material codes with at least one
 * file) when given: a required visible material without a file is {material, code:'materialRequired'}.
 */
export function validateData(definition, data, { today = chinaToday(), requireAll = true, uploaded = null } = {}) {
  const shown = visibility(definition, data, { today });
  const problems = [];
  for (const field of definition.fields || []) {
    if (!shown.fields.has(field.name)) continue;
    for (const p of fieldProblems(field, data[field.name], { today, requireAll })) problems.push({ field: field.name, ...p });
  }
  if (requireAll && uploaded) {
    for (const m of definition.materials || []) {
      if (m.required && shown.materials.has(m.code) && !uploaded.has(m.code)) {
        problems.push({ material: m.code, code: 'materialRequired' });
      }
    }
  }
  return problems;
}

const FILE_KINDS = {
  pdf: { mime: ['application/pdf'], ext: ['pdf'] },
  jpeg: { mime: ['image/jpeg'], ext: ['jpg', 'jpeg'] },
  jpg: { mime: ['image/jpeg'], ext: ['jpg', 'jpeg'] },
  png: { mime: ['image/png'], ext: ['png'] },
  gif: { mime: ['image/gif'], ext: ['gif'] },
  webp: { mime: ['image/webp'], ext: ['webp'] },
  ofd: { mime: ['application/ofd'], ext: ['ofd'] },
  doc: { mime: ['application/msword'], ext: ['doc'] },
  docx: { mime: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'], ext: ['docx'] },
  xlsx: { mime: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], ext: ['xlsx'] },
};

function kindsOf(material) {
  return (Array.isArray(material.types) ? material.types : []).map((k) => String(k).toLowerCase());
}

/** The accept attribute of a material's file input. */
export function acceptOf(material) {
  const parts = [];
  for (const k of kindsOf(material)) {
    const kind = FILE_KINDS[k] || { mime: [], ext: [k] };
    parts.push(...kind.mime, ...kind.ext.map((e) => `.${e}`));
  }
  return [...new Set(parts)].join(',');
}

/** "PDF、JPEG、PNG": the kinds a material accepts, for messages. */
export function typesText(material, separator = '、') {
  return kindsOf(material).map((k) => k.toUpperCase()).join(separator);
}

export function formatBytes(bytes) {
  const n = Number(bytes) || 0;
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}

/**
 * The pre-check of a chosen file against its material: {code, vars} or null. By name and the
 * browser's type only; the server looks at the file's bytes.
 */
export function fileProblem(material, file) {
  const kinds = kindsOf(material);
  if (kinds.length) {
    const ext = (String(file.name || '').match(/\.([^.]+)$/) || [])[1];
    const lowerExt = ext ? ext.toLowerCase() : '';
    const ok = kinds.some((k) => {
      const kind = FILE_KINDS[k] || { mime: [], ext: [k] };
      return kind.ext.includes(lowerExt) || (lowerExt === '' && kind.mime.includes(file.type));
    });
    if (!ok) return { code: 'fileType', vars: { types: typesText(material) } };
  }
  if (!file.size) return { code: 'fileEmpty' };
  if (material.maxBytes && file.size > material.maxBytes) return { code: 'fileSize', vars: { max: formatBytes(material.maxBytes) } };
  return null;
}
