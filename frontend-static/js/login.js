// Login page.

import { api, ApiError } from './api.js';
import { clearErrors, setBusy, showProblem, validate } from './forms.js';
import { t } from './i18n.js';

/** The `next` query parameter if it is a same-site path ("/..." but not "//..."), else "/". */
export function safeNext(search) {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f]/.test(next)) {
    return '/';
  }
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin) return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}

const form = document.getElementById('login-form');
const button = document.getElementById('login-submit');
const params = new URLSearchParams(window.location.search);

if (params.get('registered') === '1') {
  document.getElementById('registered-notice').hidden = false;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const invalid = validate(form);
  if (invalid) {
    showProblem(form, invalid);
    return;
  }
  clearErrors(form);
  setBusy(form, button, true);
  try {
    await api('POST', '/api/auth/login', {
      username: form.elements.username.value.trim(),
      password: form.elements.password.value,
    });
    window.location.assign(safeNext(window.location.search));
  } catch (err) {
    setBusy(form, button, false);
    showProblem(form, err instanceof ApiError ? err.problem : { title: t('error.generic') });
  }
});
