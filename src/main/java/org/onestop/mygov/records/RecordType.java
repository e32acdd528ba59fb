package org.onestop.mygov.records;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of personal record the portal can fetch, each from the department system holding it. */
public enum RecordType {
    PROVIDENT_FUND("provident-fund", "住房公积金", "Housing provident fund", "市住房公积金管理中心"),
    SOCIAL_INSURANCE("social-insurance", "社会保险", "Social insurance", "市人力资源和社会保障局"),
    WATER_BILL("water-bill", "水费账单", "Water bills", "市供水公司"),
    ELECTRICITY_BILL("electricity-bill", "电费账单", "Electricity bills", "国网市供电公司"),
    GAS_BILL("gas-bill", "燃气费账单", "Gas bills", "市燃气集团"),
    TRAFFIC_VIOLATION("traffic-violation", "交通违法记录", "Traffic violations", "市公安局交通警察支队"),
    PHONE_BILL("phone-bill", "话费账单摘要", "Phone bill summaries", "通信运营商");

    private final String code;
    private final String nameZh;
    private final String nameEn;
    private final String holder;

    RecordType(String code, String nameZh, String nameEn, String holder) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.holder = holder;
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

    /** The body holding this record type, as named to the person. */
    public String holder() {
        return holder;
    }

    public static Optional<RecordType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
