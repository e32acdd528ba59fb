// A department's disclosure page: its disclosure guide (指南) and its catalogue (目录), newest
// first, filtered by category and paged by the API's keyset cursor. The cursors of the pages
// before the current one are kept in the history entry's state, so "previous" survives a reload;
// the address holds the department, the category and the current page's cursor.

import { api, ApiError } from './api.js';
import { t } from './i18n.js';
import { el, listQuery, onLangChange, relocalize, setText, timeNode } from './inquiry-common.js';
import {
  categoryOptions, dayNode, documentHref, idParam, loadReference, richText, searchHref,
} from './disclosure-common.js';

const PAGE_SIZE = 20;
const $ = (id) => document.getElementById(id);
const query = new URLSearchParams(window.location.search);
const previous = window.history.state && Array.isArray(window.history.state.stack) ? window.history.state.stack : [];
const state = {
  id: idParam('id'),
  category: /^[a-z0-9-]{1,32}$/.test(query.get('category') || '') ? query.get('category') : '',
  after: /^[A-Za-z0-9_-]{1,64}$/.test(query.get('after') || '') ? query.get('after') : '',
  // Cursors of the earlier pages ('' is the first), only meaningful with the current cursor.
  stack: query.get('after') ? previous.filter((c) => typeof c === 'string') : [],
  next: null,
};

function syncUrl() {
  const params = listQuery(state, ['id', 'category', 'after']);
  window.history.replaceState({ stack: state.stack }, '', `?${params}`);
}

function pageError(key) {
  const box = $('page-error');
  box.replaceChildren(el('p', { i18n: key }));
  box.hidden = false;
  $('department-main').hidden = true;
}

function row(item) {
  return el('tr', { attrs: { 'data-document-id': item.id } },
    el('td', { className: 'dis-index', text: item.indexNumber }),
    el('td', {}, el('a', { text: item.title, attrs: { href: documentHref(item.id) } })),
    el('td', { text: item.docNumber || '' }),
    el('td', {}, dayNode(item.publishedOn)));
}

async function loadCatalogue() {
  syncUrl();
  const rows = $('catalogue-rows');
  rows.setAttribute('aria-busy', 'true');
  setText($('catalogue-status'), 'dis.loading');
  const params = new URLSearchParams({ department: state.id, size: String(PAGE_SIZE) });
  if (state.category) params.set('category', state.category);
  if (state.after) params.set('after', state.after);
  try {
    const page = await api('GET', `/api/disclosure/catalogue?${params}`);
    const items = Array.isArray(page && page.items) ? page.items : [];
    state.next = page && page.next ? page.next : null;
    rows.replaceChildren(...items.map(row));
    if (items.length) {
      $('catalogue-status').removeAttribute('data-t');
      $('catalogue-status').textContent = '';
    } else {
      setText($('catalogue-status'), 'dis.dept.empty');
    }
  } catch (err) {
    if (err instanceof ApiError && err.status === 400 && state.after) {
      // A cursor from an old or edited address: start again from the first page.
      Object.assign(state, { after: '', stack: [] });
      loadCatalogue();
      return;
    }
    rows.replaceChildren();
    state.next = null;
    $('catalogue-status').removeAttribute('data-t');
    $('catalogue-status').textContent = err.message || t('error.generic');
  }
  rows.setAttribute('aria-busy', 'false');
  $('next-page').disabled = !state.next;
  $('prev-page').disabled = !state.after;
  $('first-page').disabled = !state.after;
  setText($('page-info'), 'dis.pager.keyset', { page: state.stack.length + 1 });
}

async function loadGuide() {
  const body = $('guide-body');
  try {
    const guide = await api('GET', `/api/disclosure/departments/${encodeURIComponent(state.id)}/guide`);
    body.replaceChildren(richText(guide.body, 3));
    $('guide-time').replaceChildren(timeNode(guide.updatedAt, 'date'));
    $('guide-updated').hidden = !guide.updatedAt;
  } catch (err) {
    body.replaceChildren();
    if (err instanceof ApiError && err.status === 404) {
      $('guide-missing').hidden = false;
    } else {
      body.append(el('p', { className: 'muted', i18n: 'dis.loadError' }));
    }
  }
  body.setAttribute('aria-busy', 'false');
}

async function start() {
  if (!state.id) {
    pageError('dis.dept.notFound');
    return;
  }
  let department;
  try {
    department = await api('GET', `/api/departments/${encodeURIComponent(state.id)}`);
  } catch (err) {
    pageError(err instanceof ApiError && err.status === 404 ? 'dis.dept.notFound' : 'dis.loadError');
    return;
  }
  const name = $('department-name');
  name.setAttribute('data-zh', department.nameZh || '');
  name.setAttribute('data-en', department.nameEn || department.nameZh || '');
  $('department-search').href = searchHref({ department: state.id });
  $('department-main').hidden = false;
  relocalize($('department-main'));
  syncTitle();

  loadGuide();
  const reference = await loadReference();
  const select = $('category-filter');
  select.append(...categoryOptions(reference.tree, state.category));
  if (!reference.categoryByCode.has(state.category)) state.category = '';
  select.value = state.category;
  loadCatalogue();
}

function syncTitle() {
  const name = $('department-name').textContent;
  document.title = name ? `${name} - ${t('title.disclosureDepartment')}` : t('title.disclosureDepartment');
}

$('category-filter').addEventListener('change', (event) => {
  Object.assign(state, { category: event.target.value, after: '', stack: [] });
  loadCatalogue();
});
$('catalogue-filter').addEventListener('submit', (event) => event.preventDefault());
$('next-page').addEventListener('click', () => {
  if (!state.next) return;
  state.stack.push(state.after);
  state.after = state.next;
  loadCatalogue();
});
$('prev-page').addEventListener('click', () => {
  state.after = state.stack.length ? state.stack.pop() : '';
  loadCatalogue();
});
$('first-page').addEventListener('click', () => {
  Object.assign(state, { after: '', stack: [] });
  loadCatalogue();
});
onLangChange(syncTitle);
start();
