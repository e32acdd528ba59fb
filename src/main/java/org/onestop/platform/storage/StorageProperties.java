package org.onestop.platform.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where uploaded files are kept.
 *
 * @param dir the storage directory; every node must see the same one (a shared volume) once
 *     there is more than one node
 */
@ConfigurationProperties("onestop.storage")
public record StorageProperties(@DefaultValue(".onestop-data/files") Path dir) {
}
