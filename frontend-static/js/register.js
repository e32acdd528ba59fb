// Registration page: citizen (个人) or enterprise (法人) accounts.

import { api, ApiError } from './api.js';
import { clearErrors, setBusy, showProblem, validate } from './forms.js';
import { applyI18n, t } from './i18n.js';

const form = document.getElementById('register-form');
const button = document.getElementById('register-submit');
const realNameLabel = document.getElementById('realName-label');

function currentKind() {
  return document.getElementById('kind-enterprise').checked ? 'enterprise' : 'citizen';
}

/** Shows the fields of the chosen kind (hidden wrappers are neither validated nor sent). */
function syncKind() {
  const kind = currentKind();
  for (const wrapper of form.querySelectorAll('[data-kind]')) {
    wrapper.hidden = wrapper.getAttribute('data-kind') !== kind;
  }
  realNameLabel.setAttribute('data-i18n', kind === 'enterprise' ? 'field.contactName' : 'field.realName');
  applyI18n(realNameLabel);
}

function value(name) {
  return form.elements[name].value.trim();
}

function buildBody() {
  const kind = currentKind();
  const body = {
    username: value('username'),
    password: form.elements.password.value,
    displayName: value('displayName'),
    kind,
    realName: value('realName'),
    mobile: value('mobile'),
  };
  if (kind === 'citizen') {
    body.idNumber = value('idNumber');
  } else {
    body.enterpriseName = value('enterpriseName');
    body.creditCode = value('creditCode');
  }
  return body;
}

for (const radio of form.querySelectorAll('input[name="kind"]')) {
  radio.addEventListener('change', () => {
    syncKind();
    clearErrors(form);
  });
}
syncKind();

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
    await api('POST', '/api/auth/register', buildBody());
    window.location.assign('/login.html?registered=1');
  } catch (err) {
    setBusy(form, button, false);
    showProblem(form, err instanceof ApiError ? err.problem : { title: t('error.generic') });
  }
});
