// The staff workbench: my queue (clerks: triage and dispatch; officials: their department's
// cases) sorted by due date, nearly-due and overdue rows marked with words and a symbol as well
// as colour; petitions (网上信访) are marked and run on their own clock; for supervisors, the
// escalation list of overdue cases, of every channel or one.

import { api } from './api.js';
import { t } from './i18n.js';
import { el, hasRole, setText } from './inquiry-common.js';
import {
  channelBadge, clockNode, flagNode, kindNode, labelNode, requireUser, isMailboxStaff, statusBadge, wirePager,
} from './mailbox-common.js';

const PAGE_SIZE = 20;
const $ = (id) => document.getElementById(id);
const state = { page: 0, total: 0 };

/** Due date first (no clock last), as the server sorts; kept stable within a page. */
function byDue(a, b) {
  const da = (a.clock && a.clock.dueOn) || '9999-12-31';
  const db = (b.clock && b.clock.dueOn) || '9999-12-31';
  return da < db ? -1 : da > db ? 1 : 0;
}

function row(item) {
  const link = el('a', { text: item.trackingNumber, attrs: { href: `/mailbox/case.html?id=${encodeURIComponent(item.id)}` } });
  const flags = el('td', { className: 'mbox-flags' });
  const flag = flagNode(item.clock);
  if (flag) flags.append(flag);
  if (item.supervision) {
    flags.append(' ', el('span', { className: 'badge mbox-flag mbox-flag-supervised', attrs: { title: item.supervision.text || '' } },
      el('span', { i18n: 'mbox.flag.supervised' })));
  }
  const tr = el('tr', { attrs: { 'data-letter-id': item.id } },
    el('th', { attrs: { scope: 'row' } }, link),
    el('td', {}, channelBadge(item.channel), item.channel === 'petition' ? ' ' : null, item.title || ''),
    el('td', {}, kindNode(item.kind)),
    el('td', {}, statusBadge(item.status)),
    el('td', {}, labelNode('mbox.assignment', item.assignment)),
    el('td', {}, clockNode(item.clock)),
    flags);
  if (item.clock && item.clock.overdue) tr.classList.add('mbox-overdue');
  else if (item.clock && item.clock.nearlyDue) tr.classList.add('mbox-nearly');
  return tr;
}

async function fill(path, table, rows, status, emptyKey) {
  const result = await api('GET', path);
  const items = (Array.isArray(result && result.items) ? result.items : []).slice().sort(byDue);
  rows.replaceChildren(...items.map(row));
  table.hidden = !items.length;
  const total = Number(result && result.total) || 0;
  setText(status, items.length ? 'mbox.work.count' : emptyKey, { total });
  return total;
}

let updatePager = () => {};

async function loadQueue(page = state.page) {
  state.page = page;
  const params = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
  try {
    state.total = await fill(`/api/mailbox/queue?${params}`, $('queue-table'), $('queue-rows'), $('queue-status'), 'mbox.work.empty');
  } catch (err) {
    $('queue-status').removeAttribute('data-t');
    $('queue-status').textContent = err.message || t('error.generic');
  }
  updatePager();
}

async function loadSupervision() {
  try {
    const channel = $('supervision-channel').value;
    const params = new URLSearchParams({ size: '50', ...(channel ? { channel } : {}) });
    await fill(`/api/mailbox/supervision?${params}`, $('supervision-table'), $('supervision-rows'), $('supervision-status'),
      'mbox.work.supervisionEmpty');
  } catch (err) {
    $('supervision-status').removeAttribute('data-t');
    $('supervision-status').textContent = err.message || t('error.generic');
  }
}

async function start() {
  const user = await requireUser();
  if (!user) return;
  if (!isMailboxStaff(user)) {
    $('not-staff').hidden = false;
    return;
  }
  const queued = hasRole(user, 'mailbox_clerk') || (hasRole(user, 'official') && user.departmentId);
  const supervises = hasRole(user, 'supervisor', 'admin');
  $('queue-section').hidden = !queued;
  $('supervision-section').hidden = !supervises;
  const loads = [];
  if (queued) {
    updatePager = wirePager(state, PAGE_SIZE, loadQueue);
    loads.push(loadQueue());
  }
  if (supervises) {
    $('supervision-channel').addEventListener('change', loadSupervision);
    loads.push(loadSupervision());
  }
  await Promise.all(loads);
}

start();
