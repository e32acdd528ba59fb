package org.onestop.disclosure.request;

import java.util.ArrayList;
import java.util.List;

/**
 * The yearly figures as CSV: UTF-8 with a byte-order mark so spreadsheet programs read the
 * Chinese right, one line per department and a total line. Cells a spreadsheet would run as a
 * formula are neutralised.
 */
final class FiguresCsv {

    static final String HEADER = "year,department_code,department,received,carried_over,replied,disclosed,"
            + "partially_disclosed,not_held,refused,on_time,on_time_rate,extended,carried_forward";

    private FiguresCsv() {
    }

    static String write(AnnualFigures.Report report) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        report.byDepartment().forEach(f -> line(csv, report.year(), f, f.department()));
        line(csv, report.year(), report.total(), report.department());
        return csv.toString();
    }

    private static void line(StringBuilder csv, int year, AnnualFigures.Figures f, RequestViews.Named department) {
        List<String> cells = new ArrayList<>(List.of(String.valueOf(year),
                department == null ? "total" : nullToEmpty(department.code()),
                department == null ? "合计" : nullToEmpty(department.name()),
                String.valueOf(f.received()), String.valueOf(f.carriedOver()), String.valueOf(f.replied())));
        f.outcomes().values().forEach(n -> cells.add(String.valueOf(n)));
        cells.addAll(List.of(String.valueOf(f.onTime()), f.onTimeRate() == null ? "" : f.onTimeRate().toPlainString(),
                String.valueOf(f.extended()), String.valueOf(f.carriedForward())));
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i);
            // Cells starting with = + - @ (or a tab or carriage return) would run as formulas: neutralise them.
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
