package org.onestop.account;

import java.util.Locale;

/** A municipal department or a district government. */
public record Department(long id, String code, String nameZh, String nameEn, String kind) {

    /** The name in the caller's language: English for English readers, Chinese otherwise. */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
