package dev.pullproof.harness.scenario;

import dev.pullproof.harness.toml.TomlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a fault table's header keys: {@code authorization}, {@code user_agent}, {@code accept}. */
final class HeaderConditions {
  static final List<String> KEYS = List.of("authorization", "user_agent", "accept");
  private static final List<String> AUTHORIZATION = List.of("present", "absent", "basic", "bearer");

  private HeaderConditions() {}

  static List<HeaderCondition> read(TomlReader f) {
    List<HeaderCondition> out = new ArrayList<>();
    f.string("authorization").flatMap(a -> authorization(f, a)).ifPresent(out::add);
    text(f, "user_agent", "User-Agent").ifPresent(out::add);
    text(f, "accept", "Accept").ifPresent(out::add);
    return out;
  }

  private static Optional<HeaderCondition> authorization(TomlReader f, String value) {
    HeaderCondition.Kind kind =
        switch (value) {
          case "present" -> HeaderCondition.Kind.PRESENT;
          case "absent" -> HeaderCondition.Kind.ABSENT;
          case "basic", "bearer" -> HeaderCondition.Kind.SCHEME;
          default -> null;
        };
    if (kind == null) {
      f.problem("authorization", FaultParser.unknown("authorization", value, AUTHORIZATION));
      return Optional.empty();
    }
    String scheme =
        kind == HeaderCondition.Kind.SCHEME
            ? Character.toUpperCase(value.charAt(0)) + value.substring(1)
            : "";
    return Optional.of(new HeaderCondition("Authorization", kind, scheme));
  }

  /** A substring ({@code "containerd/1.6"}) or {@code { matches = "REGEX" }}. */
  private static Optional<HeaderCondition> text(TomlReader f, String key, String header) {
    Optional<Object> raw = f.raw(key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    if (raw.get() instanceof String s) {
      return f.convert(key, () -> new HeaderCondition(header, HeaderCondition.Kind.CONTAINS, s));
    }
    Optional<TomlReader> table = f.table(key, "a substring or { matches = \"REGEX\" }");
    if (table.isEmpty()) {
      return Optional.empty();
    }
    TomlReader t = table.get();
    t.allowOnly("matches");
    return t.requiredString("matches")
        .flatMap(
            regex ->
                t.convert(
                    "matches",
                    () -> new HeaderCondition(header, HeaderCondition.Kind.MATCHES, regex)));
  }
}
