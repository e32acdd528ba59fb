// My Government: the signed-in person's profile, then their notifications, applications, letters,
// live questions, personal records and subscriptions, each section loading on its own.

import { me } from './api.js';
import { applyI18n, hasKey } from './i18n.js';
import { onLangChange } from './inquiry-common.js';
import { initActivity } from './me-activity.js';
import { initNotifications } from './me-notifications.js';
import { initRecords } from './me-records.js';
import { initSubscriptions } from './me-subscriptions.js';

function present(value) {
  return value !== undefined && value !== null && String(value).trim() !== '';
}

/** A value node: translated when the dictionary knows the key, else the raw text. */
function term(prefix, raw) {
  const node = document.createElement('span');
  const key = `${prefix}.${raw}`;
  if (hasKey(key)) node.setAttribute('data-i18n', key);
  else node.textContent = String(raw);
  return node;
}

function rolesNode(roles) {
  const list = document.createElement('ul');
  list.className = 'inline-list';
  for (const role of roles) {
    const item = document.createElement('li');
    item.append(term('role', role));
    list.append(item);
  }
  return list;
}

function rows(user) {
  const out = [];
  const add = (key, value, id) => {
    if (present(value)) out.push([key, document.createTextNode(String(value)), id]);
  };
  add('profile.username', user.username, 'profile-username');
  add('profile.displayName', user.displayName, 'profile-displayName');
  if (present(user.kind)) out.push(['profile.kind', term('kind', user.kind), 'profile-kind']);
  const roles = Array.isArray(user.roles) ? user.roles.filter(present) : [];
  if (roles.length) out.push(['profile.roles', rolesNode(roles), 'profile-roles']);
  add('profile.department', present(user.departmentName) ? user.departmentName : user.departmentId, 'profile-department');
  add(user.kind === 'enterprise' ? 'profile.contactName' : 'profile.realName', user.realName, 'profile-realName');
  add('profile.idNumber', user.idNumber, 'profile-idNumber');
  add('profile.mobile', user.mobile, 'profile-mobile');
  add('profile.enterpriseName', user.enterpriseName, 'profile-enterpriseName');
  add('profile.creditCode', user.creditCode, 'profile-creditCode');
  return out;
}

function render(user) {
  const list = document.getElementById('profile');
  const children = [];
  for (const [key, valueNode, id] of rows(user)) {
    const row = document.createElement('div');
    row.className = 'profile-row';
    const dt = document.createElement('dt');
    dt.setAttribute('data-i18n', key);
    const dd = document.createElement('dd');
    dd.id = id;
    dd.append(valueNode);
    row.append(dt, dd);
    children.push(row);
  }
  list.replaceChildren(...children);
  applyI18n(list);
  list.hidden = false;
}

async function main() {
  const loading = document.getElementById('profile-loading');
  let user;
  try {
    user = await me();
  } catch {
    loading.hidden = true;
    document.getElementById('profile-error').hidden = false;
    return;
  }
  if (!user) {
    window.location.replace('/login.html?next=/me/');
    return;
  }
  loading.hidden = true;
  render(user);
  onLangChange(() => {});
  initNotifications(user);
  initActivity();
  initRecords();
  initSubscriptions();
}

main();
