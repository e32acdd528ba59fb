// Shared pieces of the consultation staff pages: who may use them, the Beijing-time window fields
// (datetime-local values are Beijing wall-clock time, sent as instants with the +08:00 offset),
// and the official's sign-in.

import './consultation-i18n.js';
import { currentUser, hasRole, loginHref, TIME_ZONE } from './inquiry-common.js';

/** The signed-in official of a department, or null after sending others away or showing why. */
export async function requireOfficial(errorArea, message) {
  const user = await currentUser();
  if (!user) {
    window.location.replace(loginHref());
    return null;
  }
  if (!hasRole(user, 'official') || !user.departmentId) {
    errorArea.replaceChildren(message);
    errorArea.hidden = false;
    return null;
  }
  return user;
}

/** An instant as the value of a datetime-local input, in Beijing time. */
export function toLocalInput(iso) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A datetime-local value (Beijing time) as an ISO instant; null when empty or malformed. */
export function fromLocalInput(value) {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value || '') ? `${value}:00+08:00` : null;
}
