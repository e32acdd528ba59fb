// The open data catalogue: search, facets (theme, publisher, format, licence), sorting, pages.
// State lives in the query string, so a filtered view can be bookmarked and shared.

import { api } from './api.js';
import { t } from './i18n.js';
import { LANG_CHANGE_EVENT } from './layout.js';

const FACETS = ['theme', 'department', 'format', 'licence'];
const SIZE = 20;

function params() {
  return new URLSearchParams(window.location.search);
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function go(next) {
  const url = new URL(window.location.href);
  url.search = next.toString();
  window.history.pushState(null, '', url);
  load();
}

function facetGroup(name, values, selected) {
  const fieldset = element('fieldset', 'od-facet');
  fieldset.append(element('legend', null, t(`od.facet.${name}`)));
  values.slice(0, name === 'department' ? 12 : 20).forEach((v, i) => {
    const id = `facet-${name}-${i}`;
    const row = element('div', 'checkbox-field');
    const box = element('input');
    box.type = 'checkbox';
    box.id = id;
    box.value = v.value;
    box.checked = selected.includes(v.value);
    box.addEventListener('change', () => {
      const next = params();
      next.delete(name);
      fieldset.querySelectorAll('input:checked').forEach((c) => next.append(name, c.value));
      next.delete('page');
      go(next);
    });
    const label = element('label', null, `${v.label} (${v.count})`);
    label.htmlFor = id;
    row.append(box, label);
    fieldset.append(row);
  });
  return fieldset;
}

function item(d) {
  const li = element('li', 'card od-item');
  const h = element('h3', 'card-title');
  const a = element('a', null, d.title);
  a.href = `/opendata/dataset.html?name=${encodeURIComponent(d.name)}`;
  h.append(a);
  li.append(h, element('p', 'od-desc', d.description));
  const meta = element('p', 'muted od-meta');
  meta.append(element('span', 'badge', d.theme.name), ' ', d.department.name, ' · ',
    t('od.updated', { date: d.updatedAt.slice(0, 10) }), ' · ', t('od.downloads', { count: d.downloads }));
  const formats = element('span', 'od-formats');
  d.formats.forEach((f) => formats.append(element('span', `od-format od-format-${f.toLowerCase()}`, f)));
  meta.append(' ', formats);
  li.append(meta);
  return li;
}

function pager(page, total) {
  const nav = document.getElementById('pager');
  nav.replaceChildren();
  const pages = Math.max(1, Math.ceil(total / SIZE));
  if (pages === 1) return;
  const link = (label, target) => {
    const b = element('button', 'button button-small', label);
    b.type = 'button';
    b.addEventListener('click', () => {
      const next = params();
      next.set('page', String(target));
      go(next);
    });
    return b;
  };
  if (page > 0) nav.append(link(t('od.prev'), page - 1));
  nav.append(element('span', 'od-page', t('od.page', { page: page + 1, pages })));
  if (page + 1 < pages) nav.append(link(t('od.next'), page + 1));
}

async function load() {
  const p = params();
  document.getElementById('q').value = p.get('q') || '';
  document.getElementById('sort').value = p.get('sort') || 'relevance';
  const status = document.getElementById('status');
  status.textContent = t('od.loading');
  const query = new URLSearchParams(p);
  query.set('size', String(SIZE));
  try {
    const body = await api('GET', `/api/opendata/datasets?${query}`);
    status.textContent = body.total ? t('od.results', { total: body.total }) : t('od.none');
    document.getElementById('results').replaceChildren(...body.items.map(item));
    document.getElementById('facets').replaceChildren(...FACETS.map((f) => facetGroup(f, body.facets[f] || [], p.getAll(f))));
    pager(body.page, body.total);
  } catch (err) {
    status.textContent = err.message;
  }
}

document.getElementById('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const next = params();
  const q = document.getElementById('q').value.trim();
  if (q) next.set('q', q); else next.delete('q');
  next.set('sort', document.getElementById('sort').value);
  next.delete('page');
  go(next);
});
window.addEventListener('popstate', load);
document.addEventListener(LANG_CHANGE_EVENT, load);
load();
