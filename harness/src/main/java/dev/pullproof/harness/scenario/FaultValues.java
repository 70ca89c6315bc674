package dev.pullproof.harness.scenario;

import dev.pullproof.harness.toml.TomlReader;
import java.time.Duration;
import java.util.Optional;
import org.tomlj.TomlTable;

/**
 * The value of one fault kind: its main parameter ({@code status = 503}, {@code delay = "2s"}) or a
 * table of its parameters ({@code status = { code = 429, retry_after = "10s" }}).
 */
final class FaultValues {
  private FaultValues() {}

  static String example(String kind) {
    switch (kind) {
      case "status":
        return "503";
      case "delay":
      case "stall":
        return "\"30s\"";
      case "truncate":
        return "\"1KiB\"";
      case "bandwidth":
        return "\"64KiB\"";
      case "redirect":
        return "\"other-registry\"";
      default:
        return "true";
    }
  }

  static Optional<FaultAction> valued(TomlReader t, String kind, Object value) {
    if (value instanceof TomlTable) {
      return t.table(kind).flatMap(p -> parameters(p, kind));
    }
    switch (kind) {
      case "status":
        return t.integer(kind, 300, 599)
            .map(
                c ->
                    new FaultAction.Status(
                        c.intValue(), Optional.empty(), Optional.empty(), Optional.empty()));
      case "delay":
        return t.duration(kind).flatMap(d -> t.convert(kind, () -> new FaultAction.Delay(d)));
      case "stall":
        return t.duration(kind)
            .flatMap(d -> t.convert(kind, () -> new FaultAction.Stall(0, Optional.of(d))));
      case "reset":
        return size(t, kind, value).map(FaultAction.Reset::new);
      case "truncate":
        return size(t, kind, value).map(FaultAction.Truncate::new);
      case "corrupt":
        return size(t, kind, value).map(FaultAction.Corrupt::new);
      case "bandwidth":
        return size(t, kind, value)
            .flatMap(n -> t.convert(kind, () -> new FaultAction.Bandwidth(n)));
      case "html":
        return t.integer(kind, 200, 599)
            .flatMap(s -> t.convert(kind, () -> new FaultAction.Html(s.intValue())));
      case "redirect":
        return t.string(kind)
            .flatMap(to -> t.convert(kind, () -> new FaultAction.Redirect(to, 307)));
      default:
        t.problem(kind, "takes no value: write \"" + kind + "\" or { " + kind + " = true }");
        return Optional.empty();
    }
  }

  private static Optional<Long> size(TomlReader t, String key, Object value) {
    return t.size(new TomlReader.Item(value, t.line(key), t.key(key)));
  }

  private static Optional<FaultAction> parameters(TomlReader p, String kind) {
    switch (kind) {
      case "status":
        {
          p.allowOnly("code", "error", "message", "retry_after");
          Optional<Long> code = p.integer("code", 300, 599);
          if (!p.has("code")) {
            p.problems().add(p.line(), p.key("code"), "is required");
          }
          Optional<String> written =
              p.string("error").map(e -> e.toUpperCase(java.util.Locale.ROOT));
          Optional<SpecErrorCode> error = written.flatMap(SpecErrorCode::of);
          written
              .filter(e -> error.isEmpty())
              .ifPresent(
                  e ->
                      p.problem(
                          "error", FaultParser.unknown("error code", e, SpecErrorCode.names())));
          Optional<String> message = p.string("message");
          Optional<Duration> retryAfter = p.duration("retry_after");
          if (code.isEmpty() || written.isPresent() && error.isEmpty()) {
            return Optional.empty();
          }
          return p.convert(
              "code",
              () -> new FaultAction.Status(code.get().intValue(), error, message, retryAfter));
        }
      case "stall":
        {
          p.allowOnly("after", "duration");
          long after = p.raw("after").flatMap(v -> size(p, "after", v)).orElse(0L);
          Optional<Duration> duration = p.duration("duration");
          return p.convert("after", () -> new FaultAction.Stall(after, duration));
        }
      case "redirect":
        {
          p.allowOnly("to", "status");
          Optional<String> to = p.requiredString("to");
          int status = p.integer("status", 301, 308).orElse(307L).intValue();
          if (status == 304 || status == 305 || status == 306) {
            p.problem("status", "must be 301, 302, 303, 307 or 308, got " + status);
            return Optional.empty();
          }
          return to.flatMap(
              target -> p.convert("to", () -> new FaultAction.Redirect(target, status)));
        }
      default:
        p.problems()
            .add(
                p.line(),
                p.path(),
                "'"
                    + kind
                    + "' takes a single value, e.g. { "
                    + kind
                    + " = "
                    + example(kind)
                    + " }; only status, stall and redirect take a table");
        return Optional.empty();
    }
  }
}
