// Runs on every page: texts, language toggle, header account area.

import { applyI18n, currentLang, setLang } from './i18n.js';
import { api, me } from './api.js';

export const LANG_CHANGE_EVENT = 'onestop:langchange';

function el(tag, attrs = {}, i18nKey = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (i18nKey) node.setAttribute('data-i18n', i18nKey);
  return node;
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

applyI18n(document);
wireLangToggle();
fillAccountArea();
