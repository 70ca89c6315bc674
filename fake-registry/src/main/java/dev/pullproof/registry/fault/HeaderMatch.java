package dev.pullproof.registry.fault;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A condition on one request header: present, absent, an {@code Authorization} scheme, a substring
 * or a regular expression found in its value. With several values of the header, the first counts,
 * as servers read {@code Authorization}.
 *
 * <pre>{@code
 * HeaderMatch.present("Authorization");
 * HeaderMatch.scheme("Bearer");                      // Authorization: Bearer ...
 * HeaderMatch.contains("User-Agent", "containerd/1.6");
 * HeaderMatch.matches("Accept", "application/vnd\\.oci\\..*");
 * }</pre>
 *
 * @param header the header name (case does not matter)
 * @param kind what must hold
 * @param value the scheme, substring or regex; empty for present and absent
 */
public record HeaderMatch(String header, Kind kind, String value) {
  /** What a header must be like. */
  public enum Kind {
    PRESENT,
    ABSENT,
    /** {@code Authorization} starts with this scheme and a space (case-insensitive). */
    SCHEME,
    CONTAINS,
    MATCHES
  }

  public HeaderMatch {
    if (header == null || header.isBlank() || kind == null) {
      throw new IllegalArgumentException("a header match needs a header name and a kind");
    }
    value = value == null ? "" : value;
    if ((kind == Kind.PRESENT || kind == Kind.ABSENT) != value.isEmpty()) {
      throw new IllegalArgumentException(
          kind == Kind.PRESENT || kind == Kind.ABSENT
              ? header + " " + kind.name().toLowerCase(Locale.ROOT) + " takes no value"
              : header + " " + kind.name().toLowerCase(Locale.ROOT) + " needs a value");
    }
    if (kind == Kind.SCHEME && value.contains(" ")) {
      throw new IllegalArgumentException(
          "an Authorization scheme is one word, got '" + value + "'");
    }
    if (kind == Kind.MATCHES) {
      try {
        Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            header + " regex '" + value + "' is invalid: " + e.getDescription(), e);
      }
    }
  }

  public static HeaderMatch present(String header) {
    return new HeaderMatch(header, Kind.PRESENT, "");
  }

  public static HeaderMatch absent(String header) {
    return new HeaderMatch(header, Kind.ABSENT, "");
  }

  /** {@code Authorization: <scheme> ...}, e.g. {@code Basic} or {@code Bearer}. */
  public static HeaderMatch scheme(String scheme) {
    return new HeaderMatch("Authorization", Kind.SCHEME, scheme);
  }

  public static HeaderMatch contains(String header, String substring) {
    return new HeaderMatch(header, Kind.CONTAINS, substring);
  }

  public static HeaderMatch matches(String header, String regex) {
    return new HeaderMatch(header, Kind.MATCHES, regex);
  }

  /**
   * @param actual the header's (first) value, or null when the request has none
   */
  boolean test(String actual) {
    return switch (kind) {
      case PRESENT -> actual != null;
      case ABSENT -> actual == null;
      case SCHEME ->
          actual != null
              && actual.length() > value.length()
              && actual.regionMatches(true, 0, value, 0, value.length())
              && actual.charAt(value.length()) == ' ';
      case CONTAINS -> actual != null && actual.contains(value);
      case MATCHES -> actual != null && Pattern.compile(value).matcher(actual).find();
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case PRESENT -> header + " present";
      case ABSENT -> header + " absent";
      case SCHEME -> header + " " + value;
      case CONTAINS -> header + " contains '" + value + "'";
      case MATCHES -> header + " ~ /" + value + "/";
    };
  }
}
