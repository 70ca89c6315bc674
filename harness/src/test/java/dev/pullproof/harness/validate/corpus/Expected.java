package dev.pullproof.harness.validate.corpus;

import dev.pullproof.harness.validate.corpus.Observed.FindingLine;
import dev.pullproof.harness.validate.corpus.Observed.VersionLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * A corpus entry's {@code expected.toml}: what real containerd did with the files, and every
 * finding validate should give. An entry marked {@code false_alarm} is something the current code
 * says that containerd contradicts: a finding with it must not appear, and a version with it holds
 * the values containerd showed (when the node had what a real node has) instead of the ones
 * recorded.
 */
record Expected(List<Finding> findings, Map<String, Version> versions, Optional<String> headline) {

  record Finding(FindingLine line, Optional<String> falseAlarm) {}

  record Version(VersionLine line, Optional<String> falseAlarm) {}

  static Optional<Expected> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    TomlParseResult toml = Toml.parse(file);
    if (toml.hasErrors()) {
      throw new IllegalStateException(file + ": " + toml.errors());
    }
    List<Finding> findings = new ArrayList<>();
    TomlArray array = toml.getArray("finding");
    for (int i = 0; array != null && i < array.size(); i++) {
      TomlTable t = array.getTable(i);
      findings.add(
          new Finding(
              new FindingLine(
                  t.getString("severity"),
                  t.getString("rule"),
                  strings(t.getArray("versions")),
                  t.getString("at")),
              Optional.ofNullable(t.getString("false_alarm"))));
    }
    Map<String, Version> versions = new LinkedHashMap<>();
    TomlTable table = toml.getTable("version");
    if (table != null) {
      for (String family : table.keySet()) {
        TomlTable t = table.getTable(List.of(family));
        versions.put(
            family,
            new Version(
                new VersionLine(
                    family,
                    t.getString("containerd", () -> ""),
                    t.getString("verdict"),
                    Optional.ofNullable(t.getBoolean("cri_loaded")),
                    strings(t.getArray("pulled")),
                    strings(t.getArray("failed")),
                    strings(t.getArray("logged")),
                    Optional.ofNullable(t.getString("could_not_check"))),
                Optional.ofNullable(t.getString("false_alarm"))));
      }
    }
    return Optional.of(
        new Expected(findings, versions, Optional.ofNullable(toml.getString("verdict"))));
  }

  /** The verdict over all versions: READY only when every version is. */
  String verdict() {
    return versions.values().stream().allMatch(v -> v.line().verdict().equals(Observed.READY))
        ? Observed.READY
        : Observed.NOT_READY;
  }

  /**
   * From a run, keeping the hand-reviewed parts of {@code previous}: its false alarms, and the
   * versions it marked as false alarms, stay as they were.
   */
  static Expected recorded(Observed run, Optional<Expected> previous) {
    List<Finding> findings = new ArrayList<>();
    for (FindingLine line : run.findings()) {
      Optional<String> alarm =
          previous.flatMap(
              p ->
                  p.findings().stream()
                      .filter(f -> f.line().equals(line))
                      .findFirst()
                      .flatMap(Finding::falseAlarm));
      findings.add(new Finding(line, alarm));
    }
    Map<String, Version> versions = new LinkedHashMap<>();
    for (VersionLine line : run.versions()) {
      Optional<Version> kept =
          previous
              .map(p -> p.versions().get(line.family()))
              .filter(v -> v.falseAlarm().isPresent());
      versions.put(line.family(), kept.orElse(new Version(line, Optional.empty())));
    }
    return new Expected(findings, versions, Optional.empty());
  }

  void write(Path file, String entry) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("# What validate and real containerd did with ")
        .append(entry)
        .append(" on 1.6, 1.7 and 2.x.\n")
        .append("# Recorded by ValidateCorpusIT (-Dpullproof.corpus.record=true), then reviewed:\n")
        .append("# an entry with false_alarm is what the current code says and containerd\n")
        .append("# contradicts (see SOURCE.md). `logged` is evidence and is not asserted.\n\n");
    out.append("verdict = ").append(quote(verdict())).append("\n");
    for (Version v : versions.values()) {
      VersionLine l = v.line();
      out.append("\n[version.").append(quote(l.family())).append("]\n");
      out.append("containerd = ").append(quote(l.containerd())).append("\n");
      out.append("verdict = ").append(quote(l.verdict())).append("\n");
      l.criLoaded().ifPresent(c -> out.append("cri_loaded = ").append(c).append("\n"));
      out.append("pulled = ").append(list(l.pulled())).append("\n");
      out.append("failed = ").append(list(l.failed())).append("\n");
      l.couldNotCheck()
          .ifPresent(c -> out.append("could_not_check = ").append(quote(c)).append("\n"));
      v.falseAlarm().ifPresent(a -> out.append("false_alarm = ").append(quote(a)).append("\n"));
      out.append("logged = ").append(list(l.logged())).append("\n");
    }
    for (Finding f : findings) {
      FindingLine l = f.line();
      out.append("\n[[finding]]\n");
      out.append("severity = ").append(quote(l.severity())).append("\n");
      out.append("rule = ").append(quote(l.rule())).append("\n");
      out.append("versions = ").append(list(l.versions())).append("\n");
      out.append("at = ").append(quote(l.at())).append("\n");
      f.falseAlarm().ifPresent(a -> out.append("false_alarm = ").append(quote(a)).append("\n"));
    }
    Files.writeString(file, out.toString());
  }

  private static List<String> strings(TomlArray array) {
    List<String> out = new ArrayList<>();
    for (int i = 0; array != null && i < array.size(); i++) {
      out.add(array.getString(i));
    }
    return out;
  }

  private static String list(List<String> values) {
    if (values.isEmpty()) {
      return "[]";
    }
    if (values.size() == 1) {
      return "[" + quote(values.get(0)) + "]";
    }
    StringBuilder out = new StringBuilder("[\n");
    values.forEach(v -> out.append("  ").append(quote(v)).append(",\n"));
    return out.append("]").toString();
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
