package dev.pullproof.harness.explain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.harness.explain.SignatureFile.RunEvidence;
import dev.pullproof.harness.explain.SignatureFile.ScenarioEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The signatures of the catalogue's failing runs, read from the generated {@link SignatureFile}
 * with the same {@link LineReader} that reads a user's input: each failing (scenario, version) run
 * is a {@link Signature} of the statements it made, weighted by how few scenarios make them.
 */
final class SignatureDatabase {
  /**
   * One failing run's statements, what its scenario says, and the family of its failure; {@code
   * level} is containerd's log level in that run.
   */
  record Signature(
      String scenario,
      String version,
      String level,
      List<Statement> statements,
      String family,
      ScenarioEntry entry) {}

  private final SignatureFile file;
  private final List<Signature> signatures;
  private final Map<String, Double> idf;
  private final Map<String, Set<String>> versionsOfKey;
  private final Set<String> common;
  private final Map<String, Statement> allStatements = new HashMap<>();

  /** How alike a statement must be to a catalogue one to vote for that one's versions. */
  static final double VERSION_SIMILARITY = 0.8;

  private final Map<RunEvidence, List<Statement>> parsed;

  private SignatureDatabase(
      SignatureFile file, Map<RunEvidence, List<Statement>> parsed, Predicate<RunEvidence> keep) {
    this.file = file;
    this.parsed = parsed;
    Map<String, ScenarioEntry> entries = new HashMap<>();
    file.scenarios().forEach(s -> entries.put(s.id(), s));
    List<Signature> all = new ArrayList<>();
    Map<String, Set<String>> scenariosOfKey = new HashMap<>();
    Map<String, Set<String>> versions = new HashMap<>();
    Set<String> allScenarios = new HashSet<>();
    for (RunEvidence run : file.runs()) {
      List<Statement> statements = parsed.get(run);
      statements.forEach(st -> allStatements.putIfAbsent(st.key(), st));
      statements.forEach(
          s ->
              versions.computeIfAbsent(s.key(), k -> new java.util.TreeSet<>()).add(run.version()));
      if (run.failed() == 0 || !keep.test(run)) {
        continue;
      }
      allScenarios.add(run.scenario());
      statements.forEach(
          s -> scenariosOfKey.computeIfAbsent(s.key(), k -> new HashSet<>()).add(run.scenario()));
      String family =
          statements.stream()
              .filter(s -> s.kind() == Statement.Kind.ERROR)
              .reduce((a, b) -> b)
              .map(s -> Family.of(s.key()))
              .orElse("");
      all.add(
          new Signature(
              run.scenario(),
              run.version(),
              run.level(),
              statements,
              family,
              entries.get(run.scenario())));
    }
    Set<String> commonKeys = new HashSet<>();
    file.common()
        .forEach(
            (version, lines) ->
                lines.forEach(
                    l ->
                        LineReader.read(l, 0)
                            .flatMap(Statement::of)
                            .ifPresent(
                                s -> {
                                  commonKeys.add(s.key());
                                  allStatements.putIfAbsent(s.key(), s);
                                  versions
                                      .computeIfAbsent(s.key(), k -> new java.util.TreeSet<>())
                                      .add(version);
                                })));
    Map<String, Double> weights = new HashMap<>();
    int n = Math.max(1, allScenarios.size());
    scenariosOfKey.forEach(
        (key, scenarios) -> weights.put(key, Math.log(1.0 + (double) n / scenarios.size())));
    this.signatures = List.copyOf(all);
    this.idf = weights;
    this.versionsOfKey = versions;
    this.common = commonKeys;
  }

  static SignatureDatabase of(SignatureFile file) {
    Map<RunEvidence, List<Statement>> parsed = new java.util.IdentityHashMap<>();
    file.runs().forEach(run -> parsed.put(run, statements(run)));
    return new SignatureDatabase(file, parsed, run -> true);
  }

  /** The database without one scenario's runs: the leave-one-out test's view. */
  SignatureDatabase without(String scenario) {
    return new SignatureDatabase(file, parsed, run -> !run.scenario().equals(scenario));
  }

  /** The database of the runs at one log level only, without one scenario's. */
  SignatureDatabase without(String scenario, String onlyLevel) {
    return new SignatureDatabase(
        file, parsed, run -> !run.scenario().equals(scenario) && run.level().equals(onlyLevel));
  }

  static SignatureFile read(Path path) throws IOException {
    ObjectMapper json =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    // The format first: an older file's runs do not fit this build's records.
    com.fasterxml.jackson.databind.JsonNode tree = json.readTree(path.toFile());
    int format = tree.path("format").asInt(0);
    if (format != SignatureFile.FORMAT) {
      throw new IOException("format " + format + ", this build reads " + SignatureFile.FORMAT);
    }
    return json.treeToValue(tree, SignatureFile.class);
  }

  /** The statements one run made: its pull errors' lines and its log, read like any input. */
  static List<Statement> statements(RunEvidence run) {
    Map<String, Statement> distinct = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    run.errors().forEach(lines::addAll);
    lines.addAll(run.log());
    for (String line : lines) {
      Optional<Statement> s = LineReader.read(line, 0).flatMap(Statement::of);
      if (s.isEmpty() && !line.isBlank()) {
        // An error text no client prefix marks (a harness error): an error all the same.
        s = Optional.of(Statement.of(Statement.Kind.ERROR, "error", line));
      }
      s.ifPresent(st -> distinct.putIfAbsent(st.key(), st));
    }
    return List.copyOf(distinct.values());
  }

  /** The statements a run of the file made, as parsed once. */
  List<Statement> statementsOf(RunEvidence run) {
    return parsed.getOrDefault(run, List.of());
  }

  List<Signature> signatures() {
    return signatures;
  }

  double idf(String key) {
    return idf.getOrDefault(key, Math.log(2));
  }

  /** The versions whose runs made exactly this statement (start-up lines included). */
  Set<String> versionsOf(String key) {
    return versionsOfKey.getOrDefault(key, Set.of());
  }

  /**
   * The versions of the catalogue statements most like {@code s} (at least {@link
   * #VERSION_SIMILARITY}); empty if none is.
   */
  Set<String> closestVersions(Statement s) {
    double best = VERSION_SIMILARITY;
    Set<String> versions = new java.util.TreeSet<>();
    for (Map.Entry<String, Statement> e : allStatements.entrySet()) {
      double sim = s.similarity(e.getValue());
      if (sim > best + 1e-9) {
        best = sim;
        versions.clear();
      }
      if (sim >= best - 1e-9) {
        versions.addAll(versionsOf(e.getKey()));
      }
    }
    return versions;
  }

  /** Whether most runs of some version log this (start-up): no evidence of a failure. */
  boolean isCommon(String key) {
    return common.contains(key);
  }

  Optional<ScenarioEntry> scenario(String id) {
    return file.scenarios().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  Map<String, String> versions() {
    return new TreeMap<>(file.versions());
  }

  SignatureFile file() {
    return file;
  }
}
