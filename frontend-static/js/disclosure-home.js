// The disclosure home page: the search box, the category tree and the departments with how many
// documents each holds, and the latest publications. One search without terms gives every count
// (its facets) in a single request; the catalogue gives the latest documents.

import { api } from './api.js';
import { el, formatNumber, onLangChange, setText } from './inquiry-common.js';
import {
  dayNode, departmentHref, documentHref, loadReference, namedNode, searchHref,
} from './disclosure-common.js';

const LATEST = 8;
const $ = (id) => document.getElementById(id);

function countsOf(values) {
  const counts = new Map();
  for (const v of Array.isArray(values) ? values : []) counts.set(String(v.value), Number(v.count) || 0);
  return counts;
}

function countNode(n) {
  return setText(el('span', { className: 'dis-count' }), 'dis.count', { n: formatNumber(n) });
}

/** A node of the tree with the documents filed under it or any of its descendants. */
function categoryItem(category, counts) {
  const children = Array.isArray(category.children) ? category.children : [];
  const items = children.map((c) => categoryItem(c, counts));
  const total = items.reduce((sum, item) => sum + item.total, counts.get(String(category.id)) || 0);
  const link = el('a', { attrs: { href: searchHref({ category: category.code }) } }, namedNode(category));
  const li = el('li', { attrs: { 'data-category': category.code } }, link, ' ', countNode(total));
  if (items.length) li.append(el('ul', {}, ...items.map((item) => item.node)));
  return { node: li, total };
}

function renderCategories(tree, counts) {
  const list = $('category-tree');
  list.replaceChildren(...tree.map((c) => categoryItem(c, counts).node));
  list.setAttribute('aria-busy', 'false');
}

function renderDepartments(departments, counts) {
  const groups = [['municipal', 'dis.home.municipal'], ['district', 'dis.home.district']].map(([kind, key]) => {
    const members = departments.filter((d) => d.kind === kind && counts.has(String(d.id)));
    if (!members.length) return null;
    const list = el('ul', { className: 'dis-department-list' }, ...members.map((d) => el('li',
      { attrs: { 'data-department-id': d.id } },
      el('a', { attrs: { href: departmentHref(d.id) } }, namedNode({ name: d.nameZh, nameEn: d.nameEn })),
      ' ', countNode(counts.get(String(d.id))))));
    return el('div', { className: 'dis-department-group' },
      el('h3', { i18n: key }), list);
  }).filter(Boolean);
  const box = $('department-groups');
  box.replaceChildren(...(groups.length ? groups : [el('p', { className: 'muted', i18n: 'dis.home.noDepartments' })]));
  box.setAttribute('aria-busy', 'false');
}

function renderLatest(items) {
  const list = $('latest-list');
  list.replaceChildren(...items.map((d) => el('li', { attrs: { 'data-document-id': d.id } },
    el('a', { text: d.title, attrs: { href: documentHref(d.id) } }),
    el('span', { className: 'dis-latest-meta' }, namedNode(d.department), ' ', dayNode(d.publishedOn)))));
  list.setAttribute('aria-busy', 'false');
}

function showError() {
  const box = $('page-error');
  box.replaceChildren(el('p', { i18n: 'dis.loadError' }));
  box.hidden = false;
}

async function load() {
  try {
    const [reference, all, latest] = await Promise.all([
      loadReference(),
      api('GET', '/api/disclosure/documents?size=1'),
      api('GET', `/api/disclosure/catalogue?size=${LATEST}`),
    ]);
    const facets = (all && all.facets) || {};
    setText($('home-total'), 'dis.home.total', { n: formatNumber(all && all.total) });
    renderCategories(reference.tree, countsOf(facets.category));
    renderDepartments(reference.departments, countsOf(facets.department));
    renderLatest(Array.isArray(latest && latest.items) ? latest.items : []);
  } catch {
    for (const id of ['category-tree', 'latest-list', 'department-groups']) $(id).setAttribute('aria-busy', 'false');
    showError();
  }
}

// Texts set from data follow the language toggle through data-t and data-zh (see relocalize).
onLangChange(() => {});
load();
