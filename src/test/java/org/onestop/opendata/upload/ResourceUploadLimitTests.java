package org.onestop.opendata.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onestop.PortalTest;
import org.onestop.platform.storage.StorageProperties;
import org.onestop.web.ProblemException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The size limit of a resource file, on the receiver directly (the configured limit is a gigabyte):
 * a file over the limit is refused with a field problem and deleted, the rest of the request read
 * and dropped; far beyond it the request is cut short with 413. Either way no stored file remains.
 */
@PortalTest
class ResourceUploadLimitTests {

    @Autowired
    ApplicationContext app;

    @Test
    void fileOverTheLimitIsRefusedAndDeletedWhileTheRestOfTheRequestIsRead() {
        long before = storedFiles();
        Flux<PartEvent> parts = Flux.concat(FormPartEvent.create("name", "名单"), file(24), FormPartEvent.create("format", "CSV"));
        StepVerifier.create(app.getBean(ResourceUpload.class).receive(parts, 16))
                .assertNext(received -> {
                    assertThat(received.file()).isNull();
                    assertThat(received.problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("opendata_file_too_large"));
                    assertThat(received.fields()).containsEntry("name", "名单").containsEntry("format", "CSV");
                })
                .verifyComplete();
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void fileFarBeyondTheLimitCutsTheRequestShortWith413() {
        long before = storedFiles();
        StepVerifier.create(app.getBean(ResourceUpload.class).receive(file(64), 16))
                .expectErrorSatisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE))
                .verify(Duration.ofSeconds(10));
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void fileWithinTheLimitIsStoredWithItsDigest() {
        StepVerifier.create(app.getBean(ResourceUpload.class).receive(file(16), 16))
                .assertNext(received -> {
                    assertThat(received.problems()).isEmpty();
                    assertThat(received.file().size()).isEqualTo(16);
                    assertThat(received.file().digest()).hasSize(64);
                    assertThat(received.fileName()).isEqualTo("名单.csv");
                })
                .verifyComplete();
    }

    /** A file part of n bytes sent in 4-byte chunks, as a network would split it. */
    private static Flux<PartEvent> file(int n) {
        byte[] bytes = "a,b\n".repeat(n / 4).getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> chunks = Flux.range(0, bytes.length / 4)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(java.util.Arrays.copyOfRange(bytes, i * 4, i * 4 + 4)));
        return FilePartEvent.create("file", "名单.csv", MediaType.TEXT_PLAIN, chunks).cast(PartEvent.class);
    }

    private long storedFiles() {
        Path root = app.getBean(StorageProperties.class).dir().toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
