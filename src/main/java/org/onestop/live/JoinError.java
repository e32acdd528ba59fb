package org.onestop.live;

/** Why a join was refused, with the protocol's error code. */
final class JoinError extends RuntimeException {

    private final String code;

    JoinError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
