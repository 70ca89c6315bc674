package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.protocol.RegistryException;

/**
 * A single byte range from a {@code Range: bytes=first-last} header, resolved against a blob size.
 * Registries serve one range; multi-range and unsatisfiable requests are RANGE_INVALID (416).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7233#section-2.1">RFC 7233, byte ranges</a>
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-blobs">
 *     distribution-spec: pulling blobs</a>
 */
public record ByteRange(long first, long last) {
  public ByteRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("range " + first + "-" + last);
    }
  }

  public long length() {
    return last - first + 1;
  }

  /**
   * Parses a Range header value for a blob of {@code size} bytes. Supports {@code a-b}, {@code a-}
   * and suffix {@code -n}.
   */
  public static ByteRange parse(String header, long size) {
    String value = header.trim();
    if (!value.startsWith("bytes=")) {
      throw invalid(header, size, "unit must be bytes");
    }
    String spec = value.substring(6).trim();
    if (spec.contains(",")) {
      throw invalid(header, size, "multiple ranges are not supported");
    }
    int dash = spec.indexOf('-');
    if (dash < 0) {
      throw invalid(header, size, "expected first-last");
    }
    try {
      String a = spec.substring(0, dash).trim();
      String b = spec.substring(dash + 1).trim();
      long first;
      long last;
      if (a.isEmpty()) {
        long suffix = Long.parseLong(b);
        if (suffix <= 0) {
          throw invalid(header, size, "empty suffix range");
        }
        first = Math.max(0, size - suffix);
        last = size - 1;
      } else {
        first = Long.parseLong(a);
        last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
      }
      if (first < 0 || first >= size || last < first) {
        throw invalid(header, size, "not satisfiable");
      }
      return new ByteRange(first, last);
    } catch (NumberFormatException e) {
      throw invalid(header, size, "not a number");
    }
  }

  private static RegistryException invalid(String header, long size, String why) {
    return ErrorCode.RANGE_INVALID
        .exception("Range '" + header + "': " + why)
        .withHeader("Content-Range", "bytes */" + size);
  }
}
