package org.onestop.opendata.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onestop.opendata.datastore.DatastoreField;
import org.onestop.opendata.datastore.FieldType;
import org.onestop.web.ProblemException;

/** Reading uploaded CSV, inferring column types and refusing files that are not what they claim, without a server. */
class TabularFileTests {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAfterAByteOrderMark() throws IOException {
        List<List<String>> rows = rows("\uFEFF名称,备注\r\n\"市南区, 香港中路\",\"他说：\"\"好\"\"\"\r\n\"两行\n文字\",\r\n\r\nx,y");
        assertThat(rows).containsExactly(List.of("名称", "备注"), List.of("市南区, 香港中路", "他说：\"好\""), List.of("两行\n文字", ""),
                List.of("x", "y"));
    }

    @Test
    void infersNarrowestTypeAndKeepsLeadingZerosAsText() throws IOException {
        TableShape shape = check("district,邮编,人数,金额,日期,时间,备注\n"
                + "市南区,266001,12,3.50,2026-01-05,2026-01-05 08:30,\n"
                + "市北区,0266,-7,10,2026-02-28,2026-02-28T17:00:05,\n");
        assertThat(shape.rows()).isEqualTo(2);
        assertThat(shape.fields()).extracting(DatastoreField::type).containsExactly(FieldType.TEXT, FieldType.TEXT, FieldType.INT,
                FieldType.NUMERIC, FieldType.DATE, FieldType.TIMESTAMP, FieldType.TEXT);
    }

    @Test
    void keepsPlainHeadersAsIdsAndNumbersTheOthersWithTheirLabels() throws IOException {
        TableShape shape = check("Name,区县,col_9,name2,2024年\na,b,c,d,e\n");
        assertThat(shape.fields()).extracting(DatastoreField::id).containsExactly("name", "col_2", "col_3", "name2", "col_5");
        assertThat(shape.fields()).extracting(DatastoreField::label).containsExactly("Name", "区县", "col_9", "name2", "2024年");
    }

    @Test
    void mixesDatesIntoTimestampsButAnImpossibleDateMakesText() throws IOException {
        assertThat(check("t\n2026-01-05\n2026-01-06 10:00\n").fields().getFirst().type()).isEqualTo(FieldType.TIMESTAMP);
        assertThat(check("t\n2026-02-30\n").fields().getFirst().type()).isEqualTo(FieldType.TEXT);
        assertThat(check("n\n99999999999999999999\n").fields().getFirst().type()).isEqualTo(FieldType.NUMERIC);
        assertThat(check("n\n\n").fields().getFirst().type()).isEqualTo(FieldType.TEXT);
    }

    @Test
    void marksCategoriesAndDatesOfALargeTableForAnIndexButNotIdentifiersOrSmallTables() throws IOException {
        StringBuilder csv = new StringBuilder("编号,区县,日期,金额,说明\n");
        for (int i = 0; i < 12_000; i++) {
            csv.append(i).append(',').append("区").append(i % 10).append(",2026-01-").append(String.format("%02d", 1 + i % 28))
                    .append(',').append(i * 3).append(',')
                    .append("长".repeat(65)).append('\n');
        }
        assertThat(TableCheck.check(reader(csv.toString()), 200, 100_000, 1000, false).indexed()).containsExactly("col_2", "col_3");
        assertThat(check("区县,日期\n市南区,2026-01-01\n").indexed()).isEmpty();
    }

    @Test
    void refusesRowOfWrongWidthNamingItsLine() {
        assertThat(problem("a,b\n1,2\n3\n")).contains("opendata_table_width").contains("3");
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] gbk = "区县,人数\n市南区,12\n".getBytes(Charset.forName("GBK"));
        assertThat(refusal(() -> TableCheck.check(new CsvRowReader(new ByteArrayInputStream(gbk), 1000), 10, 10, 1000, false)))
                .contains("opendata_table_encoding");
    }

    @Test
    void refusesUnclosedQuotesStrayQuotesDuplicateAndBlankHeadersAndNul() {
        assertThat(problem("a,b\n\"1,2\n")).contains("opendata_table_malformed");
        assertThat(problem("a,b\n1\"x,2\n")).contains("opendata_table_malformed");
        assertThat(problem("a,a\n1,2\n")).contains("opendata_table_duplicate");
        assertThat(problem("a,,c\n1,2,3\n")).contains("opendata_table_header");
        assertThat(problem("a\nx\u0000y\n")).contains("opendata_table_nul");
        assertThat(problem("")).contains("opendata_table_empty");
    }

    @Test
    void refusesMoreRowsOrColumnsOrLongerCellsThanAllowed() {
        assertThat(refusal(() -> TableCheck.check(reader("a\n1\n2\n3\n"), 10, 2, 1000, false))).contains("opendata_table_rows");
        assertThat(refusal(() -> TableCheck.check(reader("a,b,c\n"), 2, 10, 1000, false))).contains("opendata_table_columns");
        assertThat(refusal(() -> TableCheck.check(new CsvRowReader(new ByteArrayInputStream("a\nabcdef\n".getBytes(StandardCharsets.UTF_8)), 5),
                10, 10, 5, false))).contains("opendata_table_cell");
        // Readers other than CSV (XLSX) hand over whole cells: the check itself refuses them.
        assertThat(refusal(() -> TableCheck.check(reader("a\nabcdef\n"), 10, 10, 5, true))).contains("opendata_table_cell");
    }

    @Test
    void writesCellsForCopyQuotingOnlyWhatNeedsIt() {
        StringBuilder b = new StringBuilder();
        for (String cell : List.of("plain", "a,b", "say \"hi\"", "\\.", "two\nlines", "")) {
            CopyRows.cell(b, cell);
            b.append('|');
        }
        assertThat(b).hasToString("plain|\"a,b\"|\"say \"\"hi\"\"\"|\"\\.\"|\"two\nlines\"||");
    }

    private static TableShape check(String csv) throws IOException {
        return TableCheck.check(reader(csv), 200, 1000, 1000, false);
    }

    private static String problem(String csv) {
        return refusal(() -> check(csv));
    }

    /** The field problems (codes and arguments) the work was refused with, or "accepted". */
    private static String refusal(Check work) {
        try {
            work.run();
        } catch (ProblemException e) {
            return e.fieldProblems().toString();
        } catch (IOException e) {
            return e.toString();
        }
        return "accepted";
    }

    private interface Check {
        Object run() throws IOException;
    }

    private static List<List<String>> rows(String csv) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (RowReader r = reader(csv)) {
            for (List<String> row = r.next(); row != null; row = r.next()) {
                out.add(row);
            }
        }
        return out;
    }

    private static RowReader reader(String csv) {
        return new CsvRowReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 1000);
    }
}
