package dev.pullproof.harness.scenario;

import dev.pullproof.harness.text.Suggestions;
import dev.pullproof.harness.toml.Problem;
import dev.pullproof.harness.toml.Problems;
import dev.pullproof.harness.toml.TomlFile;
import dev.pullproof.harness.toml.TomlReader;
import dev.pullproof.harness.version.ContainerdVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads scenario files strictly (the schema is documented in {@code scenarios/README.md}): an
 * unknown key, a value of the wrong type, a reference to an undefined registry or a version family
 * that does not exist is a {@link Problem} naming the file, line and key, with a suggestion where
 * one is obvious. All problems of a file are reported together in one {@link ScenarioException}.
 */
public final class ScenarioParser {
  /** Where the world's CA and client certificate go below /etc/containerd. */
  public static final String RESERVED = "pullproof/";

  /** The world file of a directory given as a world (a recording's). */
  public static final String WORLD_FILE = "world.toml";

  static final String[] TOP_KEYS = {
    "name",
    "summary",
    "versions",
    "repeat",
    "remove_images",
    "timeout",
    "world",
    "registries",
    "containerd",
    "pull",
    "expect",
    "doc",
    "observe",
    "node"
  };

  /** Parses a file; its id is its name without {@code .toml}. */
  public Scenario parse(Path file) {
    String name = file.getFileName().toString();
    return parse(file, name.endsWith(".toml") ? name.substring(0, name.length() - 5) : name);
  }

  /** Parses a file, giving it the id a catalogue found it under. */
  public Scenario parse(Path file, String id) {
    return parse(file, id, false).scenario().orElseThrow();
  }

  /**
   * Parses a world file: a scenario file whose {@code [[pull]]} tables are optional, for serving
   * its registries alone, or a directory's {@value #WORLD_FILE} (a recording's: registries only).
   * Returns the registries by name, in file order.
   */
  public Map<String, RegistrySpec> parseWorld(Path file) {
    if (Files.isDirectory(file)) {
      // A recording's world file holds registries only, as a shared world file does.
      return WorldFile.parse(file.resolve(WORLD_FILE));
    }
    return parse(file, "world", true).registries();
  }

  /** What a file holds: its registries and, unless read as a world file, the scenario. */
  private record Parsed(Map<String, RegistrySpec> registries, Optional<Scenario> scenario) {}

  private Parsed parse(Path file, String id, boolean world) {
    Problems problems = new Problems(file);
    TomlReader root = root(problems);
    root.allowOnly(TOP_KEYS);

    Optional<String> name = root.requiredString("name");
    String summary = root.string("summary").orElse("");
    List<ContainerdVersion> versions = versions(root);
    int repeat = root.integer("repeat", 1, 10_000).orElse(1L).intValue();
    boolean removeImages = root.bool("remove_images").orElse(false);
    if (removeImages && repeat < 2) {
      root.problem("remove_images", "needs repeat of 2 or more (it acts between repetitions)");
    }
    Duration timeout = root.duration("timeout").orElse(Scenario.DEFAULT_TIMEOUT);
    Map<String, RegistrySpec> registries = registries(root, file);
    if (root.has("world")) {
      // Without its world, every name in the file would be reported too.
      problems.throwIfAny(ScenarioException::new);
    }
    List<NodeExecutable> executables = NodeParser.executables(root);
    Names names =
        new Names(
            registries.keySet(),
            versions,
            registries.values().stream().anyMatch(r -> r.tls().isPresent()),
            executables.stream()
                .map(NodeExecutable::name)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
    ContainerdSetup containerd =
        root.table("containerd")
            .map(t -> containerd(t, file.toAbsolutePath().getParent(), names))
            .orElse(ContainerdSetup.EMPTY);
    ExpectationParser expectations = new ExpectationParser(names);
    List<ObserveSpec> observe = NodeParser.observations(root, names);
    List<PullSpec> pulls =
        new PullParser(file, expectations, names).pulls(root, !world && observe.isEmpty());
    Expectations expect =
        root.table("expect").map(expectations::expectations).orElse(Expectations.NONE);
    ScenarioDoc doc = root.table("doc").map(t -> doc(t, file, names)).orElse(ScenarioDoc.NONE);
    if (!root.has("world")) {
      new WorldChecks(root, registries).check();
    }
    problems.throwIfAny(ScenarioException::new);
    if (world) {
      return new Parsed(registries, Optional.empty());
    }
    try {
      Scenario scenario =
          new Scenario(
              id,
              file,
              name.orElseThrow(),
              summary,
              versions,
              registries,
              containerd,
              pulls,
              repeat,
              timeout,
              expect,
              doc,
              removeImages,
              observe,
              executables);
      return new Parsed(registries, Optional.of(scenario));
    } catch (IllegalArgumentException e) {
      problems.add(1, "", e.getMessage());
      problems.throwIfAny(ScenarioException::new);
      throw e;
    }
  }

  /**
   * The file's root table, or a {@link ScenarioException} naming it: unreadable, or every syntax
   * error with its line.
   */
  static TomlReader root(Problems problems) {
    TomlFile toml = TomlFile.read(problems.file());
    problems.addAll(toml.problems());
    problems.throwIfAny(ScenarioException::new);
    return new TomlReader(problems, toml.root().orElseThrow(), "", 1);
  }

  /**
   * The world: the file's own {@code [registries]}, or those of the world file named by {@code
   * world} (relative to the scenario), so that a reproduce scenario and its fix share one world.
   */
  private static Map<String, RegistrySpec> registries(TomlReader root, Path file) {
    Optional<String> shared = root.string("world");
    if (shared.isEmpty()) {
      return root.table("registries")
          .map(t -> new WorldParser(t, file.toAbsolutePath().getParent()).registries())
          .orElse(Map.of());
    }
    if (root.has("registries")) {
      root.problem("world", "give the registries here or in the world file, not both");
      return Map.of();
    }
    Path worldFile = file.toAbsolutePath().getParent().resolve(shared.get()).normalize();
    if (Files.isDirectory(worldFile)) {
      // A recording's directory (pullproof record) is a world: its world.toml names it.
      worldFile = worldFile.resolve(WORLD_FILE);
    }
    if (!Files.isRegularFile(worldFile)) {
      root.problem(
          "world",
          "no world file "
              + worldFile
              + " (the path is relative to the scenario file; a directory stands for its "
              + WORLD_FILE
              + ")");
      return Map.of();
    }
    return WorldFile.parse(worldFile);
  }

  /** {@code [doc]}: what the failure catalogue says beyond the observed outcome. */
  private static ScenarioDoc doc(TomlReader table, Path file, Names names) {
    table.allowOnly("topic", "why", "fixes", "claim");
    List<String> fixes = new ArrayList<>();
    for (TomlReader.Item item : table.items("fixes")) {
      if (!(item.value() instanceof String name) || name.isBlank()) {
        table.problemAt(item, "expected a scenario file such as \"dir-without-port-fix.toml\"");
      } else if (!Files.isRegularFile(file.toAbsolutePath().getParent().resolve(name))) {
        table.problemAt(
            item, "no scenario file '" + name + "' (the path is relative to this file)");
      } else {
        fixes.add(name);
      }
    }
    List<ScenarioDoc.Claim> claims = new ArrayList<>();
    if (table.raw("claim").orElse(null) instanceof org.tomlj.TomlArray) {
      for (TomlReader.Item item : table.items("claim")) {
        table.table(item).flatMap(t -> claim(t, names)).ifPresent(claims::add);
      }
    } else {
      table
          .table("claim", "a table or an array of tables")
          .flatMap(t -> claim(t, names))
          .ifPresent(claims::add);
    }
    return new ScenarioDoc(table.string("topic"), table.string("why").orElse(""), fixes, claims);
  }

  /** One {@code [doc.claim]}: text, source, holds_if, and optionally the pull or step judged. */
  private static Optional<ScenarioDoc.Claim> claim(TomlReader c, Names names) {
    c.allowOnly("text", "source", "holds_if", "pull", "observe", "request");
    Optional<String> text = c.requiredString("text");
    Optional<String> holdsIf = c.requiredString("holds_if");
    List<String> known = List.of("success", "failure", "requested", "not_requested");
    if (holdsIf.isPresent() && !known.contains(holdsIf.get())) {
      c.problem(
          "holds_if", "expected one of " + known + Suggestions.didYouMean(holdsIf.get(), known));
      return Optional.empty();
    }
    boolean byRequest = holdsIf.isPresent() && holdsIf.get().endsWith("requested");
    if (byRequest != c.has("request")) {
      c.problem(
          "request",
          "holds_if = \"requested\" or \"not_requested\" goes with request = \"REGISTRY METHOD"
              + " PATH\", and only they do");
      return Optional.empty();
    }
    if ((c.has("pull") ? 1 : 0) + (c.has("observe") ? 1 : 0) + (c.has("request") ? 1 : 0) > 1) {
      c.problem("observe", "a claim is judged by one pull, one observe step or one request");
      return Optional.empty();
    }
    Optional<HostPattern> request =
        c.string("request").flatMap(r -> c.convert("request", () -> HostPattern.parse(r)));
    request.ifPresent(r -> names.registry(c, "request", r));
    Optional<ScenarioDoc.Step> step =
        c.integer("pull", 0, 1000)
            .map(i -> new ScenarioDoc.Step(false, i.intValue()))
            .or(
                () ->
                    c.integer("observe", 0, 1000)
                        .map(i -> new ScenarioDoc.Step(true, i.intValue())));
    if (text.isEmpty() || holdsIf.isEmpty() || (byRequest && request.isEmpty())) {
      return Optional.empty();
    }
    boolean holds = holdsIf.get().equals("success") || holdsIf.get().equals("requested");
    return Optional.of(
        new ScenarioDoc.Claim(text.get(), c.string("source").orElse(""), holds, step, request));
  }

  private static List<ContainerdVersion> versions(TomlReader root) {
    if (!root.has("versions")) {
      return ContainerdVersion.families();
    }
    List<ContainerdVersion> versions = new ArrayList<>();
    for (TomlReader.Item item : root.items("versions")) {
      family(root, item).ifPresent(versions::add);
    }
    if (versions.isEmpty() && root.problems().isEmpty()) {
      root.problem("versions", "must name at least one of " + ContainerdVersion.labels());
    }
    return versions;
  }

  /** A version family label, or a problem with a did-you-mean. */
  static Optional<ContainerdVersion> family(TomlReader where, TomlReader.Item item) {
    if (!(item.value() instanceof String label)) {
      where.problemAt(item, "expected a version string such as \"1.7\" or \"2.2.1\"");
      return Optional.empty();
    }
    return family(label, message -> where.problemAt(item, message));
  }

  static Optional<ContainerdVersion> family(
      String label, java.util.function.Consumer<String> report) {
    Optional<ContainerdVersion> family = ContainerdVersion.of(label);
    if (family.isEmpty()) {
      String hint = Suggestions.didYouMean(label, ContainerdVersion.labels());
      if (hint.isEmpty() && label.startsWith("2.")) {
        hint =
            "; did you mean '2'? (Debian's 2.x family is written \"2\", an exact release in"
                + " full, e.g. \"2.2.1\")";
      }
      report.accept(
          "unknown containerd version '"
              + label
              + "'; known: the families "
              + ContainerdVersion.labels()
              + " or an exact release such as \"2.2.1\""
              + hint);
    }
    return family;
  }

  private static ContainerdSetup containerd(TomlReader table, Path dir, Names names) {
    table.allowOnly("files", "version");
    List<ContainerdFile> common =
        table.table("files").map(t -> files(t, dir, names)).orElse(List.of());
    Map<ContainerdVersion, List<ContainerdFile>> byVersion = new TreeMap<>();
    table
        .table("version")
        .ifPresent(
            versions -> {
              for (String label : versions.keys()) {
                Optional<ContainerdVersion> family =
                    family(label, message -> versions.problem(label, message));
                Optional<TomlReader> perVersion = versions.table(label);
                family.ifPresent(f -> names.runsOn(versions, label, f));
                if (family.isPresent() && perVersion.isPresent()) {
                  perVersion.get().allowOnly("files");
                  byVersion.put(
                      family.get(),
                      perVersion
                          .get()
                          .table("files")
                          .map(t -> files(t, dir, names))
                          .orElse(List.of()));
                }
              }
            });
    return new ContainerdSetup(common, byVersion);
  }

  /** {@code "path" = "inline text"} or {@code "path" = { file = "relative/to/scenario" }}. */
  private static List<ContainerdFile> files(TomlReader table, Path dir, Names names) {
    Map<String, ContainerdFile> files = new LinkedHashMap<>();
    for (String path : table.keys()) {
      Object value = table.raw(path).orElseThrow();
      Optional<String> text = Optional.empty();
      String origin = ContainerdFile.INLINE;
      if (value instanceof String inline) {
        if (!inline.contains("\n") && inline.matches("[\\w./-]+\\.(toml|pem|crt|key|json|yaml)")) {
          table.problem(
              path,
              "'"
                  + inline
                  + "' looks like a file name; write { file = \""
                  + inline
                  + "\" } to read it, or give the content as text");
          continue;
        }
        text = Optional.of(inline);
      } else {
        Optional<TomlReader> ref = table.table(path);
        if (ref.isEmpty()) {
          continue;
        }
        ref.get().allowOnly("file");
        Optional<String> name = ref.get().requiredString("file");
        if (name.isPresent()) {
          Path source = dir.resolve(name.get()).normalize();
          origin = name.get();
          try {
            text = Optional.of(Files.readString(source));
          } catch (IOException e) {
            ref.get().problem("file", "cannot read " + source + ": " + e.getMessage());
          }
        }
      }
      String content = text.orElse(null);
      if (path.startsWith(RESERVED)) {
        table.problem(
            path, "paths below " + RESERVED + " hold the world's TLS files; pick another");
        continue;
      }
      names.placeholders(table, path, path);
      if (content != null) {
        names.placeholders(table, path, content);
        String from = origin;
        table
            .convert(path, () -> new ContainerdFile(path, content, from))
            .ifPresent(f -> files.put(path, f));
      }
    }
    return List.copyOf(files.values());
  }
}
