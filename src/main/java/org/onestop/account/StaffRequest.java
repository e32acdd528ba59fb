package org.onestop.account;

import java.util.List;

/**
 * The body of {@code POST /api/admin/users}: a staff account with one or more of the roles
 * official, moderator, admin, mailbox_clerk and supervisor. Officials belong to a department;
 * their job title (optional) is shown with their answers.
 */
record StaffRequest(String username, String password, String displayName, List<String> roles, Long departmentId,
        String realName, String mobile, String jobTitle) {
}
