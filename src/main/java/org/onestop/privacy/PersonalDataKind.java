package org.onestop.privacy;

/** The kinds of personal data that {@link PersonalDataMasker} recognises. */
public enum PersonalDataKind {
    /** A person's name, either known to the system or introduced by a cue such as 我叫 or 女士. */
    NAME,
    /** A mainland mobile number, with or without the {@code +86} country code. */
    MOBILE,
    /** A fixed-line number with its area code, or without one when a word such as 电话 introduces it. */
    LANDLINE,
    /** An 18-character resident identity number, or a 15-digit first-generation one. */
    ID_NUMBER,
    /** The house-level part of an address: house number, building, unit, floor and room. */
    ADDRESS,
    /** An e-mail address. */
    EMAIL,
    /** A 16- to 19-digit payment card number that passes the Luhn check. */
    BANK_CARD
}
