package dev.pullproof.harness.explain;

import dev.pullproof.harness.explain.Evidence.Counts;
import dev.pullproof.harness.explain.Evidence.Observed;
import dev.pullproof.harness.explain.InputLine.LogEntry;
import dev.pullproof.harness.explain.InputLine.PodEvent;
import dev.pullproof.harness.explain.InputLine.PullError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an input stream line by line into {@link Evidence}, in memory bounded whatever the input's
 * size: lines are cut at {@link BoundedLines#MAX_CHARS}, at most {@link #MAX_STATEMENTS} distinct
 * statements, {@link #MAX_NAMES} images and hosts and the timeline's events are kept, the rest is
 * counted.
 */
final class Scan {
  static final int MAX_STATEMENTS = 5000;
  static final int MAX_NAMES = 20;
  static final int MAX_EXAMPLE = 600;

  private final Map<String, Observed> statements = new LinkedHashMap<>();
  private final Timeline timeline = new Timeline();
  private final Set<String> images = new LinkedHashSet<>();
  private final Set<String> hosts = new LinkedHashSet<>();
  private final Set<String> secrets = new LinkedHashSet<>();
  private long lines;
  private long log;
  private long debug;
  private long errors;
  private long events;
  private long skipped;
  private long cut;
  private long binary;
  private long dropped;

  private final java.util.function.Consumer<PullError> onError;

  private Scan(java.util.function.Consumer<PullError> onError) {
    this.onError = onError;
  }

  static Evidence of(InputStream input) throws IOException {
    return of(input, e -> {});
  }

  /** Reads the input; {@code onError} hears each pull error as it is read. */
  static Evidence of(InputStream input, java.util.function.Consumer<PullError> onError)
      throws IOException {
    Scan scan = new Scan(onError);
    try (BoundedLines in = new BoundedLines(input)) {
      for (BoundedLines.Line line = in.next(); line != null; line = in.next()) {
        scan.line(line);
      }
    }
    return scan.evidence();
  }

  static Evidence of(List<String> lines) {
    Scan scan = new Scan(e -> {});
    lines.forEach(l -> scan.line(new BoundedLines.Line(l, false)));
    return scan.evidence();
  }

  private void line(BoundedLines.Line raw) {
    lines++;
    if (raw.cut()) {
      cut++;
    }
    String text = raw.text();
    if (isBinary(text)) {
      binary++;
      return;
    }
    InputSecrets.collect(text, secrets);
    var read = LineReader.read(text, lines);
    if (read.isEmpty()) {
      if (!text.isBlank()) {
        skipped++;
      }
      return;
    }
    InputLine line = read.get();
    if (line instanceof LogEntry e) {
      log++;
      if (e.level().equals("debug") || e.level().equals("trace")) {
        debug++;
      }
      name(hosts, e.field("host"));
      name(hosts, Timeline.hostOf(e.field("url")));
    } else if (line instanceof PullError e) {
      errors++;
      onError.accept(e);
      e.image().ifPresent(i -> name(images, i));
      name(hosts, Timeline.hostOf(e.text()));
    } else if (line instanceof PodEvent e) {
      events++;
      e.image().ifPresent(i -> name(images, i));
    }
    timeline.add(line);
    statementOf(line).ifPresent(s -> observe(s, line.number(), text));
  }

  /** Normalising is the costly part; a long log repeats few messages, so recent ones are kept. */
  private final Map<String, java.util.Optional<Statement>> recent =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, java.util.Optional<Statement>> e) {
          return size() > 1024;
        }
      };

  private java.util.Optional<Statement> statementOf(InputLine line) {
    String key;
    if (line instanceof LogEntry e) {
      key =
          "L"
              + e.level()
              + "\u0000"
              + e.msg()
              + "\u0000"
              + e.field("error")
              + "\u0000"
              + e.field("err");
    } else if (line instanceof PullError e) {
      key = "E" + e.text();
    } else {
      return java.util.Optional.empty();
    }
    return recent.computeIfAbsent(key, k -> Statement.of(line));
  }

  private void observe(Statement s, long number, String text) {
    Observed seen = statements.get(s.key());
    if (seen != null) {
      statements.put(
          s.key(),
          new Observed(seen.statement(), seen.firstLine(), seen.count() + 1, seen.example()));
    } else if (statements.size() < MAX_STATEMENTS) {
      String example = text.strip();
      if (example.length() > MAX_EXAMPLE) {
        example = example.substring(0, MAX_EXAMPLE) + "...";
      }
      statements.put(s.key(), new Observed(s, number, 1, example));
    } else {
      dropped++;
    }
  }

  private static void name(Set<String> names, String name) {
    if (!name.isEmpty() && names.size() < MAX_NAMES) {
      names.add(name);
    }
  }

  /** NUL bytes, or more than a tenth of the characters undecodable or control characters. */
  static boolean isBinary(String text) {
    int odd = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return true;
      }
      if (c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\r' && c != 0x1B)) {
        odd++;
      }
    }
    return odd > 0 && odd * 10 > text.length();
  }

  private Evidence evidence() {
    return new Evidence(
        new ArrayList<>(statements.values()),
        timeline,
        new Counts(lines, log, debug, errors, events, skipped, cut, binary, dropped),
        List.copyOf(images),
        List.copyOf(hosts),
        Set.copyOf(secrets));
  }
}
