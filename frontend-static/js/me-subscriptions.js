// My Government: the person's subscriptions: list, change frequency, unsubscribe, add.

import { api } from './api.js';
import { currentLang, t } from './i18n.js';
import { el, onLangChange, setBilingual, setText, showAlert } from './inquiry-common.js';

const $ = (id) => document.getElementById(id);
let options = null;

function targetsOf(kind) {
  if (!options) return [];
  if (kind === 'record') return options.recordTypes;
  if (kind === 'disclosure_category') return options.categories;
  if (kind === 'disclosure_department' || kind === 'live_sessions') return options.departments;
  return [];
}

function targetName(sub) {
  const found = targetsOf(sub.kind).find((o) => o.value === sub.target);
  if (!found) return sub.target;
  return currentLang() === 'en' ? found.nameEn : found.nameZh;
}

function frequencySelect(sub) {
  const select = el('select', { attrs: { 'aria-label': t('me.subs.frequencyOf', { name: targetName(sub) }) } },
    ...options.frequencies.map((f) => setText(el('option', { attrs: { value: f } }), `me.subs.frequency.${f}`)));
  select.value = sub.frequency;
  select.addEventListener('change', async () => {
    try {
      await api('PUT', `/api/me/subscriptions/${sub.id}`, { frequency: select.value });
      setText($('subscriptions-status'), 'me.subs.changed');
    } catch (err) {
      select.value = sub.frequency;
      $('subscriptions-status').textContent = err.message;
    }
  });
  return select;
}

function item(sub) {
  const remove = el('button', { className: 'button button-small button-secondary', i18n: 'me.subs.remove',
    attrs: { type: 'button', 'aria-label': t('me.subs.removeLabel', { name: targetName(sub) }) } });
  remove.addEventListener('click', async () => {
    try {
      await api('DELETE', `/api/me/subscriptions/${sub.id}`);
      setText($('subscriptions-status'), 'me.subs.removed');
      await loadList();
    } catch (err) {
      $('subscriptions-status').textContent = err.message;
    }
  });
  return el('li', { className: 'card session-card', attrs: { 'data-subscription-id': sub.id } },
    el('p', { className: 'card-title' }, setText(el('span', { className: 'badge' }), `me.subs.kind.${sub.kind}`), ' ',
      el('span', { text: targetName(sub) })),
    el('p', { className: 'item-actions' }, frequencySelect(sub), ' ', remove));
}

async function loadList() {
  const list = $('subscription-list');
  const subs = await api('GET', '/api/me/subscriptions');
  list.replaceChildren(...subs.map(item));
  if (!subs.length) list.replaceChildren(el('li', { i18n: 'me.subs.empty', className: 'muted' }));
}

function fillTargets() {
  const kind = $('sub-kind').value;
  $('sub-target').replaceChildren(...targetsOf(kind).map((o) => setBilingual(el('option', { attrs: { value: o.value } }),
    o.nameZh, o.nameEn)));
}

async function submit(event) {
  event.preventDefault();
  const error = $('subscription-error');
  showAlert(error, null);
  try {
    await api('POST', '/api/me/subscriptions', {
      kind: $('sub-kind').value, target: $('sub-target').value, frequency: $('sub-frequency').value,
    });
    setText($('subscriptions-status'), 'me.subs.added');
    await loadList();
  } catch (err) {
    showAlert(error, err);
    error.focus();
  }
}

export async function initSubscriptions() {
  try {
    options = await api('GET', '/api/me/subscriptions/options');
  } catch {
    setText($('subscriptions-status'), 'me.loadFailed');
    return;
  }
  // Datasets are followed from their own page (/opendata/dataset.html, "订阅更新"), not chosen from a list here.
  $('sub-kind').replaceChildren(...options.kinds.filter((k) => k !== 'dataset')
    .map((k) => setText(el('option', { attrs: { value: k } }), `me.subs.kind.${k}`)));
  $('sub-frequency').replaceChildren(...options.frequencies.map((f) => setText(el('option', { attrs: { value: f } }),
    `me.subs.frequency.${f}`)));
  $('sub-kind').addEventListener('change', fillTargets);
  fillTargets();
  $('subscription-form').addEventListener('submit', submit);
  onLangChange(() => loadList().catch(() => {}));
  try {
    await loadList();
  } catch {
    setText($('subscriptions-status'), 'me.loadFailed');
  }
}
