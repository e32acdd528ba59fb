package org.onestop.web;

import java.util.List;

/** One page of a listing: its items, which page, the page size, and the total across pages. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
