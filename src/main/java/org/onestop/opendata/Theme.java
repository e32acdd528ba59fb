package org.onestop.opendata;

import java.util.Locale;

/**
 * The nine themes of the city's open data catalogue; each maps to the EU data theme used when the
 * catalogue is harvested as DCAT-AP.
 */
public enum Theme {
    ECONOMY("economy", "经济发展", "Economic development", "ECON"),
    HEALTH("health", "卫生健康", "Health", "HEAL"),
    PUBLIC_SERVICES("public-services", "公共服务", "Public services", "GOVE"),
    TRANSPORT("transport", "交通出行", "Transport", "TRAN"),
    EDUCATION_CULTURE("education-culture", "教育文化", "Education and culture", "EDUC"),
    ENVIRONMENT("environment", "资源环境", "Resources and environment", "ENVI"),
    SOCIAL("social", "社会民生", "Social welfare", "SOCI"),
    URBAN("urban", "城市建设", "Urban development", "REGI"),
    ORGANISATIONS("organisations", "机构团体", "Organisations", "GOVE");

    private final String code;
    private final String nameZh;
    private final String nameEn;
    private final String euTheme;

    Theme(String code, String nameZh, String nameEn, String euTheme) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.euTheme = euTheme;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    /** The code in the EU data-theme vocabulary (publications.europa.eu/resource/authority/data-theme). */
    public String euTheme() {
        return euTheme;
    }

    /** The theme with this code, or null. */
    public static Theme fromCode(String code) {
        for (Theme t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        return null;
    }
}
