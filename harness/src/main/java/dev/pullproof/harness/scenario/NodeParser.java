package dev.pullproof.harness.scenario;

import dev.pullproof.harness.toml.TomlReader;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@code [node]} (programs placed on the node's PATH) and the {@code [[observe]]} steps. */
final class NodeParser {
  private NodeParser() {}

  /** {@code [node.executables.NAME]} tables: {@code stdout}, {@code exit_code}. */
  static List<NodeExecutable> executables(TomlReader root) {
    List<NodeExecutable> out = new ArrayList<>();
    Optional<TomlReader> node = root.table("node");
    if (node.isEmpty()) {
      return out;
    }
    node.get().allowOnly("executables");
    Optional<TomlReader> table = node.get().table("executables");
    if (table.isEmpty()) {
      return out;
    }
    for (String name : table.get().keys()) {
      Optional<TomlReader> e = table.get().table(name, "a table such as { stdout = \"...\" }");
      if (e.isEmpty()) {
        continue;
      }
      e.get().allowOnly("stdout", "exit_code");
      String stdout = e.get().string("stdout").orElse("");
      int exit = e.get().integer("exit_code", 0, 255).orElse(0L).intValue();
      e.get().convert("stdout", () -> new NodeExecutable(name, stdout, exit)).ifPresent(out::add);
    }
    return out;
  }

  /** The {@code [[observe]]} tables, each one step and its {@code expect}. */
  static List<ObserveSpec> observations(TomlReader root, Names names) {
    List<ObserveSpec> out = new ArrayList<>();
    for (TomlReader.Item item : root.items("observe")) {
      root.table(item).flatMap(t -> observe(t, names)).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<ObserveSpec> observe(TomlReader o, Names names) {
    o.allowOnly("ctr", "run_pod_sandbox", "expect");
    if (o.has("ctr") == o.has("run_pod_sandbox")) {
      o.problems()
          .add(
              o.line(),
              o.key("ctr"),
              "an [[observe]] runs one step: ctr = [\"plugins\", \"ls\"] or run_pod_sandbox = {"
                  + " ... }");
      return Optional.empty();
    }
    Optional<NodeStep> step;
    if (o.has("ctr")) {
      List<String> args = o.strings("ctr");
      step = o.convert("ctr", () -> new NodeStep.Ctr(args));
    } else {
      step = sandbox(o);
    }
    ObserveExpect expect = o.table("expect").map(e -> expect(e, names)).orElse(ObserveExpect.NONE);
    return step.map(s -> new ObserveSpec(s, expect));
  }

  private static Optional<NodeStep> sandbox(TomlReader o) {
    if (o.raw("run_pod_sandbox").orElse(null) instanceof Boolean b) {
      if (!b) {
        o.problem("run_pod_sandbox", "true or a table; leave the [[observe]] out instead");
        return Optional.empty();
      }
      return Optional.of(new NodeStep.PodSandbox("pullproof-pod", "default", "pullproof-1", true));
    }
    Optional<TomlReader> t = o.table("run_pod_sandbox", "true or a table");
    if (t.isEmpty()) {
      return Optional.empty();
    }
    TomlReader s = t.get();
    s.allowOnly("name", "namespace", "uid", "host_network");
    String name = s.string("name").orElse("pullproof-pod");
    String namespace = s.string("namespace").orElse("default");
    String uid = s.string("uid").orElse("pullproof-1");
    boolean host = s.bool("host_network").orElse(true);
    return s.convert("name", () -> new NodeStep.PodSandbox(name, namespace, uid, host));
  }

  private static ObserveExpect expect(TomlReader e, Names names) {
    e.allowOnly("outcome", "output_contains", "output_absent", "output_matches", "plugins");
    Optional<Boolean> success = Optional.empty();
    Optional<String> outcome = e.string("outcome");
    if (outcome.isPresent()) {
      switch (outcome.get()) {
        case "success" -> success = Optional.of(true);
        case "failure" -> success = Optional.of(false);
        default -> e.problem("outcome", "must be \"success\" or \"failure\"");
      }
    }
    Map<ContainerdVersion, List<String>> contains = texts(e, "output_contains", names);
    Map<ContainerdVersion, List<String>> absent = texts(e, "output_absent", names);
    Map<ContainerdVersion, Pattern> matches = new TreeMap<>();
    perVersion(
        e,
        "output_matches",
        names,
        (family, value) -> {
          if (!(value.value() instanceof String regex)) {
            e.problemAt(value, "expected a regular expression");
            return;
          }
          try {
            Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
            family.forEach(f -> matches.put(f, p));
          } catch (PatternSyntaxException x) {
            e.problemAt(value, "not a valid regular expression: " + x.getDescription());
          }
        });
    Map<ContainerdVersion, Map<String, String>> plugins = plugins(e, names);
    Optional<Boolean> ok = success;
    return e.convert("plugins", () -> new ObserveExpect(ok, contains, absent, matches, plugins))
        .orElse(ObserveExpect.NONE);
  }

  /**
   * {@code plugins = { "io.containerd.cri.v1.images" = "ok" }} for every version, or {@code plugins
   * = { "2" = { ... } }} per version (a table value is a version's).
   */
  private static Map<ContainerdVersion, Map<String, String>> plugins(TomlReader e, Names names) {
    Map<ContainerdVersion, Map<String, String>> out = new TreeMap<>();
    Optional<TomlReader> table = e.table("plugins");
    if (table.isEmpty()) {
      return out;
    }
    for (String key : table.get().keys()) {
      Optional<Object> value = table.get().raw(key);
      if (value.orElse(null) instanceof org.tomlj.TomlTable) {
        Optional<ContainerdVersion> family =
            ScenarioParser.family(key, m -> table.get().problem(key, m));
        family.ifPresent(f -> names.runsOn(table.get(), key, f));
        Optional<TomlReader> states = table.get().table(key);
        if (family.isPresent() && states.isPresent()) {
          Map<String, String> m = out.computeIfAbsent(family.get(), x -> new java.util.HashMap<>());
          for (String plugin : states.get().keys()) {
            states.get().string(plugin).ifPresent(st -> m.put(plugin, st));
          }
        }
      } else {
        table
            .get()
            .string(key)
            .ifPresent(
                st -> {
                  for (ContainerdVersion f : ContainerdVersion.families()) {
                    out.computeIfAbsent(f, x -> new java.util.HashMap<>()).put(key, st);
                  }
                });
      }
    }
    return out;
  }

  /** A string or an array of strings, for every version or per version. */
  private static Map<ContainerdVersion, List<String>> texts(TomlReader e, String key, Names names) {
    Map<ContainerdVersion, List<String>> out = new TreeMap<>();
    perVersion(
        e,
        key,
        names,
        (families, value) -> {
          List<String> words = new ArrayList<>();
          if (value.value() instanceof String s) {
            words.add(s);
          } else if (value.value() instanceof org.tomlj.TomlArray a) {
            for (int i = 0; i < a.size(); i++) {
              if (a.get(i) instanceof String s) {
                words.add(s);
              } else {
                e.problemAt(value, "expected strings");
              }
            }
          } else {
            e.problemAt(value, "expected a string or an array of strings");
          }
          families.forEach(f -> out.computeIfAbsent(f, x -> new ArrayList<>()).addAll(words));
        });
    return out;
  }

  /**
   * Calls {@code use} with every family for a plain value, or per family for a table of {@code
   * "1.7" = value} entries.
   */
  private static void perVersion(
      TomlReader e,
      String key,
      Names names,
      BiConsumer<List<ContainerdVersion>, TomlReader.Item> use) {
    Optional<Object> raw = e.raw(key);
    if (raw.isEmpty()) {
      return;
    }
    if (!(raw.get() instanceof org.tomlj.TomlTable)) {
      use.accept(
          ContainerdVersion.families(), new TomlReader.Item(raw.get(), e.line(key), e.key(key)));
      return;
    }
    TomlReader table = e.table(key).orElseThrow();
    for (String label : table.keys()) {
      Optional<ContainerdVersion> family =
          ScenarioParser.family(label, m -> table.problem(label, m));
      family.ifPresent(f -> names.runsOn(table, label, f));
      family.ifPresent(
          f ->
              use.accept(
                  List.of(f),
                  new TomlReader.Item(
                      table.raw(label).orElseThrow(), table.line(label), table.key(label))));
    }
  }
}
