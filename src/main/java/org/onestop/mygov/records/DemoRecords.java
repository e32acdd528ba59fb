package org.onestop.mygov.records;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The records the demo records service holds for a person: made up, but the same for the same ID
 * number on the same day, and growing with time as a real system's would (a new bill on the 5th of
 * each month, a new violation every few months), so subscriptions have something to find.
 */
final class DemoRecords {

    static final int MONTHS = 12;
    private static final int ISSUE_DAY = 5;
    private static final LocalDate VIOLATION_EPOCH = LocalDate.of(2020, 1, 1);
    private static final String[] VIOLATIONS = {"机动车违反禁止停车标线指示", "驾驶机动车不按导向车道行驶", "机动车行经人行横道未礼让行人",
            "驾驶机动车超过规定时速未达20%", "机动车不按规定使用灯光"};
    private static final String[] PLACES = {"香港中路与山东路路口", "东海西路", "福州南路", "辽阳西路与南京路路口", "延安三路"};

    private DemoRecords() {
    }

    static RecordList of(RecordType type, String idNumber, LocalDate today) {
        List<PersonalRecord> records = type == RecordType.TRAFFIC_VIOLATION ? violations(idNumber, today) : monthly(type, idNumber, today);
        return new RecordList(type.code(), records);
    }

    private static List<PersonalRecord> monthly(RecordType type, String idNumber, LocalDate today) {
        YearMonth latest = today.getDayOfMonth() >= ISSUE_DAY ? YearMonth.from(today) : YearMonth.from(today).minusMonths(1);
        List<PersonalRecord> out = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            YearMonth month = latest.minusMonths(i);
            long h = hash(idNumber, type.code(), month.toString());
            LocalDate issued = month.atDay(ISSUE_DAY);
            String period = month.toString();
            String label = month.getYear() + "年" + month.getMonthValue() + "月";
            boolean current = i == 0;
            out.add(switch (type) {
                case PROVIDENT_FUND -> new PersonalRecord("pf-" + period, label + "住房公积金缴存", period,
                        amount(h, 800, 3200), "deposited", issued, "单位和个人缴存比例各 12%");
                case SOCIAL_INSURANCE -> new PersonalRecord("si-" + period, label + "社会保险缴费", period,
                        amount(h, 600, 2000), "paid", issued, "养老、医疗、失业、工伤、生育保险");
                case WATER_BILL -> new PersonalRecord("water-" + period, label + "水费账单", period,
                        amount(h, 20, 120), current ? "unpaid" : "paid", issued, "用水量 " + (4 + h % 20) + " 吨");
                case ELECTRICITY_BILL -> new PersonalRecord("power-" + period, label + "电费账单", period,
                        amount(h, 60, 400), current ? "unpaid" : "paid", issued, "用电量 " + (120 + h % 600) + " 千瓦时");
                case GAS_BILL -> new PersonalRecord("gas-" + period, label + "燃气费账单", period,
                        amount(h, 15, 180), current ? "unpaid" : "paid", issued, "用气量 " + (5 + h % 60) + " 立方米");
                case PHONE_BILL -> new PersonalRecord("phone-" + period, label + "话费账单", period,
                        amount(h, 38, 260), current ? "unpaid" : "paid", issued, "通话 " + (50 + h % 900) + " 分钟，流量 "
                                + (2 + h % 60) + " GB");
                case TRAFFIC_VIOLATION -> throw new IllegalArgumentException("not monthly: " + type);
            });
        }
        return out;
    }

    /** One violation every 60 to 240 days from a person-specific start; those of the last year are listed. */
    private static List<PersonalRecord> violations(String idNumber, LocalDate today) {
        long h = hash(idNumber, "violation", "");
        long every = 60 + h % 181;
        LocalDate day = VIOLATION_EPOCH.plusDays(h % every);
        List<PersonalRecord> out = new ArrayList<>();
        for (int n = 0; !day.isAfter(today); n++, day = day.plusDays(every)) {
            if (day.isAfter(today.minusYears(1))) {
                long v = hash(idNumber, "violation", day.toString());
                boolean recent = day.isAfter(today.minusDays(30));
                out.add(new PersonalRecord("tv-" + day, VIOLATIONS[(int) (v % VIOLATIONS.length)], day.toString(),
                        new BigDecimal(100 + 50 * (v % 3)).setScale(2, RoundingMode.UNNECESSARY).toPlainString(),
                        recent ? "unprocessed" : "processed", day, PLACES[(int) (v / 7 % PLACES.length)] + "，记 " + (v % 4) + " 分"));
            }
        }
        return out.reversed();
    }

    private static String amount(long h, int min, int max) {
        long cents = min * 100L + h % ((max - min) * 100L);
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static long hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 8 | (digest[i] & 0xff);
            }
            return value & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
