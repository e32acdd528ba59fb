// My API keys: create (the secret is shown once), list with 30-day usage, revoke.

import { api, me } from './api.js';
import { t } from './i18n.js';
import { LANG_CHANGE_EVENT } from './layout.js';

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

async function list() {
  const body = await api('GET', '/api/opendata/keys');
  const usage = new Map();
  body.usage.forEach((u) => usage.set(u.keyId, (usage.get(u.keyId) || 0) + u.calls));
  document.getElementById('none').hidden = body.keys.length > 0;
  document.getElementById('keys-body').replaceChildren(...body.keys.map((k) => {
    const tr = element('tr');
    tr.append(element('td', null, k.name), element('td', null, `od_${k.prefix}_…`), element('td', null, String(k.perMinute)),
      element('td', null, String(usage.get(k.id) || 0)), element('td', null, k.createdAt.slice(0, 10)),
      element('td', null, k.revokedAt ? t('keys.revoked') : t('keys.active')));
    const cell = element('td');
    if (!k.revokedAt) {
      const b = element('button', 'button button-small button-danger', t('keys.revoke'));
      b.type = 'button';
      b.setAttribute('aria-label', `${t('keys.revoke')} ${k.name}`);
      b.addEventListener('click', async () => {
        if (!window.confirm(t('keys.revokeConfirm'))) return;
        await api('DELETE', `/api/opendata/keys/${k.id}`);
        await list();
      });
      cell.append(b);
    }
    tr.append(cell);
    return tr;
  }));
}

async function start() {
  const user = await me();
  document.getElementById('sign-in').hidden = !!user;
  document.getElementById('keys-area').hidden = !user;
  if (user) await list();
}

document.getElementById('create-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = document.getElementById('key-name');
  const error = document.getElementById('key-name-error');
  error.hidden = true;
  input.removeAttribute('aria-invalid');
  try {
    const created = await api('POST', '/api/opendata/keys', { name: input.value });
    document.getElementById('secret').textContent = created.secret;
    document.getElementById('created').hidden = false;
    input.value = '';
    await list();
  } catch (err) {
    const field = err.problem && err.problem.errors && err.problem.errors[0];
    error.textContent = field ? field.message : err.message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
});
document.addEventListener(LANG_CHANGE_EVENT, () => { start(); });
start();
