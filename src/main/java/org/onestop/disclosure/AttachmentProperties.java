package org.onestop.disclosure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of disclosure documents' attachments.
 *
 * @param maxPerDocument files one document may carry at a time (files of superseded versions
 *     only are not counted); also the most one upload request may carry
 * @param maxFileSize the largest file accepted
 */
@ConfigurationProperties("onestop.disclosure.attachments")
public record AttachmentProperties(@DefaultValue("20") int maxPerDocument, @DefaultValue("20MB") DataSize maxFileSize) {
}
