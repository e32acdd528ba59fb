// A dataset page: metadata, quality score, resources, a preview of the first 100 rows with a
// bar chart of a numeric column, copy-paste API examples and the update history.

import { api, ApiError } from './api.js';
import { t } from './i18n.js';
import { LANG_CHANGE_EVENT } from './layout.js';

const SVG = 'http://www.w3.org/2000/svg';
const name = new URLSearchParams(window.location.search).get('name') || '';

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function row(list, label, value) {
  if (value === null || value === undefined || value === '') return;
  list.append(element('dt', null, label), element('dd', null, value));
}

function size(bytes) {
  if (bytes === null || bytes === undefined) return '';
  if (bytes > 1048576) return `${(bytes / 1048576).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function chart(fields, records) {
  const figure = document.getElementById('chart');
  const numeric = fields.find((f) => (f.type === 'numeric' || f.type === 'int') && f.id !== '_id');
  if (!numeric || records.length === 0) {
    figure.hidden = true;
    return;
  }
  const values = records.map((r) => Number(r[numeric.id])).filter((v) => Number.isFinite(v));
  const max = Math.max(...values, 0) || 1;
  const width = 600;
  const height = 160;
  const bar = width / values.length;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('od.chart', { column: numeric.label }));
  svg.classList.add('od-svg');
  values.forEach((v, i) => {
    const h = Math.max(1, (v / max) * (height - 10));
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', String(i * bar));
    rect.setAttribute('y', String(height - h));
    rect.setAttribute('width', String(Math.max(1, bar - 1)));
    rect.setAttribute('height', String(h));
    rect.setAttribute('class', 'od-bar');
    svg.append(rect);
  });
  figure.querySelector('svg')?.remove();
  figure.prepend(svg);
  document.getElementById('chart-caption').textContent = t('od.chart', { column: numeric.label });
  figure.hidden = false;
}

async function preview(resource) {
  const section = document.getElementById('preview-section');
  const body = await api('GET', `/api/opendata/resources/${resource.id}/preview`);
  const table = document.getElementById('preview');
  const caption = element('caption', null, t('od.preview.caption', { name: resource.name, shown: body.records.length, total: body.total }));
  const head = element('thead');
  const tr = element('tr');
  body.fields.forEach((f) => {
    const th = element('th', null, f.label);
    th.scope = 'col';
    tr.append(th);
  });
  head.append(tr);
  const rows = element('tbody');
  body.records.forEach((r) => {
    const line = element('tr');
    body.fields.forEach((f) => line.append(element('td', null, r[f.id] === null ? '' : String(r[f.id]))));
    rows.append(line);
  });
  table.replaceChildren(caption, head, rows);
  chart(body.fields, body.records);
  section.hidden = false;
}

function examples(resource) {
  const origin = window.location.origin;
  const first = resource.fields[0] ? resource.fields[0].id : '_id';
  return [
    `# CKAN datastore_search`,
    `curl -H "Authorization: YOUR_API_KEY" \\`,
    `  "${origin}/api/3/action/datastore_search?resource_id=${resource.id}&limit=5&sort=${first}%20desc"`,
    '',
    `# CSV`,
    `curl -H "Authorization: Bearer YOUR_API_KEY" \\`,
    `  "${origin}/api/opendata/datastore/${resource.id}?format=csv&limit=1000" -o data.csv`,
    '',
    `# Python (ckanapi)`,
    `from ckanapi import RemoteCKAN`,
    `ckan = RemoteCKAN("${origin}", apikey="YOUR_API_KEY")`,
    `ckan.action.datastore_search(resource_id="${resource.id}", limit=5)`,
  ].join('\n');
}

function resourceItem(r) {
  const li = element('li', 'card od-resource');
  li.append(element('h3', 'card-title', r.name));
  const meta = element('p', 'muted');
  meta.append(element('span', `od-format od-format-${r.format.toLowerCase()}`, r.format), ' ', size(r.byteSize),
    r.rows ? ` · ${t('od.rows', { rows: r.rows })}` : '', ` · ${t('od.downloads', { count: r.downloads })}`);
  li.append(meta);
  const actions = element('p', 'od-actions');
  if (r.downloadUrl) {
    const a = element('a', 'button button-small', t('od.download'));
    a.href = r.downloadUrl;
    a.setAttribute('download', '');
    actions.append(a);
  }
  if (r.apiUrl) {
    actions.append(element('span', null, `${t('od.api')}: `), element('code', null, r.apiUrl));
  }
  if (r.datastore) {
    const b = element('button', 'button button-small button-secondary', t('od.preview.button'));
    b.type = 'button';
    b.addEventListener('click', () => preview(r));
    actions.append(b);
  }
  li.append(actions);
  return li;
}

/** Subscribes the signed-in person to this dataset's updates, told at once in My Government. */
async function subscribe() {
  const status = document.getElementById('subscribe-status');
  try {
    await api('POST', '/api/me/subscriptions', { kind: 'dataset', target: name, frequency: 'immediate' });
    status.textContent = t('od.subscribe.done');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) status.textContent = t('od.subscribe.signIn');
    else if (err instanceof ApiError && err.status === 409) status.textContent = t('od.subscribe.already');
    else status.textContent = t('od.subscribe.failed');
  }
}

async function load() {
  const status = document.getElementById('status');
  try {
    const d = await api('GET', `/api/opendata/datasets/${encodeURIComponent(name)}`);
    document.title = `${d.title} - ${t('title.opendata')}`;
    document.getElementById('title').textContent = d.title;
    document.getElementById('description').textContent = d.description;
    document.getElementById('overdue').hidden = !d.overdue;
    const meta = document.getElementById('meta');
    meta.replaceChildren();
    row(meta, t('od.meta.department'), d.department.name);
    row(meta, t('od.meta.theme'), d.theme.name);
    row(meta, t('od.meta.licence'), d.licence.name);
    row(meta, t('od.meta.frequency'), d.frequency.name);
    row(meta, t('od.meta.temporal'), d.temporalStart ? `${d.temporalStart} — ${d.temporalEnd}` : '');
    row(meta, t('od.meta.spatial'), d.spatial);
    row(meta, t('od.meta.contact'), `${d.contact.name} ${d.contact.email}`);
    row(meta, t('od.meta.keywords'), d.keywords.join('、'));
    row(meta, t('od.meta.updated'), d.updatedAt.slice(0, 10));
    document.getElementById('quality-total').textContent = t('od.quality.total', { total: d.quality.total });
    document.getElementById('quality-parts').replaceChildren(...d.quality.parts.map((p) => {
      const li = element('li', p.points === p.max ? 'od-ok' : 'od-miss', `${t(`od.quality.${p.code}`)} ${p.points}/${p.max}`);
      return li;
    }));
    document.getElementById('resources').replaceChildren(...d.resources.map(resourceItem));
    const tabular = d.resources.find((r) => r.datastore);
    document.getElementById('examples').textContent = tabular ? examples(tabular) : '';
    document.getElementById('history').replaceChildren(...d.history.map((h) => element('li', null, `${h.at.slice(0, 10)} ${h.summary}`)));
    document.getElementById('dataset').hidden = false;
    status.textContent = '';
    status.hidden = true;
    if (tabular) await preview(tabular);
  } catch (err) {
    status.textContent = err.status === 404 ? t('od.notFound') : err.message;
  }
}

document.addEventListener(LANG_CHANGE_EVENT, load);
document.getElementById('subscribe').addEventListener('click', subscribe);
load();
