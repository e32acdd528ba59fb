package org.onestop.inquiry.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the administrators' word lists: UTF-8, one word per line, {@code #} comments, blank lines ignored. */
final class WordListReader {

    private WordListReader() {
    }

    static List<String> fromClasspath(String resource) {
        InputStream stream = WordListReader.class.getResourceAsStream(resource);
        if (stream == null) {
            // A missing list would silently let everything through, so refuse to start instead.
            throw new IllegalStateException("Word list not found on the classpath: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read word list " + resource, ex);
        }
    }

    static List<String> parse(List<String> lines) {
        return lines.stream()
                // Editors on Windows may save a byte-order mark, which would hide a leading '#'.
                .map(line -> line.replace("\uFEFF", "").strip())
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }
}
