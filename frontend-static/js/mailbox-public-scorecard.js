// The departments' yearly scorecard (考核): /api/mailbox/public/scorecard as a ranked table. The
// score cell shows the number and a small SVG bar beside it (an SVG rect, because the page's CSP
// forbids the inline style a CSS width would need); the bar is decorative, the number is the data.

import { api } from './api.js';
import { t } from './i18n.js';
import { el, keepInUrl, onLangChange, setBilingual, setText } from './inquiry-common.js';
import { count, decimal, percent } from './mailbox-public-common.js';

const SVG = 'http://www.w3.org/2000/svg';
const FIRST_YEAR = 2020;
const $ = (id) => document.getElementById(id);
const select = $('year');
const status = $('score-status');
const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const asked = Number.parseInt(new URLSearchParams(window.location.search).get('year') || '', 10);
let year = asked >= FIRST_YEAR && asked <= thisYear ? asked : thisYear;
let shown = null;

/** A 100-wide bar for a score of 0 to 100; decorative, as the score is written beside it. */
function scoreBar(score) {
  const root = document.createElementNS(SVG, 'svg');
  for (const [name, value] of Object.entries({ viewBox: '0 0 100 8', width: 100, height: 8, class: 'mpub-scorebar', 'aria-hidden': 'true', focusable: 'false' })) {
    root.setAttribute(name, String(value));
  }
  const track = document.createElementNS(SVG, 'rect');
  track.setAttribute('width', '100');
  track.setAttribute('height', '8');
  track.setAttribute('class', 'mpub-track');
  const bar = document.createElementNS(SVG, 'rect');
  bar.setAttribute('width', String(Math.max(0, Math.min(100, Number(score) || 0))));
  bar.setAttribute('height', '8');
  bar.setAttribute('class', 'mpub-bar mpub-received');
  root.append(track, bar);
  return root;
}

function row(e) {
  return el('tr', { attrs: { 'data-department': e.department.code } },
    el('td', { className: 'mpub-number', attrs: { 'data-col': 'rank' }, text: e.rank }),
    el('th', { attrs: { scope: 'row' } }, setBilingual(el('span'), e.department.nameZh, e.department.nameEn)),
    el('td', { className: 'mpub-score', attrs: { 'data-col': 'score' } }, el('span', { className: 'mpub-number', text: decimal(e.score) }), ' ', scoreBar(e.score)),
    el('td', { className: 'mpub-number', attrs: { 'data-col': 'received' }, text: count(e.received) }),
    el('td', { className: 'mpub-number', attrs: { 'data-col': 'replied' }, text: count(e.replied) }),
    el('td', { className: 'mpub-number', attrs: { 'data-col': 'replyRate' }, text: percent(e.replyRate) }),
    el('td', { className: 'mpub-number', attrs: { 'data-col': 'onTimeRate' }, text: percent(e.onTimeRate) }),
    el('td', { className: 'mpub-number', attrs: { 'data-col': 'avgDays' }, text: decimal(e.averageWorkingDays) }),
    el('td', { className: 'mpub-number', attrs: { 'data-col': 'avgSatisfaction' }, text: decimal(e.averageSatisfaction) }));
}

function render(card) {
  setText($('ranking-caption'), 'mpub.score.caption', { year: card.year });
  const entries = Array.isArray(card.departments) ? card.departments : [];
  $('ranking-rows').replaceChildren(...entries.map(row));
  setText(status, entries.length ? 'mpub.score.count' : 'mpub.score.empty', { n: entries.length });
}

async function load() {
  keepInUrl(new URLSearchParams(year === thisYear ? {} : { year: String(year) }));
  setText(status, 'mpub.loading');
  try {
    shown = await api('GET', `/api/mailbox/public/scorecard?year=${encodeURIComponent(year)}`);
    render(shown);
  } catch (err) {
    $('ranking-rows').replaceChildren();
    status.removeAttribute('data-t');
    status.textContent = err.message || t('error.generic');
  }
}

for (let y = thisYear; y >= FIRST_YEAR; y -= 1) {
  select.append(el('option', { text: y, attrs: { value: y, selected: y === year } }));
}
select.addEventListener('change', () => {
  year = Number(select.value);
  load();
});
onLangChange(() => {
  if (shown) render(shown);
});
load();
