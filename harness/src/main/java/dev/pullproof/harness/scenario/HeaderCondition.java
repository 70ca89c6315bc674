package dev.pullproof.harness.scenario;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A fault rule's condition on one request header: {@code authorization = "present" | "absent" |
 * "basic" | "bearer"}, {@code user_agent} or {@code accept} as a substring or {@code { matches =
 * REGEX }}.
 *
 * @param header the HTTP header name ({@code Authorization}, {@code User-Agent}, {@code Accept})
 * @param value the scheme, substring or regex; empty for present and absent
 */
public record HeaderCondition(String header, Kind kind, String value) {
  /** What must hold of the header. */
  public enum Kind {
    PRESENT,
    ABSENT,
    SCHEME,
    CONTAINS,
    MATCHES
  }

  public HeaderCondition {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(kind, "kind");
    value = value == null ? "" : value;
    boolean bare = kind == Kind.PRESENT || kind == Kind.ABSENT;
    if (bare != value.isEmpty()) {
      throw new IllegalArgumentException(
          header
              + " "
              + kind.name().toLowerCase(Locale.ROOT)
              + (bare ? " takes no value" : " needs a non-empty value"));
    }
    if (kind == Kind.MATCHES) {
      try {
        Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("bad regex '" + value + "': " + e.getDescription(), e);
      }
    }
  }
}
