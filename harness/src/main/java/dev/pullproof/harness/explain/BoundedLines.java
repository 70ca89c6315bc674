package dev.pullproof.harness.explain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lines of any input, one at a time, each at most {@link #MAX_CHARS} characters: a longer line is
 * cut there and flagged, the rest of it skipped, so that neither a 100 MB log nor binary input
 * without newlines is ever held whole. Bytes that are not UTF-8 become U+FFFD.
 */
final class BoundedLines implements AutoCloseable {
  static final int MAX_CHARS = 16 * 1024;

  /** One line: its text (without the newline) and whether it was cut at {@link #MAX_CHARS}. */
  record Line(String text, boolean cut) {}

  private final Reader in;
  private final char[] buffer = new char[8192];
  private final StringBuilder line = new StringBuilder();
  private int position;
  private int limit;
  private boolean eof;

  BoundedLines(InputStream input) {
    this.in =
        new InputStreamReader(
            input,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  /** The next line, or null at the end of the input. */
  Line next() throws IOException {
    line.setLength(0);
    boolean cut = false;
    boolean any = false;
    while (true) {
      if (position == limit) {
        if (eof || !fill()) {
          return any ? new Line(line.toString(), cut) : null;
        }
      }
      any = true;
      char c = buffer[position++];
      if (c == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return new Line(line.toString(), cut);
      }
      if (line.length() < MAX_CHARS) {
        line.append(c);
      } else {
        cut = true;
      }
    }
  }

  private boolean fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    if (read <= 0) {
      eof = true;
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
