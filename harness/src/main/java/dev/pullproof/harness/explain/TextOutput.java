package dev.pullproof.harness.explain;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code --format text}: the diagnosis for a person, timeline first, then the causes. */
final class TextOutput {
  private TextOutput() {}

  static String render(Diagnosis d) {
    StringBuilder out = new StringBuilder();
    Evidence.Counts c = d.counts();
    out.append("pullproof explain: ")
        .append(d.source())
        .append(": ")
        .append(c.lines())
        .append(" line(s): ")
        .append(c.log())
        .append(" containerd log (")
        .append(c.debug())
        .append(" debug), ")
        .append(c.errors())
        .append(" pull error(s), ")
        .append(c.events())
        .append(" kubelet event(s); ")
        .append(c.skipped())
        .append(" skipped (not a form explain reads)");
    if (c.binary() > 0) {
      out.append(", ").append(c.binary()).append(" binary");
    }
    if (c.cut() > 0) {
      out.append(", ")
          .append(c.cut())
          .append(" cut at ")
          .append(BoundedLines.MAX_CHARS)
          .append(" characters");
    }
    out.append("\ncontainerd version: ").append(d.versionNote()).append("\n\n");
    out.append("Timeline\n");
    if (d.timeline().isEmpty()) {
      out.append("  (no request, error or pull event in the input)\n");
    }
    double previous = -1;
    String lastHost = "";
    for (Timeline.Event e : d.timeline()) {
      String delta =
          e.seconds() >= 0 && previous >= 0
              ? String.format(Locale.ROOT, "+%.3fs", e.seconds() - previous)
              : "";
      if (e.seconds() >= 0) {
        previous = e.seconds();
      }
      if (!lastHost.isEmpty() && !e.host().isEmpty() && !e.host().equals(lastHost)) {
        out.append("  -> next host: ").append(e.host()).append('\n');
      }
      if (!e.host().isEmpty()) {
        lastHost = e.host();
      }
      out.append(
          String.format(
              Locale.ROOT,
              "  line %-6d %-9s %s%s%s%n",
              e.line(),
              delta,
              e.host().isEmpty() ? "" : e.host() + ": ",
              e.what(),
              e.count() > 1 ? "  (x" + e.count() + ")" : ""));
    }
    if (d.timelineDropped() > 0) {
      out.append("  ... ").append(d.timelineDropped()).append(" more event(s) not shown\n");
    }
    out.append("\nLikely causes\n");
    if (d.causes().isEmpty()) {
      out.append("  none: no line matched a failure of the catalogue\n");
    }
    int i = 1;
    for (Diagnosis.Cause cause : d.causes()) {
      out.append("  ")
          .append(i++)
          .append(". ")
          .append(cause.scenario())
          .append("  (score ")
          .append(cause.score())
          .append(", best match on ")
          .append(cause.matchedOn())
          .append(")\n");
      if (!cause.summary().isEmpty()) {
        out.append("     ").append(cause.summary()).append('\n');
      }
      if (!cause.why().isEmpty()) {
        out.append("     why: ").append(cause.why().replace('\n', ' ')).append('\n');
      }
      out.append("     failure: ").append(cause.family()).append('\n');
      for (Diagnosis.Line l : cause.matched()) {
        out.append("     line ")
            .append(l.number())
            .append(" matched (")
            .append(l.similarity())
            .append("): ")
            .append(l.input())
            .append('\n');
      }
      out.append("     containerd prints exactly this on: ")
          .append(
              cause.exactOn().isEmpty()
                  ? "no version word for word (closest wording only)"
                  : String.join(", ", cause.exactOn()))
          .append('\n');
      for (Diagnosis.Fix f : cause.fixes()) {
        out.append("     fix proven by ")
            .append(f.scenario().isEmpty() ? f.file() : f.scenario())
            .append(" (")
            .append(f.file())
            .append("): ")
            .append(pulls(f.pulls()))
            .append('\n');
      }
      if (cause.fixes().isEmpty()) {
        out.append("     fix: none recorded for this scenario (")
            .append(cause.file())
            .append(")\n");
      }
    }
    out.append("\nNot settled by this evidence\n");
    if (d.unsettled().isEmpty()) {
      out.append("  nothing else\n");
    }
    d.unsettled().forEach(u -> out.append("  - ").append(u).append('\n'));
    out.append("  one extra piece: ").append(d.extraPiece()).append('\n');
    return out.toString();
  }

  private static String pulls(Map<String, Boolean> pulls) {
    if (pulls.isEmpty()) {
      return "not part of the catalogue run";
    }
    return new java.util.TreeMap<>(pulls)
        .entrySet().stream()
            .map(e -> e.getKey() + " " + (e.getValue() ? "pulls" : "fails"))
            .collect(Collectors.joining(", "));
  }
}
