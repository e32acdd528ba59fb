// Shared pieces of the disclosure pages: links, names in both languages, validity badges, the
// departments and category tree as look-ups, and the two ways server HTML reaches the page —
// document bodies (sanitised HTML) and search highlights (escaped text with <mark>). DOM and
// language helpers come from inquiry-common.js.

import './disclosure-i18n.js';
import { api } from './api.js';
import { currentLang, hasKey, t } from './i18n.js';
import { el, setBilingual } from './inquiry-common.js';

export const VALIDITIES = ['valid', 'expired', 'repealed'];

/** A positive id from the address (?name=…), or null. */
export function idParam(name, params = new URLSearchParams(window.location.search)) {
  const raw = params.get(name);
  return raw && /^[1-9]\d{0,17}$/.test(raw) ? raw : null;
}

export function documentHref(id, version = null) {
  return `/disclosure/document.html?id=${encodeURIComponent(id)}${version ? `&version=${encodeURIComponent(version)}` : ''}`;
}

export function departmentHref(id) {
  return `/disclosure/department.html?id=${encodeURIComponent(id)}`;
}

export function searchHref(params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const search = query.toString();
  return `/disclosure/search.html${search ? `?${search}` : ''}`;
}

/** A {name, nameEn} (department or category) as a node that follows the language toggle. */
export function namedNode(named, tag = 'span', className = '') {
  return setBilingual(el(tag, { className }), named && named.name, named && named.nameEn);
}

export function validityBadge(validity) {
  const key = `dis.validity.${validity}`;
  const node = el('span', { className: `badge dis-validity dis-validity-${validity}` });
  if (hasKey(key)) {
    node.setAttribute('data-i18n', key);
    node.textContent = t(key);
  } else {
    node.textContent = String(validity || '');
  }
  return node;
}

/** A calendar date ("2024-03-01") as <time>; it has no time of day, so no time zone applies. */
export function dayNode(day, className = '') {
  return el('time', { className, text: day || '', attrs: { datetime: day || '' } });
}

/**
 * The portal's departments and the category tree, with look-ups. Facet values carry ids and a
 * Chinese label only; these give the English names, and the category codes the filters take.
 */
export async function loadReference() {
  const [departments, tree] = await Promise.all([
    api('GET', '/api/departments').catch(() => []),
    api('GET', '/api/disclosure/categories').catch(() => []),
  ]);
  const departmentById = new Map();
  for (const d of Array.isArray(departments) ? departments : []) departmentById.set(String(d.id), d);
  const categoryById = new Map();
  const categoryByCode = new Map();
  const walk = (nodes, depth, parent) => {
    for (const c of Array.isArray(nodes) ? nodes : []) {
      const entry = { ...c, depth, parent };
      categoryById.set(String(c.id), entry);
      categoryByCode.set(c.code, entry);
      walk(c.children, depth + 1, entry);
    }
  };
  walk(tree, 0, null);
  return {
    departments: Array.isArray(departments) ? departments : [],
    tree: Array.isArray(tree) ? tree : [],
    departmentById,
    categoryById,
    categoryByCode,
  };
}

/** Category <option>s in tree order, children indented, for a filter <select>. */
export function categoryOptions(tree, selectedCode) {
  const options = [];
  const walk = (nodes, depth) => {
    for (const c of nodes) {
      const option = el('option', { attrs: { value: c.code } });
      const prefix = '\u3000'.repeat(depth); // ideographic spaces: indentation a <select> keeps
      option.setAttribute('data-zh', prefix + c.name);
      option.setAttribute('data-en', prefix + (c.nameEn || c.name));
      option.textContent = option.getAttribute(currentLang() === 'en' ? 'data-en' : 'data-zh');
      if (c.code === selectedCode) option.selected = true;
      options.push(option);
      walk(Array.isArray(c.children) ? c.children : [], depth + 1);
    }
  };
  walk(tree, 0);
  return options;
}

// ---------- search highlights

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function unescapeText(text) {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
}

/**
 * A highlighted title or snippet as nodes. The API escapes every character of the document and
 * adds only <mark> and </mark>; this never parses HTML: it splits on exactly those two tags,
 * makes text nodes of the rest (undoing the five escapes the server applies) and <mark>
 * elements around matches. Whatever else the string holds ends up as visible text, never markup.
 */
export function highlightedNodes(markup) {
  const nodes = [];
  let mark = null;
  for (const part of String(markup || '').split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') {
      mark = el('mark');
      nodes.push(mark);
    } else if (part === '</mark>') {
      mark = null;
    } else if (part) {
      const text = document.createTextNode(unescapeText(part));
      if (mark) mark.append(text);
      else nodes.push(text);
    }
  }
  return nodes;
}

// ---------- rich text (document bodies and guides)

/** What RichText.java lets through; anything else is dropped (scripts, frames, styles) or unwrapped. */
const ALLOWED = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'ul', 'ol', 'li',
  'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'strong', 'b', 'em', 'i', 'u',
  'sub', 'sup', 'a']);
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'svg',
  'math', 'textarea', 'select', 'title', 'head']);
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

function safeHref(raw) {
  try {
    const url = new URL(raw, window.location.href);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function copyAllowed(source, target, shift) {
  for (const node of Array.from(source.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      target.append(document.createTextNode(node.data));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const name = node.localName;
    if (DROPPED_WITH_CONTENT.has(name)) continue;
    if (!ALLOWED.has(name)) {
      copyAllowed(node, target, shift); // unknown wrapper (span, font, div…): keep its content
      continue;
    }
    const level = /^h[1-6]$/.test(name) ? Math.min(6, Number(name[1]) + shift) : 0;
    const copy = document.createElement(level ? `h${level}` : name);
    if (name === 'a') {
      const href = node.hasAttribute('href') ? safeHref(node.getAttribute('href')) : null;
      if (href) {
        copy.setAttribute('href', href);
        copy.setAttribute('rel', 'noopener noreferrer');
      }
      if (node.hasAttribute('title')) copy.setAttribute('title', node.getAttribute('title'));
    } else if (name === 'td' || name === 'th') {
      for (const attr of ['colspan', 'rowspan']) {
        const value = node.getAttribute(attr);
        if (value && /^[1-9]\d?$/.test(value)) copy.setAttribute(attr, value);
      }
    }
    copyAllowed(node, copy, shift);
    target.append(copy);
  }
}

/**
 * Server-sanitised HTML (document bodies, guides) as a fragment for this page. The HTML is parsed
 * by DOMParser into a separate, inert document: there scripts never run, event handlers never
 * fire and nothing is fetched. Only allow-listed elements with their few safe attributes (links
 * to http, https or mailto) are then re-created in this page — a second line of defence behind
 * the server's sanitiser and the CSP, never innerHTML. Headings are shifted so that the body's
 * top heading sits at level `top` under the page's own headings.
 */
export function richText(html, top = 3) {
  const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><body>${String(html || '')}`, 'text/html');
  const headings = Array.from(parsed.body.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => Number(h.localName[1]));
  const shift = headings.length ? top - Math.min(...headings) : 0;
  const fragment = document.createDocumentFragment();
  copyAllowed(parsed.body, fragment, shift);
  return fragment;
}

/** Files linked from a body (attachments are pasted into bodies as links), as {href, text}. */
export function fileLinks(root) {
  const files = [];
  const seen = new Set();
  for (const a of root.querySelectorAll('a[href]')) {
    let path = '';
    try {
      path = new URL(a.href).pathname.toLowerCase();
    } catch {
      continue;
    }
    if (/\.(pdf|ofd|docx?|wps|xlsx?|et|csv|pptx?|zip|rar|7z|txt|jpe?g|png)$/.test(path) && !seen.has(a.href)) {
      seen.add(a.href);
      files.push({ href: a.href, text: a.textContent.trim() || decodeURIComponent(path.split('/').pop()) });
    }
  }
  return files;
}
