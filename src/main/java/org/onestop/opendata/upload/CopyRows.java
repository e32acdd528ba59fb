package org.onestop.opendata.upload;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The second pass: re-reads the checked file and writes it as the CSV PostgreSQL's COPY expects
 * (header line, an unquoted empty cell for NULL, quotes where needed), in chunks of about 64 KB,
 * one chunk per request from the driver. Reading is blocking file IO, so it runs on the bounded
 * elastic scheduler; the file is closed when the load ends, fails or is cancelled.
 */
final class CopyRows {

    private static final int CHUNK = 64 * 1024;

    private CopyRows() {
    }

    static Flux<ByteBuf> of(Callable<RowReader> open, int columns) {
        return Flux.<ByteBuf, RowReader>generate(open, (reader, sink) -> {
            StringBuilder b = new StringBuilder(CHUNK + 1024);
            try {
                List<String> row;
                while (b.length() < CHUNK && (row = reader.next()) != null) {
                    for (int i = 0; i < columns; i++) {
                        if (i > 0) {
                            b.append(',');
                        }
                        cell(b, i < row.size() ? row.get(i) : "");
                    }
                    b.append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (b.isEmpty()) {
                sink.complete();
            } else {
                sink.next(Unpooled.wrappedBuffer(b.toString().getBytes(StandardCharsets.UTF_8)));
            }
            return reader;
        }, CopyRows::close).subscribeOn(Schedulers.boundedElastic());
    }

    static void cell(StringBuilder b, String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\\' && i == 0;
        }
        if (!quote) {
            b.append(value);
            return;
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            b.append(c == '"' ? "\"\"" : String.valueOf(c));
        }
        b.append('"');
    }

    private static void close(RowReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
