/** Accounts, departments, registration, sign-in, staff administration and "My Government" profile. */
package org.onestop.account;
