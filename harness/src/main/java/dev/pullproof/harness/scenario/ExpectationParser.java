package dev.pullproof.harness.scenario;

import dev.pullproof.harness.text.Suggestions;
import dev.pullproof.harness.toml.TomlReader;
import dev.pullproof.harness.version.ContainerdVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@code [expect]}, its {@code [expect.version."X"]} tables and a pull's {@code expect}. */
final class ExpectationParser {
  static final String[] SET_KEYS = {
    "outcome",
    "error_contains",
    "error_matches",
    "cri_plugin_loaded",
    "log_contains",
    "log_absent",
    "requests",
    "absent",
    "ordered",
    "count",
    "helper_invocations",
    "duration",
    "success_rate",
    "node_invocations"
  };
  static final String[] PULL_KEYS = {"outcome", "error_contains", "error_matches", "duration"};

  private final Names names;

  ExpectationParser(Names names) {
    this.names = names;
  }

  Expectations expectations(TomlReader t) {
    List<String> keys = new ArrayList<>(List.of(SET_KEYS));
    keys.add("version");
    t.allowOnly(keys.toArray(String[]::new));
    ExpectationSet all = set(t);
    Map<ContainerdVersion, ExpectationSet> byVersion = new TreeMap<>();
    t.table("version")
        .ifPresent(
            versions -> {
              for (String label : versions.keys()) {
                Optional<ContainerdVersion> family =
                    ScenarioParser.family(label, m -> versions.problem(label, m));
                family.ifPresent(f -> names.runsOn(versions, label, f));
                Optional<TomlReader> table = versions.table(label);
                if (family.isPresent() && table.isPresent()) {
                  table.get().allowOnly(SET_KEYS);
                  byVersion.put(family.get(), set(table.get()));
                }
              }
            });
    return new Expectations(all, byVersion);
  }

  ExpectationSet pullSet(TomlReader t) {
    t.allowOnly(PULL_KEYS);
    return set(t);
  }

  private ExpectationSet set(TomlReader t) {
    Optional<Boolean> success = t.string("outcome").flatMap(o -> outcome(t, o));
    Map<ContainerdVersion, String> contains = perVersion(t, "error_contains", s -> s);
    Map<ContainerdVersion, Pattern> matches =
        perVersion(
            t,
            "error_matches",
            s -> {
              try {
                return Pattern.compile(s);
              } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                    "not a valid regular expression: " + e.getDescription());
              }
            });
    Optional<Boolean> cri = t.bool("cri_plugin_loaded");
    List<RequestExpectation> requests = new ArrayList<>();
    for (TomlReader.Item item : t.items("requests")) {
      pattern(t, item).ifPresent(p -> requests.add(new RequestExpectation(p, Bounds.atLeast(1))));
    }
    for (TomlReader.Item item : t.items("absent")) {
      pattern(t, item).ifPresent(p -> requests.add(new RequestExpectation(p, Bounds.exactly(0))));
    }
    for (TomlReader.Item item : t.items("count")) {
      t.table(item).flatMap(this::count).ifPresent(requests::add);
    }
    List<HostPattern> ordered = new ArrayList<>();
    for (TomlReader.Item item : t.items("ordered")) {
      pattern(t, item).ifPresent(ordered::add);
    }
    Optional<Bounds> helper =
        t.has("helper_invocations") ? bounds(t, "helper_invocations") : none();
    Optional<Duration> min = Optional.empty();
    Optional<Duration> max = Optional.empty();
    Optional<TomlReader> duration = t.table("duration");
    if (duration.isPresent()) {
      duration.get().allowOnly("min", "max");
      min = duration.get().duration("min");
      max = duration.get().duration("max");
    }
    Optional<RateBounds> rate =
        t.table("success_rate")
            .flatMap(
                r -> {
                  r.allowOnly("min", "max");
                  double lo = r.number("min").orElse(0.0);
                  double hi = r.number("max").orElse(1.0);
                  return t.convert("success_rate", () -> new RateBounds(lo, hi));
                });
    List<InvocationExpectation> invocations = new ArrayList<>();
    for (TomlReader.Item item : t.items("node_invocations")) {
      t.table(item).flatMap(this::invocation).ifPresent(invocations::add);
    }
    Optional<Duration> lo = min;
    Optional<Duration> hi = max;
    return t.convert(
            "duration",
            () ->
                new ExpectationSet(
                    success,
                    contains,
                    matches,
                    cri,
                    t.strings("log_contains"),
                    t.strings("log_absent"),
                    requests,
                    ordered,
                    helper,
                    lo,
                    hi,
                    rate,
                    invocations))
        .orElse(ExpectationSet.NONE);
  }

  private static Optional<Bounds> none() {
    return Optional.empty();
  }

  private static Optional<Boolean> outcome(TomlReader t, String text) {
    switch (text) {
      case "success":
        return Optional.of(true);
      case "failure":
        return Optional.of(false);
      default:
        t.problem(
            "outcome",
            "must be \"success\" or \"failure\", got '"
                + text
                + "'"
                + Suggestions.didYouMean(text, List.of("success", "failure")));
        return Optional.empty();
    }
  }

  /** A string for every version, or a table from version family to string. */
  private <V> Map<ContainerdVersion, V> perVersion(
      TomlReader t, String key, Function<String, V> convert) {
    Map<ContainerdVersion, V> out = new TreeMap<>();
    Optional<Object> raw = t.raw(key);
    if (raw.isEmpty()) {
      return out;
    }
    if (raw.get() instanceof String text) {
      t.convert(key, () -> convert.apply(text))
          .ifPresent(v -> ContainerdVersion.families().forEach(f -> out.put(f, v)));
      return out;
    }
    Optional<TomlReader> table = t.table(key);
    table.ifPresent(
        byVersion -> {
          for (String label : byVersion.keys()) {
            Optional<ContainerdVersion> family =
                ScenarioParser.family(label, m -> byVersion.problem(label, m));
            family.ifPresent(f -> names.runsOn(byVersion, label, f));
            Optional<String> text = byVersion.string(label);
            if (family.isPresent() && text.isPresent()) {
              byVersion
                  .convert(label, () -> convert.apply(text.get()))
                  .ifPresent(v -> out.put(family.get(), v));
            }
          }
        });
    return out;
  }

  private Optional<HostPattern> pattern(TomlReader t, TomlReader.Item item) {
    if (!(item.value() instanceof String text)) {
      t.problemAt(item, "expected a request such as \"hub GET /v2/ -> 401\"");
      return Optional.empty();
    }
    try {
      HostPattern pattern = HostPattern.parse(text);
      names.registry(t, item, pattern);
      return Optional.of(pattern);
    } catch (IllegalArgumentException e) {
      t.problemAt(item, e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<RequestExpectation> count(TomlReader c) {
    c.allowOnly("request", "exactly", "min", "max");
    Optional<HostPattern> pattern =
        c.requiredString("request").flatMap(r -> c.convert("request", () -> HostPattern.parse(r)));
    pattern.ifPresent(p -> names.registry(c, "request", p));
    return pattern.flatMap(p -> bounds(c, null).map(b -> new RequestExpectation(p, b)));
  }

  /** {@code { program = "NAME", exactly | min | max, args_contain = [...] }}. */
  private Optional<InvocationExpectation> invocation(TomlReader c) {
    c.allowOnly("program", "exactly", "min", "max", "args_contain");
    Optional<String> program = c.requiredString("program");
    program.ifPresent(p -> names.executable(c, "program", p));
    List<String> args = c.strings("args_contain");
    Optional<Bounds> times = bounds(c, null);
    if (program.isEmpty() || times.isEmpty()) {
      return Optional.empty();
    }
    return c.convert("program", () -> new InvocationExpectation(program.get(), times.get(), args));
  }

  /**
   * An integer (exactly), or a table with {@code exactly} or {@code min}/{@code max}; with key null
   * the table itself holds those keys.
   */
  private static Optional<Bounds> bounds(TomlReader t, String key) {
    if (key != null && t.raw(key).orElse(null) instanceof Long) {
      return t.integer(key, 0, Long.MAX_VALUE).map(Bounds::exactly);
    }
    Optional<TomlReader> table =
        key == null
            ? Optional.of(t)
            : t.table(key, "an integer or a table such as { min = 1, max = 2 }");
    if (table.isEmpty()) {
      return Optional.empty();
    }
    TomlReader b = table.get();
    if (key != null) {
      b.allowOnly("exactly", "min", "max");
    }
    Optional<Long> exactly = b.integer("exactly", 0, Long.MAX_VALUE);
    Optional<Long> min = b.integer("min", 0, Long.MAX_VALUE);
    Optional<Long> max = b.integer("max", 0, Long.MAX_VALUE);
    if (exactly.isPresent() && (min.isPresent() || max.isPresent())) {
      b.problem("exactly", "give exactly, or min and/or max, not both");
      return Optional.empty();
    }
    if (exactly.isPresent()) {
      return Optional.of(Bounds.exactly(exactly.get()));
    }
    if (min.isEmpty() && max.isEmpty()) {
      b.problems().add(b.line(), b.key("exactly"), "needs exactly, min or max");
      return Optional.empty();
    }
    return b.convert("min", () -> new Bounds(min.orElse(0L), max.orElse(Long.MAX_VALUE)));
  }
}
