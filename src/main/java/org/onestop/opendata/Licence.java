package org.onestop.opendata;

/** The open licences a dataset may carry, with the URL a harvester links to. */
public enum Licence {
    CC_BY_4("cc-by-4.0", "知识共享署名 4.0 (CC BY 4.0)", "Creative Commons Attribution 4.0",
            "https://creativecommons.org/licenses/by/4.0/"),
    CC0("cc0-1.0", "知识共享零 1.0 (CC0 1.0)", "Creative Commons CCZero 1.0",
            "https://creativecommons.org/publicdomain/zero/1.0/"),
    ODBL("odc-odbl", "开放数据库许可 (ODbL 1.0)", "Open Data Commons Open Database License 1.0",
            "https://opendatacommons.org/licenses/odbl/1-0/");

    private final String code;
    private final String titleZh;
    private final String titleEn;
    private final String url;

    Licence(String code, String titleZh, String titleEn, String url) {
        this.code = code;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.url = url;
    }

    public String code() {
        return code;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }

    public String url() {
        return url;
    }

    public static Licence fromCode(String code) {
        for (Licence l : values()) {
            if (l.code.equals(code)) {
                return l;
            }
        }
        return null;
    }
}
