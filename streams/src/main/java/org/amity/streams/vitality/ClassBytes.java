package org.amity.streams.vitality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;

/** A checksum of compiled classes, to tell whether what was computed by one build still holds in another. */
final class ClassBytes {
  private ClassBytes() {}

  static long checksum(Class<?>... classes) {
    CRC32 crc = new CRC32();
    for (Class<?> type : classes) {
      try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
        if (in == null) {
          throw new IllegalStateException("class file not found: " + type.getName());
        }
        crc.update(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return crc.getValue();
  }
}
