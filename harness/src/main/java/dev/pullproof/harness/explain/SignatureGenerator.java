package dev.pullproof.harness.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pullproof.harness.explain.SignatureFile.Fix;
import dev.pullproof.harness.explain.SignatureFile.RunEvidence;
import dev.pullproof.harness.explain.SignatureFile.ScenarioEntry;
import dev.pullproof.harness.run.LogLevel;
import dev.pullproof.harness.run.PullAttempt;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.text.SecretMask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Turns a catalogue run's results into the {@link SignatureFile}: each run's pull errors and
 * containerd log, secrets masked (the scenarios' own, then token shapes), reduced to {@link Normal}
 * shape and deduplicated. A line that more than half of a version's runs logged is start-up noise,
 * not evidence: it goes to that version's {@code common} list instead. Sorted by scenario and
 * version, so the same behaviour gives the same file.
 */
public final class SignatureGenerator {
  /** Most log lines kept per run: a repeated scenario logs the same few lines many times. */
  static final int MAX_LOG_LINES = 80;

  private final UnaryOperator<String> mask;
  private final String command;

  /**
   * @param mask masks the scenarios' secrets (the reports' redactor)
   * @param command the command that regenerates the file, recorded in it
   */
  public SignatureGenerator(UnaryOperator<String> mask, String command) {
    SecretMask shapes = SecretMask.of(List.of());
    this.mask = text -> shapes.apply(mask.apply(text));
    this.command = command;
  }

  /** The file of one run of the catalogue at containerd's default log level (info). */
  public SignatureFile generate(List<RunResult> results, Path base) {
    return generate(Map.of(LogLevel.INFO, results), base);
  }

  /**
   * The file of runs of the catalogue at each log level. The scenarios' entries (and whether each
   * fix pulled) come from the first level's runs; every level's runs are evidence, marked with
   * their level. Within a run, lines that make the same statement (level, message and error: at
   * debug level the same request logged with other headers) are kept once, so a debug log is as
   * short as the statements it makes.
   */
  public SignatureFile generate(Map<LogLevel, List<RunResult>> byLevel, Path base) {
    List<Leveled> sorted = new ArrayList<>();
    byLevel.forEach((level, results) -> results.forEach(r -> sorted.add(new Leveled(level, r))));
    List<LogLevel> order = List.copyOf(byLevel.keySet());
    sorted.sort(
        Comparator.comparing((Leveled l) -> l.run().scenario().id())
            .thenComparing(l -> l.run().family())
            .thenComparing(l -> order.indexOf(l.level())));
    Map<Leveled, Map<String, String>> lines = new java.util.IdentityHashMap<>();
    Map<String, Map<String, Integer>> seen = new HashMap<>();
    Map<String, Integer> runsPerGroup = new HashMap<>();
    Map<String, String> lineOf = new HashMap<>();
    for (Leveled l : sorted) {
      Map<String, String> own = new LinkedHashMap<>();
      for (String line : l.run().outcome().containerdLog().split("\n")) {
        String n = Normal.of(mask.apply(line));
        if (!n.isEmpty()) {
          own.putIfAbsent(statementKey(n), n);
        }
      }
      lines.put(l, own);
      String group = l.run().family().label() + "\u0000" + l.level().label();
      runsPerGroup.merge(group, 1, Integer::sum);
      Map<String, Integer> counts = seen.computeIfAbsent(group, f -> new HashMap<>());
      own.forEach(
          (key, line) -> {
            counts.merge(key, 1, Integer::sum);
            lineOf.putIfAbsent(key, line);
          });
    }
    // Start-up noise per version and level; a version's list holds every level's.
    Map<String, Set<String>> commonKeys = new TreeMap<>();
    seen.forEach(
        (group, counts) -> {
          int runs = runsPerGroup.get(group);
          Set<String> keys =
              commonKeys.computeIfAbsent(
                  group.substring(0, group.indexOf('\u0000')), f -> new java.util.HashSet<>());
          counts.forEach(
              (key, count) -> {
                if (isCommon(count, runs)) {
                  keys.add(key);
                }
              });
        });
    Map<String, List<String>> common = new TreeMap<>();
    commonKeys.forEach(
        (family, keys) -> common.put(family, keys.stream().map(lineOf::get).sorted().toList()));
    List<RunEvidence> runs = new ArrayList<>();
    Map<String, String> versions = new TreeMap<>();
    for (Leveled l : sorted) {
      RunResult r = l.run();
      String family = r.family().label();
      if (!r.outcome().containerdVersion().isEmpty()) {
        versions.putIfAbsent(family, r.outcome().containerdVersion());
      }
      Set<String> noise = commonKeys.get(family);
      List<String> log =
          lines.get(l).entrySet().stream()
              .filter(e -> !noise.contains(e.getKey()))
              .map(Map.Entry::getValue)
              .limit(MAX_LOG_LINES)
              .toList();
      runs.add(
          new RunEvidence(
              r.scenario().id(),
              family,
              l.level().label(),
              r.verdict().status().name(),
              r.outcome().pulls().size(),
              (int) r.outcome().pulls().stream().filter(p -> !p.success()).count(),
              errors(r),
              log));
    }
    List<RunResult> first = byLevel.values().stream().findFirst().orElse(List.of());
    return new SignatureFile(
        SignatureFile.FORMAT, command, versions, scenarios(sorted(first), base), runs, common);
  }

  /** One run and the level containerd logged at. */
  private record Leveled(LogLevel level, RunResult run) {}

  /** What a normal line states, as {@link SignatureDatabase} will read it; else the line itself. */
  private static String statementKey(String normalLine) {
    return LineReader.read(normalLine, 0)
        .flatMap(Statement::of)
        .map(Statement::key)
        .orElse(normalLine);
  }

  private static List<RunResult> sorted(List<RunResult> results) {
    List<RunResult> sorted = new ArrayList<>(results);
    sorted.sort(
        Comparator.comparing((RunResult r) -> r.scenario().id()).thenComparing(RunResult::family));
    return sorted;
  }

  private static boolean isCommon(int count, int runs) {
    return runs >= 4 && count * 2 > runs;
  }

  private List<List<String>> errors(RunResult r) {
    Set<List<String>> distinct = new LinkedHashSet<>();
    for (PullAttempt p : r.outcome().pulls()) {
      if (p.success()) {
        continue;
      }
      List<String> error = new ArrayList<>();
      for (String line : p.error().split("\n")) {
        String n = Normal.of(mask.apply(line));
        if (!n.isEmpty()) {
          error.add(n);
        }
      }
      distinct.add(error);
    }
    r.outcome()
        .harnessError()
        .ifPresent(e -> distinct.add(List.of("harness: " + Normal.of(mask.apply(e)))));
    return new ArrayList<>(distinct);
  }

  private static List<ScenarioEntry> scenarios(List<RunResult> sorted, Path base) {
    Map<Path, Scenario> byFile = new HashMap<>();
    Map<String, Scenario> byId = new TreeMap<>();
    Map<String, Map<String, Boolean>> pulled = new HashMap<>();
    for (RunResult r : sorted) {
      byFile.put(r.scenario().file().toAbsolutePath().normalize(), r.scenario());
      byId.put(r.scenario().id(), r.scenario());
      boolean ok =
          r.outcome().harnessError().isEmpty()
              && !r.outcome().pulls().isEmpty()
              && r.outcome().pulls().stream().allMatch(PullAttempt::success);
      pulled.computeIfAbsent(r.scenario().id(), id -> new TreeMap<>()).put(r.family().label(), ok);
    }
    List<ScenarioEntry> entries = new ArrayList<>();
    for (Scenario s : byId.values()) {
      List<Fix> fixes = new ArrayList<>();
      for (String fix : s.doc().fixes()) {
        Path file = s.file().toAbsolutePath().getParent().resolve(fix).normalize();
        Scenario f = byFile.get(file);
        fixes.add(
            f == null
                ? new Fix("", relative(base, file), Map.of())
                : new Fix(f.id(), relative(base, file), pulled.get(f.id())));
      }
      entries.add(
          new ScenarioEntry(s.id(), relative(base, s.file()), s.summary(), s.doc().why(), fixes));
    }
    return entries;
  }

  private static String relative(Path base, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path root = base.toAbsolutePath().normalize();
    return (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
  }

  /** Generates and writes the file as indented JSON, creating its directory. */
  public void write(List<RunResult> results, Path base, Path file) throws IOException {
    write(Map.of(LogLevel.INFO, results), base, file);
  }

  /** Generates the file of runs at each level and writes it as indented JSON. */
  public void write(Map<LogLevel, List<RunResult>> byLevel, Path base, Path file)
      throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    Files.writeString(file, json.writeValueAsString(generate(byLevel, base)) + "\n");
  }
}
