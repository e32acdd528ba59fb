package org.onestop.opendata.upload;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Rows of a tabular file, one at a time, as text cells. The first row is the header. Readers
 * never hold more than the current row, so a file of millions of rows is read in constant memory.
 */
interface RowReader extends Closeable {

    /** The next row, or null at the end. */
    List<String> next() throws IOException;

    /** The 1-based line (CSV) or row (XLSX) number of the row last returned, for error messages. */
    long position();
}
