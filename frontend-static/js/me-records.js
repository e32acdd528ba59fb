// My Government: personal records of one type at a time, from the department system holding them.

import { api, ApiError } from './api.js';
import { currentLang, t } from './i18n.js';
import { el, setBilingual, setText } from './inquiry-common.js';

const $ = (id) => document.getElementById(id);
let types = [];

function recordRow(r) {
  const status = setText(el('span', { className: 'badge' }), `me.records.status.${r.status}`);
  if (status.textContent === `me.records.status.${r.status}`) status.textContent = r.status || '';
  return el('tr', {},
    el('th', { attrs: { scope: 'row' }, text: r.title || '' }),
    el('td', { text: r.period || '' }),
    el('td', { text: r.amount || '' }),
    el('td', {}, status),
    el('td', { text: r.issuedAt || '' }),
    el('td', { text: r.detail || '' }));
}

function nameOf(type) {
  return currentLang() === 'en' ? type.nameEn : type.nameZh;
}

async function show(code) {
  const type = types.find((x) => x.code === code);
  if (!type) return;
  const table = $('records-table');
  const error = $('records-error');
  error.hidden = true;
  table.hidden = true;
  $('records-demo').hidden = true;
  setText($('records-status'), 'me.records.loading');
  try {
    const result = await api('GET', `/api/me/records/${encodeURIComponent(code)}`);
    const records = Array.isArray(result.records) ? result.records : [];
    $('records-body').replaceChildren(...records.map(recordRow));
    setBilingual($('records-caption'), type.nameZh + (result.demo ? '（演示数据）' : ''),
      type.nameEn + (result.demo ? ' (demo data)' : ''));
    $('records-demo').hidden = !result.demo;
    table.hidden = records.length === 0;
    setText($('records-status'), records.length ? 'me.records.count' : 'me.records.empty',
      { name: nameOf(type), count: records.length, holder: type.holder });
  } catch (err) {
    $('records-status').textContent = '';
    $('records-status').removeAttribute('data-t');
    if (err instanceof ApiError && err.status === 503) setText(error, 'me.records.unavailable');
    else error.textContent = err.message || t('me.loadFailed');
    error.hidden = false;
  }
}

export async function initRecords() {
  const select = $('record-type');
  try {
    types = await api('GET', '/api/me/records');
  } catch {
    setText($('records-status'), 'me.loadFailed');
    return;
  }
  select.replaceChildren(...types.map((type) => setBilingual(el('option', { attrs: { value: type.code } }),
    type.nameZh + (type.demo ? '（演示数据）' : ''), type.nameEn + (type.demo ? ' (demo data)' : ''))));
  const wanted = new URLSearchParams(window.location.search).get('record');
  if (wanted && types.some((x) => x.code === wanted)) select.value = wanted;
  select.addEventListener('change', () => show(select.value));
  if (types.length) show(select.value);
}
