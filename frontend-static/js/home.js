// Home page: personal greeting when signed in.

import { applyI18n } from './i18n.js';
import { me } from './api.js';

async function greet() {
  let user = null;
  try {
    user = await me();
  } catch {
    return; // API unavailable: keep the general welcome line
  }
  if (!user) return;
  const text = document.getElementById('greeting-text');
  const name = document.getElementById('greeting-name');
  if (!text || !name) return;
  text.setAttribute('data-i18n', 'home.hello');
  name.textContent = user.displayName || user.username || '';
  applyI18n(text);
}

greet();
