package org.onestop.opendata.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on departments' resource files.
 *
 * @param maxFileSize the largest file accepted
 * @param maxRows the most data rows loaded into the datastore from one file
 * @param maxColumns the most columns of a tabular file
 * @param maxCellLength the longest CSV cell, in characters
 */
@ConfigurationProperties("onestop.opendata.upload")
record UploadProperties(
        @DefaultValue("1GB") DataSize maxFileSize,
        @DefaultValue("5000000") long maxRows,
        @DefaultValue("200") int maxColumns,
        @DefaultValue("32768") int maxCellLength) {
}
