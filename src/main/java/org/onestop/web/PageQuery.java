package org.onestop.web;

import java.util.ArrayList;
import java.util.List;

/** Validated paging parameters: page from 0, size from 1 to {@value #MAX_SIZE}. */
public record PageQuery(int page, int size) {

    public static final int MAX_SIZE = 100;

    public static PageQuery of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        List<FieldProblem> problems = new ArrayList<>();
        if (p < 0 || p > 100_000) {
            problems.add(FieldProblem.of("page", "page"));
        }
        if (s < 1 || s > MAX_SIZE) {
            problems.add(FieldProblem.of("size", "page_size", MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new PageQuery(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
