package org.onestop.mygov.subscriptions;

import tools.jackson.databind.json.JsonMapper;

/** Reads values out of JSON response bodies. */
final class MyGovJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MyGovJson() {
    }

    static long longAt(byte[] body, String pointer) {
        return JSON.readTree(body).at(pointer).asLong();
    }

    static String textAt(byte[] body, String pointer) {
        return JSON.readTree(body).at(pointer).asString();
    }
}
