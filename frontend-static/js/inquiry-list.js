// Live inquiry: session list (filters, paging) and a month calendar with the .ics feed link.

import { api } from './api.js';
import { currentLang, t } from './i18n.js';
import {
  departmentNode, el, keepInUrl, listQuery, onLangChange, rangeNode, sessionHref, setBilingual, setText,
  shanghaiDay, shorten, statusBadge,
} from './inquiry-common.js';

const PAGE_SIZE = 10;
const ICS_PATH = '/api/inquiry/sessions/calendar.ics';

const form = document.getElementById('filter-form');
const statusSelect = document.getElementById('filter-status');
const departmentSelect = document.getElementById('filter-department');
const list = document.getElementById('session-list');
const listStatus = document.getElementById('list-status');
const prevButton = document.getElementById('prev-page');
const nextButton = document.getElementById('next-page');
const pageInfo = document.getElementById('page-info');
const icsLink = document.getElementById('ics-link');

const calCaption = document.getElementById('calendar-caption');
const calWeekdays = document.getElementById('calendar-weekdays');
const calBody = document.getElementById('calendar-body');
const monthList = document.getElementById('month-sessions');
const monthEmpty = document.getElementById('month-empty');

const query = new URLSearchParams(window.location.search);
const state = {
  status: ['scheduled', 'live', 'ended'].includes(query.get('status')) ? query.get('status') : '',
  department: /^\d+$/.test(query.get('department') || '') ? query.get('department') : '',
  page: Math.max(0, Number.parseInt(query.get('page') || '0', 10) || 0),
  total: 0,
  calendarSessions: [],
  month: null, // {year, month} with month 1..12, in Shanghai
};

function todayInShanghai() {
  const [year, month, day] = shanghaiDay(new Date().toISOString()).split('-').map(Number);
  return { year, month, day };
}

// ---------- list

function sessionCard(session) {
  const link = el('a', { text: session.title || '', attrs: { href: sessionHref(session) } });
  const meta = el('p', { className: 'session-meta' },
    statusBadge(session.status), ' ',
    departmentNode(session, 'session-department'), ' ',
    rangeNode(session.startsAt, session.endsAt, 'session-time'));
  const card = el('li', { className: 'card session-card', attrs: { 'data-session-id': session.id } },
    el('h3', { className: 'card-title' }, link), meta);
  if (session.description) card.append(el('p', { className: 'session-description', text: shorten(session.description, 140) }));
  return card;
}

function syncUrl() {
  keepInUrl(listQuery(state, ['status', 'department']));
  icsLink.href = state.department ? `${ICS_PATH}?department=${encodeURIComponent(state.department)}` : ICS_PATH;
}

async function loadList() {
  syncUrl();
  list.setAttribute('aria-busy', 'true');
  setText(listStatus, 'inquiry.list.loading');
  const params = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
  if (state.status) params.set('status', state.status);
  if (state.department) params.set('department', state.department);
  let result;
  try {
    result = await api('GET', `/api/inquiry/sessions?${params}`);
  } catch (err) {
    list.replaceChildren();
    listStatus.removeAttribute('data-t');
    listStatus.textContent = err.message || t('error.generic');
    list.setAttribute('aria-busy', 'false');
    updatePager();
    return;
  }
  const items = Array.isArray(result && result.items) ? result.items : [];
  state.total = Number(result && result.total) || 0;
  list.replaceChildren(...items.map(sessionCard));
  list.setAttribute('aria-busy', 'false');
  if (items.length) setText(listStatus, 'inquiry.list.count', { total: state.total });
  else setText(listStatus, 'inquiry.list.empty');
  updatePager();
}

function updatePager() {
  const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
  prevButton.disabled = state.page <= 0;
  nextButton.disabled = state.page + 1 >= pages;
  setText(pageInfo, 'inquiry.pager.info', { page: Math.min(state.page + 1, pages), pages });
}

async function loadDepartments() {
  let departments = [];
  try {
    departments = await api('GET', '/api/departments');
  } catch {
    return; // the filter keeps "all departments"
  }
  const options = (Array.isArray(departments) ? departments : []).map((d) => {
    const option = setBilingual(el('option', { attrs: { value: d.id } }), d.nameZh, d.nameEn);
    if (String(d.id) === state.department) option.selected = true;
    return option;
  });
  departmentSelect.append(...options);
}

// ---------- calendar

function monthLabel({ year, month }) {
  const date = new Date(Date.UTC(year, month - 1, 15, 12));
  return new Intl.DateTimeFormat(currentLang(), { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(date);
}

function renderWeekdays() {
  const short = new Intl.DateTimeFormat(currentLang(), { timeZone: 'UTC', weekday: 'short' });
  const long = new Intl.DateTimeFormat(currentLang(), { timeZone: 'UTC', weekday: 'long' });
  const cells = [];
  for (let i = 0; i < 7; i += 1) {
    const date = new Date(Date.UTC(2024, 0, 1 + i, 12)); // 2024-01-01 was a Monday
    cells.push(el('th', { text: short.format(date), attrs: { scope: 'col', abbr: long.format(date) } }));
  }
  calWeekdays.replaceChildren(...cells);
}

function pad(n) {
  return String(n).padStart(2, '0');
}

function renderCalendar() {
  const { year, month } = state.month;
  const prefix = `${year}-${pad(month)}-`;
  calCaption.textContent = monthLabel(state.month);
  const byDay = new Map();
  const sessions = state.calendarSessions
    .filter((s) => shanghaiDay(s.startsAt).startsWith(prefix))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const s of sessions) {
    const day = shanghaiDay(s.startsAt);
    if (!byDay.has(day)) byDay.set(day, []);
    byDay.get(day).push(s);
  }

  const today = todayInShanghai();
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offset = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7; // Monday first
  const rows = [];
  let row = el('tr');
  for (let i = 0; i < offset; i += 1) row.append(el('td', { className: 'calendar-empty' }));
  for (let day = 1; day <= daysInMonth; day += 1) {
    const key = `${prefix}${pad(day)}`;
    const cell = el('td', { attrs: { 'data-date': key } });
    const daySessions = byDay.get(key);
    if (daySessions) {
      cell.classList.add('has-session');
      const link = el('a', { className: 'calendar-day', text: String(day), attrs: { href: `#cal-day-${key}` } });
      link.append(setText(el('span', { className: 'visually-hidden' }), 'inquiry.calendar.count', { n: daySessions.length }));
      cell.append(link, el('span', { className: 'calendar-marker', attrs: { 'aria-hidden': 'true' } }));
    } else {
      cell.append(el('span', { className: 'calendar-day', text: String(day) }));
    }
    if (year === today.year && month === today.month && day === today.day) {
      cell.classList.add('today');
      cell.setAttribute('aria-current', 'date');
    }
    row.append(cell);
    if ((offset + day) % 7 === 0) {
      rows.push(row);
      row = el('tr');
    }
  }
  if (row.childElementCount) {
    while (row.childElementCount < 7) row.append(el('td', { className: 'calendar-empty' }));
    rows.push(row);
  }
  calBody.replaceChildren(...rows);

  const seen = new Set();
  monthList.replaceChildren(...sessions.map((s) => {
    const day = shanghaiDay(s.startsAt);
    const item = el('li', { attrs: { 'data-session-id': s.id } },
      rangeNode(s.startsAt, s.endsAt, 'session-time'), ' ',
      el('a', { text: s.title || '', attrs: { href: sessionHref(s) } }), ' ',
      statusBadge(s.status));
    if (!seen.has(day)) {
      seen.add(day);
      item.id = `cal-day-${day}`;
      item.tabIndex = -1;
    }
    return item;
  }));
  monthEmpty.hidden = sessions.length > 0;
}

async function loadCalendar() {
  const params = new URLSearchParams({ page: '0', size: '100' });
  if (state.department) params.set('department', state.department);
  try {
    const result = await api('GET', `/api/inquiry/sessions?${params}`);
    state.calendarSessions = Array.isArray(result && result.items) ? result.items : [];
  } catch {
    state.calendarSessions = [];
  }
  renderCalendar();
}

function shiftMonth(delta) {
  let { year, month } = state.month;
  month += delta;
  if (month < 1) {
    month = 12;
    year -= 1;
  } else if (month > 12) {
    month = 1;
    year += 1;
  }
  state.month = { year, month };
  renderCalendar();
}

// ---------- wiring

statusSelect.value = state.status;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const departmentChanged = departmentSelect.value !== state.department;
  state.status = statusSelect.value;
  state.department = departmentSelect.value;
  state.page = 0;
  loadList();
  if (departmentChanged) loadCalendar();
});
for (const select of [statusSelect, departmentSelect]) {
  select.addEventListener('change', () => form.requestSubmit());
}
prevButton.addEventListener('click', () => {
  if (state.page > 0) {
    state.page -= 1;
    loadList();
  }
});
nextButton.addEventListener('click', () => {
  state.page += 1;
  loadList();
});
document.getElementById('cal-prev').addEventListener('click', () => shiftMonth(-1));
document.getElementById('cal-next').addEventListener('click', () => shiftMonth(1));

onLangChange(() => {
  renderWeekdays();
  calCaption.textContent = monthLabel(state.month);
});

const now = todayInShanghai();
state.month = { year: now.year, month: now.month };
renderWeekdays();
renderCalendar();
loadDepartments();
loadList();
loadCalendar();
