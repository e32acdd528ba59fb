// Runs on every page: the shared page chrome (skip link, header, main navigation, footer),
// texts, language toggle, header account area.
//
// Each page keeps only empty <header class="site-header"></header> and
// <footer class="site-footer"></footer> shells around its <main id="main">; this module fills
// them from the single definition below, synchronously when it first runs, before any page
// script (page scripts are listed after it, or import it).

import { applyI18n, currentLang, setLang } from './i18n.js';
import { api, me } from './api.js';

export const LANG_CHANGE_EVENT = 'onestop:langchange';

/** The main navigation: one entry per area; `area` is the first path segment it owns (`also`: more such segments). */
const NAV = [
  { href: '/', key: 'nav.home', area: '' },
  { href: '/inquiry/', key: 'nav.inquiry', area: 'inquiry' },
  { href: '/servicehall/', key: 'nav.servicehall', area: 'servicehall' },
  { href: '/disclosure/', key: 'nav.disclosure', area: 'disclosure' },
  { href: '/opendata/', key: 'nav.opendata', area: 'opendata' },
  { href: '/mailbox/', key: 'nav.mailbox', area: 'mailbox', also: ['consultations'] },
  { href: '/me/', key: 'nav.me', area: 'me' },
];

const FOOTER_KEYS = ['footer.host', 'footer.demo'];

function el(tag, attrs = {}, i18nKey = null, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (i18nKey) node.setAttribute('data-i18n', i18nKey);
  node.append(...children);
  return node;
}

/**
 * The area the current page belongs to, from its path: '' for the home page, the first path
 * segment for area pages ("/inquiry/session.html" → "inquiry"), null for pages in no area
 * (sign-in and registration).
 */
function currentArea(pathname = window.location.pathname) {
  if (pathname === '/' || pathname === '/index.html') return '';
  const parts = pathname.split('/'); // "/inquiry/" → ["", "inquiry", ""]
  return parts.length > 2 ? parts[1] : null; // "/login.html" → ["", "login.html"]: no area
}

function renderNav() {
  const area = currentArea();
  const items = NAV.map((entry) => {
    const link = el('a', { href: entry.href }, entry.key);
    if (entry.area === area || entry.also?.includes(area)) link.setAttribute('aria-current', 'page');
    return el('li', {}, null, link);
  });
  return el('nav', { class: 'main-nav', 'data-i18n-attr': 'aria-label:nav.label' }, null, el('ul', {}, null, ...items));
}

function renderHeader(header) {
  const brand = el('a', { class: 'brand', href: '/' }, null,
    el('img', { class: 'brand-logo', src: '/favicon.svg', alt: '', width: '36', height: '36' }),
    el('span', { class: 'brand-name' }, 'site.name'));
  const tools = el('div', { class: 'header-tools' }, null,
    el('div', { id: 'account-area', class: 'account-area', role: 'group', 'data-i18n-attr': 'aria-label:account.label' }),
    el('button', { type: 'button', id: 'lang-toggle', class: 'header-button' }, 'lang.toggle'));
  header.replaceChildren(el('div', { class: 'header-inner' }, null, brand, tools), renderNav());
}

function renderFooter(footer) {
  footer.replaceChildren(el('div', { class: 'footer-inner' }, null, ...FOOTER_KEYS.map((key) => el('p', {}, key))));
}

/** Finds the page's shell for the header or footer, or adds one next to <main>. */
function shell(tag, className, place) {
  let node = document.querySelector(`body > ${tag}.${className}`);
  if (!node) {
    node = el(tag, { class: className });
    const main = document.getElementById('main');
    if (main) main[place](node);
    else if (place === 'before') document.body.prepend(node);
    else document.body.append(node);
  }
  return node;
}

function renderChrome() {
  if (!document.body) return;
  renderHeader(shell('header', 'site-header', 'before'));
  renderFooter(shell('footer', 'site-footer', 'after'));
  if (!document.querySelector('body > .skip-link')) {
    document.body.prepend(el('a', { class: 'skip-link', href: '#main' }, 'site.skip'));
  }
}

function syncToggle(toggle) {
  // The button names the *other* language, so mark its own language for screen readers.
  toggle.lang = currentLang() === 'en' ? 'zh-CN' : 'en';
}

function wireLangToggle() {
  const toggle = document.getElementById('lang-toggle');
  if (!toggle) return;
  syncToggle(toggle);
  toggle.addEventListener('click', () => {
    setLang(currentLang() === 'en' ? 'zh-CN' : 'en');
    applyI18n(document);
    syncToggle(toggle);
    document.dispatchEvent(new CustomEvent(LANG_CHANGE_EVENT, { detail: { lang: currentLang() } }));
  });
}

function renderAnonymous(area) {
  const login = el('a', { href: '/login.html', id: 'account-login', class: 'account-link' }, 'account.login');
  const register = el('a', { href: '/register.html', id: 'account-register', class: 'account-link' }, 'account.register');
  area.replaceChildren(login, register);
}

function renderUser(area, user) {
  const name = el('span', { id: 'account-name', class: 'account-name' });
  name.textContent = user.displayName || user.username || '';
  const mine = el('a', { href: '/me/', id: 'account-me', class: 'account-link' }, 'account.me');
  const logout = el('button', { type: 'button', id: 'logout-button', class: 'header-button' }, 'account.logout');
  logout.addEventListener('click', async () => {
    logout.disabled = true;
    try {
      await api('POST', '/api/auth/logout');
    } catch {
      // even if the server refused, leave for the home page, which shows the real state
    }
    window.location.assign('/');
  });
  area.replaceChildren(name, mine, logout);
}

async function fillAccountArea() {
  const area = document.getElementById('account-area');
  if (!area) return;
  let user = null;
  try {
    user = await me();
  } catch {
    user = null; // API unavailable: behave as anonymous
  }
  if (user) renderUser(area, user);
  else renderAnonymous(area);
  applyI18n(area);
}

renderChrome();
applyI18n(document);
wireLangToggle();
fillAccountArea();
