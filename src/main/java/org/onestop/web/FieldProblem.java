package org.onestop.web;

import java.util.List;

/**
 * One invalid field of a request: the JSON field name, a stable machine code (also the message
 * key under {@code field.}), and the arguments of its message.
 */
public record FieldProblem(String field, String code, List<Object> args) {

    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }
}
