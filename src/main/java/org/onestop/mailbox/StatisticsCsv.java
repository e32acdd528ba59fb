package org.onestop.mailbox;

/**
 * The statistics as CSV: UTF-8 with a byte-order mark so spreadsheet programs read the Chinese
 * right, one line per month × department × kind and a total line. Cells that a spreadsheet would
 * run as a formula are neutralised, as in the live inquiry's transcript export.
 */
final class StatisticsCsv {

    static final String HEADER = "month,department_code,department,kind,received,replied,on_time,on_time_rate,"
            + "average_working_days,rated,average_satisfaction";

    private StatisticsCsv() {
    }

    static String write(MailboxStatistics.Statistics s) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (MailboxStatistics.Row r : s.rows()) {
            line(csv, r, r.month());
        }
        line(csv, s.total(), "total");
        return csv.toString();
    }

    private static void line(StringBuilder csv, MailboxStatistics.Row r, String month) {
        row(csv, month, r.department() == null ? "" : r.department().code(), r.department() == null ? "" : r.department().nameZh(),
                r.kind() == null ? "" : r.kind(), String.valueOf(r.received()), String.valueOf(r.replied()), String.valueOf(r.onTime()),
                text(r.onTimeRate()), text(r.averageWorkingDays()), String.valueOf(r.rated()), text(r.averageSatisfaction()));
    }

    private static String text(Double value) {
        return value == null ? "" : value.toString();
    }

    static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells[i];
            // Cells starting with = + - @ (or a tab or carriage return before one) would run as formulas: neutralise them.
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }
}
