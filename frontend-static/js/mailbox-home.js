// The mailbox home: links to write, track and my letters, and to the workbench for staff.

import { currentUser } from './inquiry-common.js';
import { isMailboxStaff } from './mailbox-common.js';

currentUser().then((user) => {
  document.getElementById('workbench-card').hidden = !isMailboxStaff(user);
});
