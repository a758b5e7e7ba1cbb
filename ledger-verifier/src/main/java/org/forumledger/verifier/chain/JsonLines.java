package org.forumledger.verifier.chain;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The lines of a JSON Lines file as raw bytes, so that every byte of a line reaches the check
 * exactly as it is in the file (no decoding that could repair or hide a changed byte). A line break
 * is {@code \n} or {@code \r\n}; a final one ends the last line and does not start another.
 */
public final class JsonLines implements AutoCloseable {

  private final InputStream in;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
  private int number;
  private boolean ended;

  private JsonLines(InputStream in) {
    this.in = in;
  }

  public static JsonLines open(Path file) throws IOException {
    return new JsonLines(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
  }

  /** The next line without its line break, or null after the last one. */
  public byte[] next() throws IOException {
    if (ended) {
      return null;
    }
    line.reset();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    if (b == -1) {
      ended = true;
      if (line.size() == 0) {
        return null;
      }
    }
    number++;
    byte[] bytes = line.toByteArray();
    if (b == '\n' && bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      return Arrays.copyOf(bytes, bytes.length - 1);
    }
    return bytes;
  }

  /** The 1-based number of the line {@link #next} returned last. */
  public int number() {
    return number;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
