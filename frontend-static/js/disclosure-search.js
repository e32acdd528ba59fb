// Searching published documents: terms, a date range, and facets (issuing department, category,
// year, validity) with their counts as radio filters — the API filters on one value per facet —
// highlighted titles and snippets, pages. The whole search lives in the address, so a reload or
// a shared link shows the same results.

import { api, ApiError } from './api.js';
import { t } from './i18n.js';
import { clearErrors, showProblem } from './forms.js';
import { el, formatNumber, keepInUrl, listQuery, onLangChange, setBilingual, setText } from './inquiry-common.js';
import {
  dayNode, documentHref, highlightedNodes, loadReference, namedNode, VALIDITIES, validityBadge,
} from './disclosure-common.js';

const PAGE_SIZE = 10;
const FACETS = ['department', 'category', 'year', 'validity'];
const FILTERS = ['q', 'department', 'category', 'year', 'validity', 'from', 'to'];
/** Facet values shown before "show all": the department facet alone can list every department. */
const SHOWN_VALUES = 8;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const $ = (id) => document.getElementById(id);
const form = $('search-form');
const query = new URLSearchParams(window.location.search);
const state = {
  q: (query.get('q') || '').slice(0, 500),
  department: /^\d{1,18}$/.test(query.get('department') || '') ? query.get('department') : '',
  category: /^[a-z0-9-]{1,32}$/.test(query.get('category') || '') ? query.get('category') : '',
  year: /^\d{4}$/.test(query.get('year') || '') ? query.get('year') : '',
  validity: VALIDITIES.includes(query.get('validity')) ? query.get('validity') : '',
  from: DAY.test(query.get('from') || '') ? query.get('from') : '',
  to: DAY.test(query.get('to') || '') ? query.get('to') : '',
  page: Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0),
};
const view = { reference: null, result: null, expanded: new Set() };

// ---------- facets

/** The filter value a facet value stands for: categories are filtered by code, the rest as they come. */
function filterValue(facet, value) {
  if (facet !== 'category') return String(value);
  const category = view.reference.categoryById.get(String(value));
  return category ? category.code : '';
}

function facetLabel(facet, value, apiLabel) {
  if (facet === 'department') {
    const d = view.reference.departmentById.get(String(value));
    return setBilingual(el('span'), d ? d.nameZh : apiLabel, d ? d.nameEn : apiLabel);
  }
  if (facet === 'category') {
    const c = view.reference.categoryByCode.get(value);
    return c ? namedNode(c) : el('span', { text: apiLabel || value });
  }
  if (facet === 'validity') return el('span', { i18n: `dis.validity.${value}` });
  return el('span', { text: value });
}

/** The facet's values as {value, label, count}, the selected one included even when the API lists it not. */
function facetValues(facet, result) {
  const values = ((result.facets || {})[facet] || [])
    .map((v) => ({ value: filterValue(facet, v.value), label: v.label, count: Number(v.count) || 0 }))
    .filter((v) => v.value);
  if (state[facet] && !values.some((v) => v.value === state[facet])) {
    values.unshift({ value: state[facet], label: state[facet], count: result.total });
  }
  return values;
}

function radio(facet, value, label, count) {
  const id = `facet-${facet}-${value || 'any'}`;
  const input = el('input', { attrs: { type: 'radio', id, name: `facet-${facet}`, value } });
  input.checked = state[facet] === value;
  input.addEventListener('change', () => {
    state[facet] = value;
    state.page = 0;
    search();
  });
  const text = el('label', { attrs: { for: id } }, label);
  if (count !== null) text.append(' ', el('span', { className: 'dis-count', text: `(${formatNumber(count)})` }));
  return el('li', { className: 'radio' }, input, text);
}

function renderFacet(facet, result) {
  const values = facetValues(facet, result);
  const expanded = view.expanded.has(facet);
  const shown = expanded ? values : values.slice(0, SHOWN_VALUES);
  const list = el('ul', { className: 'dis-facet-values' },
    radio(facet, '', el('span', { i18n: 'dis.facet.any' }), null),
    ...shown.map((v) => radio(facet, v.value, facetLabel(facet, v.value, v.label), v.count)));
  const fieldset = el('fieldset', { className: 'dis-facet', attrs: { id: `facet-${facet}` } },
    el('legend', { i18n: `dis.facet.${facet}` }), list);
  if (!expanded && values.length > shown.length) {
    const more = setText(el('button', { className: 'button button-small', attrs: { type: 'button' } }),
      'dis.facet.more', { n: values.length });
    more.addEventListener('click', () => {
      view.expanded.add(facet);
      renderFacets();
      document.querySelector(`#facet-${facet} li:nth-child(${SHOWN_VALUES + 2}) input`)?.focus();
    });
    fieldset.append(more);
  }
  return fieldset;
}

function renderFacets() {
  const box = $('facets');
  // Choosing a value re-renders the facets: keep the keyboard where it was.
  const focused = box.contains(document.activeElement) ? document.activeElement : null;
  const facet = focused && focused.closest('fieldset') ? focused.closest('fieldset').id : null;
  const result = view.result;
  box.replaceChildren(...(result ? FACETS.map((f) => renderFacet(f, result)) : []));
  if (focused) {
    const again = (focused.id && document.getElementById(focused.id)) || (facet && box.querySelector(`#${facet} input`));
    if (again) again.focus();
  }
}

// ---------- hits

function hit(h) {
  const title = el('a', { attrs: { href: documentHref(h.id) } }, ...highlightedNodes(h.titleHighlighted || h.title));
  const meta = el('p', { className: 'session-meta' },
    namedNode(h.department, 'span', 'dis-hit-department'), dayNode(h.publishedOn));
  if (h.docNumber) meta.append(el('span', { className: 'dis-hit-number', text: h.docNumber }));
  if (h.category) meta.append(namedNode(h.category));
  meta.append(validityBadge(h.validity));
  if (h.exactNumber) meta.append(el('span', { className: 'badge dis-badge-exact', i18n: 'dis.s.exact' }));
  const item = el('li', { className: 'card session-card dis-hit', attrs: { 'data-document-id': h.id } },
    el('h3', { className: 'card-title' }, title), meta);
  if (h.snippet) item.append(el('p', { className: 'dis-snippet' }, ...highlightedNodes(h.snippet)));
  item.append(el('p', { className: 'dis-index muted', text: h.indexNumber }));
  return item;
}

function renderResult(result) {
  const items = Array.isArray(result.items) ? result.items : [];
  $('results').replaceChildren(...items.map(hit));
  $('no-results').hidden = items.length > 0;
  if (items.length) {
    setText($('result-status'), 'dis.s.count', { total: formatNumber(result.total) });
    $('result-status').append(' ', el('span', { i18n: state.q.trim() ? 'dis.s.orderRelevance' : 'dis.s.orderDate' }));
  } else {
    $('result-status').removeAttribute('data-t');
    $('result-status').textContent = '';
  }
  const pages = Math.max(1, Math.ceil((Number(result.total) || 0) / PAGE_SIZE));
  $('prev-page').disabled = state.page <= 0;
  $('next-page').disabled = state.page + 1 >= pages;
  setText($('page-info'), 'dis.pager.info', { page: Math.min(state.page + 1, pages), pages });
}

// ---------- searching

function fillForm() {
  form.elements.q.value = state.q;
  form.elements.from.value = state.from;
  form.elements.to.value = state.to;
}

async function search() {
  keepInUrl(listQuery(state, FILTERS));
  clearErrors(form);
  $('results').setAttribute('aria-busy', 'true');
  setText($('result-status'), 'dis.s.loading');
  const params = listQuery(state, FILTERS);
  params.set('page', String(state.page));
  params.set('size', String(PAGE_SIZE));
  try {
    view.result = await api('GET', `/api/disclosure/documents?${params}`);
    renderResult(view.result);
  } catch (err) {
    view.result = null;
    $('results').replaceChildren();
    $('no-results').hidden = true;
    $('result-status').removeAttribute('data-t');
    $('result-status').textContent = '';
    if (err instanceof ApiError && err.status === 400) showProblem(form, err.problem);
    else $('result-status').textContent = err.message || t('error.generic');
  }
  renderFacets();
  $('results').setAttribute('aria-busy', 'false');
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  Object.assign(state, {
    q: form.elements.q.value.trim(), from: form.elements.from.value, to: form.elements.to.value, page: 0,
  });
  search();
});
$('clear-all').addEventListener('click', () => {
  for (const name of FILTERS) state[name] = '';
  state.page = 0;
  fillForm();
  search();
});
$('prev-page').addEventListener('click', () => {
  if (state.page > 0) {
    state.page -= 1;
    search().then(() => $('results-heading').scrollIntoView());
  }
});
$('next-page').addEventListener('click', () => {
  state.page += 1;
  search().then(() => $('results-heading').scrollIntoView());
});
// Texts set from data follow the language toggle through data-i18n, data-t and data-zh.
onLangChange(() => {});

fillForm();
loadReference().then((reference) => {
  view.reference = reference;
  search();
});
