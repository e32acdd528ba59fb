package org.onestop.account;

/**
 * The body of {@code POST /api/auth/register}. Every field is a string so that wrong values get
 * a field error from {@link RegistrationValidator} instead of a bare parse failure.
 */
record RegistrationRequest(String username, String password, String displayName, String kind, String realName,
        String idNumber, String mobile, String enterpriseName, String creditCode) {
}
