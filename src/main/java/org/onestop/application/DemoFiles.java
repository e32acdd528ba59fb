package org.onestop.application;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import reactor.core.publisher.Flux;

/**
 * Small real files for the demo applications' materials: a one-page PDF and a PNG "photo" that
 * open in any viewer, so a reviewer who downloads a demo material gets a file, not a placeholder.
 * They are sent as the multipart events an upload request carries, so they pass the same checks.
 */
final class DemoFiles {

    private DemoFiles() {
    }

    /** The upload of one file under the form field the applications API reads. */
    static Flux<PartEvent> upload(String fileName, byte[] bytes) {
        MediaType type = fileName.endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.APPLICATION_PDF;
        Flux<DataBuffer> content = Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
        return FilePartEvent.create(MaterialUploads.FILE_FIELD, fileName, type, content).cast(PartEvent.class);
    }

    /** A one-page A4 PDF showing one line of ASCII text (the standard Helvetica font has no Chinese). */
    static byte[] pdf(String line) {
        String text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
        String content = "BT /F1 16 Tf 72 760 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> out.append("%010d 00000 n \n".formatted(offset)));
        out.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        // Everything above is ASCII, so character offsets are byte offsets.
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A small PNG standing in for a photographed document: a pale card with a few grey text lines. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(160, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0xF4, 0xF1, 0xE8));
            g.fillRect(0, 0, 160, 100);
            g.setColor(new Color(0x9A, 0x9A, 0x9A));
            for (int y = 20; y < 90; y += 14) {
                g.fillRect(14, y, y % 28 == 20 ? 132 : 96, 5);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
