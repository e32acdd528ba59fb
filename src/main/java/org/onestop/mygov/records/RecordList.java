package org.onestop.mygov.records;

import java.util.List;

/** The department systems' answer to {@code GET {base}/records/{type}}: the person's records of that type. */
public record RecordList(String type, List<PersonalRecord> records) {

    public RecordList {
        records = records == null ? List.of() : List.copyOf(records);
    }
}
