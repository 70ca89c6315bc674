package dev.pullproof.harness.scenario;

import dev.pullproof.harness.text.Suggestions;
import dev.pullproof.harness.toml.TomlKeys;
import dev.pullproof.harness.toml.TomlReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Reads one {@code [[registries.NAME.faults]]} table into a {@link FaultSpec}. */
final class FaultParser {
  static final List<String> KINDS =
      List.of(
          "status",
          "delay",
          "stall",
          "reset",
          "close",
          "truncate",
          "corrupt",
          "bandwidth",
          "html",
          "redirect",
          "none");
  static final List<String> ROUTES =
      Stream.concat(Stream.of("any"), FaultRoute.labels().stream()).toList();
  private static final List<String> METHODS =
      List.of("*", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
  private static final List<String> OCCURRENCES = List.of("first", "after", "every", "chance");
  private static final List<String> BARE = List.of("reset", "close", "corrupt", "html", "none");

  Optional<FaultSpec> fault(TomlReader f) {
    f.allowOnly(
        "name",
        "route",
        "method",
        "repository",
        "reference",
        "fault",
        "first",
        "after",
        "every",
        "chance",
        "seed",
        "chance_by",
        "window",
        "authorization",
        "user_agent",
        "accept");
    int before = f.problems().size();
    Optional<String> name = f.string("name");
    List<FaultRoute> routes = new ArrayList<>();
    for (TomlReader.Item item : stringOrStrings(f, "route")) {
      String route = (String) item.value();
      if (!ROUTES.contains(route)) {
        f.problemAt(item, unknown("route", route, ROUTES));
      } else if (!route.equals("any")) {
        routes.add(FaultRoute.of(route).orElseThrow());
      }
    }
    List<String> methods = new ArrayList<>();
    for (TomlReader.Item item : stringOrStrings(f, "method")) {
      String method = ((String) item.value()).toUpperCase(Locale.ROOT);
      if (!METHODS.contains(method)) {
        f.problemAt(item, unknown("method", (String) item.value(), METHODS));
      } else if (!method.equals("*")) {
        methods.add(method);
      }
    }
    Optional<String> repository = f.string("repository").filter(r -> !r.equals("*"));
    Optional<String> reference = f.string("reference").filter(r -> !r.equals("*"));
    FaultSpec.Occurs occurs = occurs(f);
    List<FaultSpec.Window> windows = windows(f);
    List<FaultAction> actions = actions(f);
    List<HeaderCondition> headers = HeaderConditions.read(f);
    if (f.problems().size() > before) {
      return Optional.empty();
    }
    return f.convert(
        "fault",
        () ->
            new FaultSpec(
                name, routes, methods, repository, reference, headers, occurs, windows, actions));
  }

  /** A string or an array of strings, as located items. */
  private static List<TomlReader.Item> stringOrStrings(TomlReader f, String key) {
    Optional<Object> raw = f.raw(key);
    if (raw.isEmpty()) {
      return List.of();
    }
    if (raw.get() instanceof String s) {
      return List.of(new TomlReader.Item(s, f.line(key), f.key(key)));
    }
    List<TomlReader.Item> out = new ArrayList<>();
    for (TomlReader.Item item : f.items(key)) {
      if (item.value() instanceof String) {
        out.add(item);
      } else {
        f.problemAt(item, "expected a string, got " + TomlKeys.typeName(item.value()));
      }
    }
    return out;
  }

  private static FaultSpec.Occurs occurs(TomlReader f) {
    List<String> given = OCCURRENCES.stream().filter(f::has).toList();
    if (given.size() > 1) {
      f.problem(given.get(1), "give at most one of " + OCCURRENCES + "; got " + given);
      return FaultSpec.Occurs.ALWAYS;
    }
    if (f.has("seed") && !f.has("chance")) {
      f.problem("seed", "seed goes with chance (a seeded probability)");
    }
    if (f.has("chance_by") && !f.has("chance")) {
      f.problem("chance_by", "chance_by goes with chance (a seeded probability)");
    }
    long seed = f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE).orElse(0L);
    String by = f.string("chance_by").orElse("arrival");
    if (!List.of("arrival", "request").contains(by)) {
      f.problem("chance_by", "must be \"arrival\" or \"request\", got \"" + by + "\"");
    }
    FaultSpec.Occurs.Kind chanceKind =
        by.equals("request")
            ? FaultSpec.Occurs.Kind.CHANCE_PER_REQUEST
            : FaultSpec.Occurs.Kind.CHANCE;
    if (given.isEmpty()) {
      return FaultSpec.Occurs.ALWAYS;
    }
    String key = given.get(0);
    if (key.equals("chance")) {
      Optional<Double> p = f.number("chance");
      if (p.isPresent() && !(p.get() >= 0 && p.get() <= 1)) {
        f.problem("chance", "must be 0 to 1, got " + p.get());
        return FaultSpec.Occurs.ALWAYS;
      }
      return p.map(c -> new FaultSpec.Occurs(chanceKind, 0, c, seed))
          .orElse(FaultSpec.Occurs.ALWAYS);
    }
    long min = key.equals("every") ? 1 : 0;
    FaultSpec.Occurs.Kind kind = FaultSpec.Occurs.Kind.valueOf(key.toUpperCase(Locale.ROOT));
    return f.integer(key, min, Integer.MAX_VALUE)
        .map(n -> new FaultSpec.Occurs(kind, n, 1, 0))
        .orElse(FaultSpec.Occurs.ALWAYS);
  }

  private static List<FaultSpec.Window> windows(TomlReader f) {
    List<TomlReader> tables = new ArrayList<>();
    Optional<Object> raw = f.raw("window");
    if (raw.isEmpty()) {
      return List.of();
    }
    if (raw.get() instanceof org.tomlj.TomlArray) {
      f.items("window").forEach(i -> f.table(i).ifPresent(tables::add));
    } else {
      f.table("window", "a table { from = \"2s\", to = \"5s\" } or an array of them")
          .ifPresent(tables::add);
    }
    List<FaultSpec.Window> windows = new ArrayList<>();
    for (TomlReader w : tables) {
      w.allowOnly("from", "to");
      Duration from = w.duration("from").orElse(Duration.ZERO);
      Optional<Duration> to = w.duration("to");
      w.convert("to", () -> new FaultSpec.Window(from, to))
          .ifPresent(
              window -> {
                for (FaultSpec.Window other : windows) {
                  if (overlap(window, other)) {
                    w.problems().add(w.line(), w.path(), "overlaps an earlier window; merge them");
                    return;
                  }
                }
                windows.add(window);
              });
    }
    return windows;
  }

  private static boolean overlap(FaultSpec.Window a, FaultSpec.Window b) {
    boolean aFirst = a.to().isPresent() && a.to().get().compareTo(b.from()) <= 0;
    boolean bFirst = b.to().isPresent() && b.to().get().compareTo(a.from()) <= 0;
    return !aFirst && !bFirst;
  }

  /** {@code fault = "reset"}, {@code { status = 503 }}, or an array of these: a sequence. */
  private List<FaultAction> actions(TomlReader f) {
    Optional<Object> raw = f.raw("fault");
    List<FaultAction> actions = new ArrayList<>();
    if (raw.isEmpty()) {
      f.problems().add(f.line(), f.key("fault"), "is required, one of " + KINDS);
    } else if (raw.get() instanceof String kind) {
      bare(kind, m -> f.problem("fault", m)).ifPresent(actions::add);
    } else if (raw.get() instanceof org.tomlj.TomlArray) {
      for (TomlReader.Item item : f.items("fault")) {
        if (item.value() instanceof String kind) {
          bare(kind, m -> f.problemAt(item, m)).ifPresent(actions::add);
        } else {
          f.table(item).flatMap(this::oneKind).ifPresent(actions::add);
        }
      }
      if (actions.isEmpty() && f.items("fault").isEmpty()) {
        f.problem("fault", "an empty sequence; name at least one fault");
      }
    } else {
      f.table("fault", "a fault kind, a table such as { status = 503 } or an array of them")
          .flatMap(this::oneKind)
          .ifPresent(actions::add);
    }
    return actions;
  }

  private Optional<FaultAction> oneKind(TomlReader t) {
    List<String> keys = t.keys();
    if (keys.size() != 1) {
      t.problems()
          .add(
              t.line(),
              t.path(),
              "must name exactly one fault, e.g. { status = 503 }; got " + keys);
      return Optional.empty();
    }
    String kind = keys.get(0);
    if (!KINDS.contains(kind)) {
      t.problem(kind, unknown("fault", kind, KINDS));
      return Optional.empty();
    }
    Object value = t.raw(kind).orElseThrow();
    if (Boolean.TRUE.equals(value)) {
      return bare(kind, m -> t.problem(kind, m));
    }
    return FaultValues.valued(t, kind, value);
  }

  private static Optional<FaultAction> bare(String kind, Consumer<String> report) {
    if (!KINDS.contains(kind)) {
      report.accept(unknown("fault", kind, KINDS));
      return Optional.empty();
    }
    if (!BARE.contains(kind)) {
      report.accept(
          "'"
              + kind
              + "' needs a value, e.g. { "
              + kind
              + " = "
              + FaultValues.example(kind)
              + " }");
      return Optional.empty();
    }
    switch (kind) {
      case "reset":
        return Optional.of(new FaultAction.Reset(0));
      case "close":
        return Optional.of(new FaultAction.Close());
      case "corrupt":
        return Optional.of(new FaultAction.Corrupt(0));
      case "html":
        return Optional.of(new FaultAction.Html(200));
      default:
        return Optional.of(new FaultAction.None());
    }
  }

  static String unknown(String what, String value, List<String> known) {
    return "unknown "
        + what
        + " '"
        + value
        + "'; known: "
        + known
        + Suggestions.didYouMean(value, known);
  }
}
