// One published document: its index information (索引号, issuing organ, 文号, category, topic,
// dates, validity), the sanitised body, its attachments (those of the version shown; when the API
// lists none, the files the body links to stand in), related documents, the version history
// with any past version readable (?version=N), and a print view (disclosure-print.css).
// A withdrawn or unknown document gets the API's 404 problem, shown with ways onward.

import { api, ApiError } from './api.js';
import { dictionary, t } from './i18n.js';
import { el, onLangChange, setText, timeNode } from './inquiry-common.js';
import {
  dayNode, departmentHref, documentHref, fileLinks, idParam, namedNode, richText, validityBadge,
} from './disclosure-common.js';

// The text of an attachment's type and size; added here (after layout.js has translated the page
// once) because only nodes this module makes use it.
Object.assign(dictionary['zh-CN'], { 'dis.doc.fileMeta': '（{type}，{size}）' });
Object.assign(dictionary.en, { 'dis.doc.fileMeta': ' ({type}, {size})' });

const FILE_TYPES = {
  'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/gif': 'GIF', 'image/webp': 'WebP',
};

const $ = (id) => document.getElementById(id);
const id = idParam('id');
const requestedVersion = /^[1-9]\d{0,5}$/.test(new URLSearchParams(window.location.search).get('version') || '')
  ? Number(new URLSearchParams(window.location.search).get('version')) : null;

function fact(key, value) {
  return el('div', { className: 'dis-fact' },
    el('dt', { i18n: key }),
    el('dd', {}, value === null || value === undefined || value === '' ? el('span', { className: 'muted', i18n: 'dis.none' }) : value));
}

function text(value) {
  return value ? el('span', { text: value }) : null;
}

/** The index information of the document as shown: the current one, or a past version's own fields. */
function renderFacts(doc, shown) {
  const department = el('a', { attrs: { href: departmentHref(doc.department.id) } }, namedNode(doc.department));
  $('doc-facts').replaceChildren(
    fact('dis.fact.index', el('span', { className: 'dis-index', text: doc.indexNumber })),
    fact('dis.fact.department', department),
    fact('dis.fact.number', text(shown.docNumber)),
    fact('dis.fact.category', shown.category ? namedNode(shown.category) : null),
    fact('dis.fact.topic', text(shown.topic)),
    fact('dis.fact.published', dayNode(shown.publishedOn)),
    fact('dis.fact.updated', timeNode(shown.savedAt || shown.updatedAt, 'datetime')),
    fact('dis.fact.validity', validityBadge(shown.validity)),
    fact('dis.fact.version', setText(el('span'), 'dis.doc.versionN', { n: shown.version })));
}

function fileSize(bytes) {
  const n = Number(bytes) || 0;
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** The attachments of the version shown, as downloads: name, then type and size. */
function attachmentItem(a) {
  const href = typeof a.href === 'string' && a.href.startsWith('/api/disclosure/') ? a.href : null;
  const name = href ? el('a', { text: a.name, attrs: { href, download: a.name } }) : el('span', { text: a.name });
  const meta = setText(el('span', { className: 'muted' }), 'dis.doc.fileMeta',
    { type: FILE_TYPES[a.contentType] || a.contentType || '', size: fileSize(a.size) });
  return el('li', { attrs: { 'data-attachment-id': a.id } }, name, meta);
}

function renderBody(shown) {
  const body = $('doc-body');
  body.replaceChildren(richText(shown.body, 3));
  const attachments = Array.isArray(shown.attachments) ? shown.attachments : [];
  // Documents without attachments (e.g. published before they existed) may link their files in
  // the body: those links stand in, so the files are still listed where readers look for them.
  const items = attachments.length ? attachments.map(attachmentItem)
    : fileLinks(body).map((f) => el('li', { attrs: { 'data-source': 'body' } },
      el('a', { text: f.text, attrs: { href: f.href, rel: 'noopener noreferrer' } })));
  $('attachment-list').replaceChildren(...items);
  $('attachments-section').hidden = !items.length;
}

function renderRelated(doc) {
  const related = Array.isArray(doc.related) ? doc.related : [];
  $('related-list').replaceChildren(...related.map((r) => el('li', { attrs: { 'data-document-id': r.id } },
    el('a', { text: r.title, attrs: { href: documentHref(r.id) } }),
    ' ', el('span', { className: 'dis-index muted', text: r.indexNumber }))));
  $('related-section').hidden = !related.length;
}

function renderVersions(doc, shownVersion) {
  const versions = (Array.isArray(doc.versions) ? doc.versions : []).slice().reverse();
  $('version-list').replaceChildren(...versions.map((v) => {
    const label = setText(el('span'), 'dis.doc.versionN', { n: v.version });
    const name = v.version === shownVersion ? el('strong', {}, label)
      : el('a', { attrs: { href: documentHref(doc.id, v.current ? null : v.version) } }, label);
    const li = el('li', { attrs: { 'data-version': v.version } }, name, ' ',
      el('span', { className: 'muted', i18n: 'dis.doc.savedAt' }), ' ', timeNode(v.savedAt, 'datetime'),
      ' ', el('span', { className: 'dis-version-title', text: v.title }));
    if (v.current) li.append(' ', el('span', { className: 'badge dis-badge-current', i18n: 'dis.doc.current' }));
    if (v.version === shownVersion) {
      li.setAttribute('aria-current', 'true');
      li.append(' ', el('span', { className: 'badge dis-badge-shown', i18n: 'dis.doc.viewing' }));
    }
    return li;
  }));
}

function render(doc, shown) {
  $('doc-title').textContent = shown.title;
  document.title = `${shown.title} - ${t('title.disclosureDocument')}`;
  renderFacts(doc, shown);
  renderBody(shown);
  renderRelated(doc);
  renderVersions(doc, shown.version);

  const past = !shown.current && shown.version !== doc.version;
  $('version-banner').hidden = !past;
  if (past) {
    setText($('version-banner-text'), 'dis.doc.past', { n: shown.version });
    $('version-current-link').href = documentHref(doc.id);
  }
  $('withdrawn-banner').hidden = doc.status !== 'withdrawn';
  $('withdrawn-reason').hidden = !doc.withdrawReason;
  $('withdrawn-reason-text').textContent = doc.withdrawReason || '';
  $('document-main').hidden = false;
}

function gone(problem) {
  $('page-loading').hidden = true;
  // The problem's detail ("请求的文件（编号 5）不存在。"), in the language the page asked for, and its status.
  if (problem) setText($('gone-detail'), 'dis.doc.goneStatus', { title: problem.detail || problem.title || '', status: problem.status || 404 });
  else setText($('gone-detail'), 'dis.doc.badId');
  $('gone').hidden = false;
  $('document-main').hidden = true;
}

async function load() {
  if (!id) {
    gone(null);
    return;
  }
  try {
    const doc = await api('GET', `/api/disclosure/documents/${encodeURIComponent(id)}`);
    let shown = { ...doc, current: true };
    if (requestedVersion && requestedVersion !== doc.version) {
      shown = await api('GET', `/api/disclosure/documents/${encodeURIComponent(id)}/versions/${requestedVersion}`);
    }
    $('page-loading').hidden = true;
    render(doc, shown);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      gone(err.problem);
    } else {
      $('page-loading').removeAttribute('data-i18n');
      $('page-loading').textContent = (err && err.message) || t('error.generic');
    }
  }
}

$('print-button').addEventListener('click', () => window.print());
onLangChange(() => {
  const title = $('doc-title').textContent;
  if (title) document.title = `${title} - ${t('title.disclosureDocument')}`;
});
load();
