// Mailbox statistics: the figures of /api/mailbox/public/statistics for a range of months, a
// department and a kind; a bar chart of letters received and replied per month drawn as plain
// SVG (its figures are also in the by-month table, which is what assistive technology reads);
// tables by month, department and kind; and the CSV of the same filters.

import { api } from './api.js';
import { clearErrors, showProblem } from './forms.js';
import { t } from './i18n.js';
import { el, keepInUrl, listQuery, onLangChange, setBilingual, setText } from './inquiry-common.js';
import { KINDS, kindNode } from './mailbox-common.js';
import { count, decimal, DEPARTMENT, fillDepartments, fillKinds, MONTH, param, percent } from './mailbox-public-common.js';

const SVG = 'http://www.w3.org/2000/svg';
const FILTERS = ['from', 'to', 'department', 'kind'];
const $ = (id) => document.getElementById(id);
const form = $('filter-form');
const status = $('stats-status');
const query = new URLSearchParams(window.location.search);
const state = {
  from: param(query, 'from', MONTH),
  to: param(query, 'to', MONTH),
  department: param(query, 'department', DEPARTMENT),
  kind: KINDS.includes(query.get('kind')) ? query.get('kind') : '',
};
let shown = null;

/** Every month from..to ("YYYY-MM"), so months without letters show as zero rather than vanish. */
function monthsBetween(from, to) {
  const months = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

function emptyRow(month) {
  return { month, received: 0, replied: 0, onTime: 0, onTimeRate: null, averageWorkingDays: null, rated: 0, averageSatisfaction: null };
}

const COLUMNS = [
  ['mpub.stats.received', (r) => count(r.received)],
  ['mpub.stats.replied', (r) => count(r.replied)],
  ['mpub.stats.onTime', (r) => count(r.onTime)],
  ['mpub.stats.onTimeRate', (r) => percent(r.onTimeRate)],
  ['mpub.stats.avgDays', (r) => decimal(r.averageWorkingDays)],
  ['mpub.stats.rated', (r) => count(r.rated)],
  ['mpub.stats.avgSatisfaction', (r) => decimal(r.averageSatisfaction)],
];

function figureRow(label, r, cell = 'td') {
  return el('tr', {}, el('th', { attrs: { scope: 'row' } }, label),
    ...COLUMNS.map(([key, value]) => el(cell, { className: 'mpub-number', attrs: { 'data-col': key.split('.').pop() }, text: value(r) })));
}

function table(node, firstKey, rows, labelOf, total) {
  const head = el('thead', {}, el('tr', {}, el('th', { attrs: { scope: 'col' }, i18n: firstKey }),
    ...COLUMNS.map(([key]) => el('th', { attrs: { scope: 'col' }, i18n: key }))));
  const body = el('tbody', {}, ...rows.map((r) => {
    const tr = figureRow(labelOf(r), r);
    tr.setAttribute('data-key', r.month || (r.department && r.department.code) || r.kind || 'office');
    return tr;
  }));
  const foot = el('tfoot', {}, figureRow(el('span', { i18n: 'mpub.stats.total' }), total));
  node.replaceChildren(head, body, foot);
}

function departmentLabel(r) {
  return r.department ? setBilingual(el('span'), r.department.nameZh, r.department.nameEn) : el('span', { i18n: 'mpub.stats.cityOffice' });
}

function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

/** A step for the y axis: 1, 2 or 5 times a power of ten, giving about four gridlines. */
function niceStep(max) {
  const raw = Math.max(1, max) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw);
}

function chart(months) {
  const node = $('chart');
  const max = Math.max(0, ...months.map((r) => r.received));
  if (max === 0) {
    node.replaceChildren(el('p', { className: 'muted', i18n: 'mpub.stats.chartEmpty' }));
    return;
  }
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const left = 44;
  const band = 44;
  const plot = 200;
  const width = left + months.length * band + 10;
  const height = plot + 50;
  const y = (v) => 10 + plot - (v / top) * plot;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': 'chart-heading chart-desc', class: 'mpub-svg' });
  for (let v = 0; v <= top; v += step) {
    root.append(svg('line', { x1: left, x2: width - 10, y1: y(v), y2: y(v), class: 'mpub-grid' }));
    root.append(svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'mpub-axis' }, count(v)));
  }
  months.forEach((r, i) => {
    const x = left + i * band + 6;
    const bar = (value, dx, cls, key) => {
      const h = Math.max(0, y(0) - y(value));
      const rect = svg('rect', { x: x + dx, y: y(value), width: 15, height: h, class: `mpub-bar ${cls}`, 'data-month': r.month, 'data-value': value });
      rect.append(svg('title', {}, `${r.month} ${t(key)}: ${count(value)}`));
      return rect;
    };
    root.append(bar(r.received, 0, 'mpub-received', 'mpub.stats.received'), bar(r.replied, 17, 'mpub-replied', 'mpub.stats.replied'));
    root.append(svg('text', { x: x + 16, y: y(0) + 16, 'text-anchor': 'middle', class: 'mpub-axis' }, r.month.slice(5)));
    if (i === 0 || r.month.endsWith('-01')) {
      root.append(svg('text', { x: x + 16, y: y(0) + 32, 'text-anchor': 'middle', class: 'mpub-axis' }, r.month.slice(0, 4)));
    }
  });
  node.replaceChildren(root);
}

function render(s) {
  const byMonth = new Map((s.byMonth || []).map((r) => [r.month, r]));
  const months = monthsBetween(s.from, s.to).map((m) => byMonth.get(m) || emptyRow(m));
  setText($('stats-range'), 'mpub.stats.range', { from: s.from, to: s.to });
  const total = s.total || emptyRow(null);
  $('total-figures').replaceChildren(...COLUMNS.map(([key, value]) => el('div', { className: 'mpub-figure', attrs: { 'data-figure': key.split('.').pop() } },
    el('dt', { i18n: key }), el('dd', { text: value(total) }))));
  chart(months);
  table($('by-month'), 'mpub.stats.monthCol', months, (r) => el('span', { text: r.month }), total);
  table($('by-department'), 'mpub.department', s.byDepartment || [], departmentLabel, total);
  table($('by-kind'), 'mpub.kind', s.byKind || [], (r) => kindNode(r.kind), total);
  $('stats').hidden = false;
}

function params() {
  const p = new URLSearchParams();
  for (const name of FILTERS) if (state[name]) p.set(name, state[name]);
  return p;
}

async function load() {
  keepInUrl(listQuery(state, FILTERS));
  $('csv-link').href = `/api/mailbox/public/statistics.csv${params().toString() ? `?${params()}` : ''}`;
  setText(status, 'mpub.loading');
  clearErrors(form);
  try {
    shown = await api('GET', `/api/mailbox/public/statistics?${params()}`);
    render(shown);
    status.textContent = '';
    status.removeAttribute('data-t');
  } catch (err) {
    status.removeAttribute('data-t');
    status.textContent = '';
    if (err.status === 400) showProblem(form, err.problem);
    else status.textContent = err.message || t('error.generic');
  }
}

fillKinds($('kind'), state.kind);
$('from').value = state.from;
$('to').value = state.to;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  for (const name of FILTERS) state[name] = $(name).value;
  if (!MONTH.test(state.from)) state.from = '';
  if (!MONTH.test(state.to)) state.to = '';
  load();
});
onLangChange(() => {
  if (shown) render(shown);
});
fillDepartments($('department'), state.department);
load();
