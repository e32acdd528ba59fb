package org.onestop.application;

import java.util.Arrays;
import java.util.Optional;

/** The closed list of field types a form definition may use; any other type is refused when it is saved. */
enum FieldType {
    TEXT("text"), TEXTAREA("textarea"), NUMBER("number"), DATE("date"), SELECT("select"), RADIO("radio"),
    MULTISELECT("multiselect"), CHECKBOX("checkbox"), ID_NUMBER("idNumber"), CREDIT_CODE("creditCode"),
    MOBILE("mobile"), EMAIL("email");

    private final String code;

    FieldType(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    boolean hasOptions() {
        return this == SELECT || this == RADIO || this == MULTISELECT;
    }

    boolean isText() {
        return this == TEXT || this == TEXTAREA;
    }

    static Optional<FieldType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
