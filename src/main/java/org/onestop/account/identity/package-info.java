/** Chinese identity rules: resident ID numbers (GB 11643), credit codes (GB 32100), mobiles, password policy. */
package org.onestop.account.identity;
