// On the open data catalogue: shows the link to the department's management page to the staff
// who can use it (officials, and admins, of a department). Everyone else never sees it.

import './opendata-manage-i18n.js';
import { applyI18n } from './i18n.js';
import { currentUser, hasRole } from './inquiry-common.js';

const link = document.getElementById('manage-link');
if (link) {
  applyI18n(link);
  currentUser().then((user) => {
    link.hidden = !(hasRole(user, 'official', 'admin') && user.departmentId);
    link.setAttribute('data-checked', ''); // the decision is made: tests wait for it
  });
}
