package org.onestop.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** File types are told by their first bytes only. */
class FileTypeTests {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static FileType detect(byte[] head) {
        return FileType.detect(head, head.length).orElse(null);
    }

    @Test
    void eachAcceptedTypeIsRecognisedBySignature() {
        assertThat(detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).isEqualTo(FileType.JPEG);
        assertThat(detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).isEqualTo(FileType.PNG);
        assertThat(detect("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileType.GIF);
        assertThat(detect("GIF87a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileType.GIF);
        assertThat(detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileType.WEBP);
        assertThat(detect("%PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isEqualTo(FileType.PDF);
    }

    @Test
    void lookAlikesAndOtherTypesAreNotRecognised() {
        assertThat(detect("MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1))).as("Windows executable").isNull();
        assertThat(detect("<!DOCTYPE html>".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).as("a RIFF that is not WebP").isNull();
        assertThat(detect(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII))).as("the signature must come first").isNull();
        assertThat(detect(bytes(0xFF, 0xD8))).as("too short").isNull();
        assertThat(detect(new byte[0])).isNull();
    }

    @Test
    void namesLoseFoldersAndGainTheCheckedExtension() {
        assertThat(UploadReceiver.fileName("C:\\Users\\me\\照片.png")).isEqualTo("照片.png");
        assertThat(UploadReceiver.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadReceiver.fileName("")).isEqualTo("attachment");
        assertThat(UploadReceiver.withExtension("scan", FileType.PDF)).isEqualTo("scan.pdf");
        assertThat(UploadReceiver.withExtension("photo.JPEG", FileType.JPEG)).isEqualTo("photo.JPEG");
        assertThat(UploadReceiver.withExtension("photo.html", FileType.PNG)).isEqualTo("photo.html.png");
    }
}
