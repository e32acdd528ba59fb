// The open data management page of a publishing department: its datasets with their update
// status, one dataset opened at a time (resources, recording an update, editing the
// description), publishing a new dataset, and the department's dataset-request inbox.
// Officials of a department (and admins with one) only; others see why they cannot use it.

import { api } from './api.js';
import { t } from './i18n.js';
import { currentUser, formatTime, hasRole, loginHref, onLangChange, timeNode } from './inquiry-common.js';
import {
  announce, busy, clearProblem, el, errorArea, field, setText, showProblem,
} from './opendata-manage-common.js';
import { buildMetadataFields, fillMetadata, publish, saveEdit } from './opendata-manage-metadata.js';
import { buildApiForm, buildUploadForm, relabelResources, renderResources } from './opendata-manage-resources.js';
import { loadInbox } from './opendata-manage-inbox.js';

const $ = (id) => document.getElementById(id);
const state = { datasets: [], open: null };

function statusCell(row) {
  const cell = el('td', { className: 'odm-state' },
    el('span', { className: `badge ${row.overdue ? 'odm-overdue' : 'odm-ontime'}`, i18n: row.overdue ? 'odm.overdue' : 'odm.onTime' }));
  if (row.dueAt) cell.append(el('br'), setText(el('span', { className: 'odm-due' }), 'odm.due', { date: formatTime(row.dueAt, 'date') }));
  if (row.alertedAt) {
    cell.append(el('br'), setText(el('span', { className: 'muted odm-alerted' }), 'odm.alerted', { date: formatTime(row.alertedAt, 'date') }));
  }
  return cell;
}

function actionButton(key, d, section) {
  const button = el('button', {
    className: 'button button-secondary button-small',
    i18n: key,
    attrs: { type: 'button', 'data-action': section, 'aria-label': t('odm.action.label', { action: t(key), title: d.title }) },
  });
  button.addEventListener('click', () => openDataset(d.name, section));
  return button;
}

function datasetRow(row) {
  const d = row.dataset;
  return el('tr', { attrs: { 'data-name': d.name, 'data-overdue': String(row.overdue) } },
    el('th', { attrs: { scope: 'row' } }, el('a', { text: d.title, attrs: { href: `/opendata/dataset.html?name=${encodeURIComponent(d.name)}` } }),
      el('br'), el('span', { className: 'muted odm-name', text: d.name })),
    el('td', { i18n: `odm.theme.${d.theme.code}` }),
    el('td', {}, timeNode(d.updatedAt, 'date')),
    statusCell(row),
    el('td', { className: 'odm-row-actions' },
      actionButton('odm.action.resources', d, 'resources'), actionButton('odm.action.update', d, 'update'),
      actionButton('odm.action.edit', d, 'edit')));
}

function renderDatasets() {
  $('dataset-rows').replaceChildren(...state.datasets.map(datasetRow));
  const overdue = state.datasets.filter((r) => r.overdue).length;
  setText($('datasets-status'), state.datasets.length ? 'odm.datasets.count' : 'odm.datasets.none',
    { total: state.datasets.length, overdue });
}

async function loadDatasets() {
  setText($('datasets-status'), 'odm.loading');
  try {
    state.datasets = await api('GET', '/api/opendata/manage/datasets');
    renderDatasets();
  } catch (err) {
    state.datasets = [];
    $('dataset-rows').replaceChildren();
    setText($('datasets-status'), 'odm.loadFailed', { message: err.message });
  }
  $('datasets-status').setAttribute('data-state', 'ready');
}

/** Shows the dataset in the panel (fresh from the public detail) and moves focus to the section asked for. */
async function openDataset(name, section = null) {
  let detail;
  try {
    detail = await api('GET', `/api/opendata/datasets/${encodeURIComponent(name)}`);
  } catch (err) {
    announce('odm.loadFailed', { message: err.message }, true);
    return;
  }
  state.open = detail;
  setText($('panel-heading'), 'odm.panel', { title: detail.title });
  $('panel-view').href = `/opendata/dataset.html?name=${encodeURIComponent(detail.name)}`;
  if (detail.quality && detail.quality.total != null) setText($('panel-quality'), 'odm.panel.quality', { total: detail.quality.total });
  else $('panel-quality').replaceChildren();
  renderResources($('resource-list'), detail.name, detail.resources || [], refreshOpen);
  if (section) {
    // Opening a dataset (not refreshing it) starts its forms afresh.
    fillMetadata($('edit-form'), detail);
    for (const id of ['update-form', 'upload-form', 'api-form']) {
      clearProblem($(id));
      $(id).reset();
    }
  }
  $('dataset-panel').hidden = false;
  $('dataset-panel').setAttribute('data-name', detail.name);
  if (section) {
    const heading = $(`${section}-heading`);
    heading.focus();
    heading.scrollIntoView({ block: 'start' });
  }
}

/** After a change to the open dataset: its panel and the list (last update, overdue) again. */
async function refreshOpen() {
  await Promise.all([openDataset(state.open.name), loadDatasets()]);
}

/** The inbox, offering the department's current datasets when fulfilling a request. */
function refreshInbox() {
  return loadInbox($('inbox'), $('inbox-status'), state.datasets.map((r) => r.dataset));
}

function wirePublish() {
  const form = $('publish-form');
  const toggle = $('publish-open');
  buildMetadataFields(form, 'publish', true);
  const show = (open) => {
    $('publish-section').hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) $('publish-heading').focus();
  };
  toggle.addEventListener('click', () => show(true));
  $('publish-cancel').addEventListener('click', () => {
    show(false);
    toggle.focus();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const created = await publish(form);
    if (!created) return;
    form.reset();
    $('publish-section').hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    await loadDatasets();
    await Promise.all([openDataset(created.name, 'resources'), refreshInbox()]);
    announce('odm.publish.done', { title: created.title });
  });
}

function wirePanel() {
  buildMetadataFields($('edit-form'), 'edit', false);
  $('edit-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await saveEdit($('edit-form'), state.open.name)) {
      announce('odm.edit.done');
      await refreshOpen();
    }
  });
  const update = $('update-form');
  update.prepend(errorArea(), field('update', 'summary', 'odm.update.summary', el('textarea', { attrs: { rows: 2, maxlength: 500, required: true } })));
  update.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(update);
    try {
      await busy(update, () => api('POST', `/api/opendata/manage/datasets/${encodeURIComponent(state.open.name)}/updates`,
        { summary: update.elements.namedItem('summary').value }));
      update.reset();
      announce('odm.update.done');
      await refreshOpen();
    } catch (err) {
      showProblem(update, err);
    }
  });
  buildUploadForm($('upload-form'), () => state.open.name, refreshOpen);
  buildApiForm($('api-form'), () => state.open.name, refreshOpen);
  $('panel-close').addEventListener('click', () => {
    const name = state.open && state.open.name;
    $('dataset-panel').hidden = true;
    const back = name && document.querySelector(`tr[data-name="${CSS.escape(name)}"] button`);
    if (back) back.focus();
  });
}

async function start() {
  const user = await currentUser();
  const access = $('access');
  if (!user) {
    access.replaceChildren(el('span', { i18n: 'odm.signIn' }), ' ', el('a', { i18n: 'odm.signInLink', attrs: { href: loginHref() } }));
    access.hidden = false;
    return;
  }
  if (!hasRole(user, 'official', 'admin') || !user.departmentId) {
    access.className = 'notice notice-error';
    access.replaceChildren(el('span', { i18n: 'odm.forbidden' }));
    access.hidden = false;
    return;
  }
  $('manage-area').hidden = false;
  wirePublish();
  wirePanel();
  onLangChange(() => {
    renderDatasets();
    relabelResources($('resource-list'));
  });
  await loadDatasets();
  await refreshInbox();
}

start();
