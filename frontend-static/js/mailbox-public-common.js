// Shared pieces of the mailbox's public pages: the department and kind filters, the month and
// number formats of the figures, and filters kept in the address bar.

import './mailbox-public-i18n.js';
import { api } from './api.js';
import { currentLang, t } from './i18n.js';
import { el, setBilingual } from './inquiry-common.js';
import { KINDS } from './mailbox-common.js';

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DEPARTMENT = /^[A-Za-z0-9_-]{1,64}$/;

/** Fills a department <select> (values are department codes) from /api/departments. */
export async function fillDepartments(select, selected) {
  let departments = [];
  try {
    departments = await api('GET', '/api/departments');
  } catch {
    return; // the filter keeps "all departments"
  }
  select.append(...(Array.isArray(departments) ? departments : []).map((d) => {
    const option = setBilingual(el('option', { attrs: { value: d.code } }), d.nameZh, d.nameEn);
    if (d.code === selected) option.selected = true;
    return option;
  }));
}

/** Fills a kind <select> with the five kinds of letter. */
export function fillKinds(select, selected) {
  select.append(...KINDS.map((k) => {
    const option = el('option', { i18n: `mbox.kind.${k}`, attrs: { value: k } });
    if (k === selected) option.selected = true;
    return option;
  }));
}

/** A rate from 0 to 1 as a percentage; a dash when there is none. */
export function percent(rate) {
  if (rate === null || rate === undefined) return t('mpub.none');
  return new Intl.NumberFormat(currentLang(), { style: 'percent', maximumFractionDigits: 1 }).format(Number(rate));
}

/** A decimal figure (average days, satisfaction, score); a dash when there is none. */
export function decimal(value, digits = 2) {
  if (value === null || value === undefined) return t('mpub.none');
  return new Intl.NumberFormat(currentLang(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(Number(value));
}

export function count(n) {
  return new Intl.NumberFormat(currentLang()).format(Number(n) || 0);
}

/** The query parameter when it matches the pattern, else ''. */
export function param(query, name, pattern) {
  const value = query.get(name) || '';
  return pattern.test(value) ? value : '';
}
