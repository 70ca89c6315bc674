package dev.pullproof.harness.report;

import dev.pullproof.harness.run.Outcome;
import dev.pullproof.harness.run.PullAttempt;
import dev.pullproof.harness.world.HostRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the requests each host received during one run as an SVG: one lane per registry, each
 * request a mark at its arrival time coloured by status class and labelled with the status, its
 * full request line in a tooltip; a top lane shows each pull's span. Self-contained markup; drawn
 * in viewBox units, so a page can scale it to its width (class {@code timeline}) and the labels
 * keep their spacing.
 */
final class SvgTimeline {
  static final int WIDTH = 760;
  static final int LEFT = 120;
  static final int RIGHT = 20;
  static final int LANE = 34;

  /** Horizontal room a status label needs, in pixels. */
  static final double LABEL_GAP = 20;

  private final Redactor redactor;

  SvgTimeline(Redactor redactor) {
    this.redactor = redactor;
  }

  String render(Outcome outcome) {
    Map<String, List<HostRequest>> journals = outcome.journals();
    Instant origin = origin(outcome);
    long span = Math.max(1, end(outcome, origin));
    int lanes = journals.size() + 1;
    int height = 30 + lanes * LANE + 20;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n",
            WIDTH,
            height,
            WIDTH,
            height));
    svg.append("<title>requests per host over time</title>\n");
    axis(svg, span, height);
    legend(svg);
    int lane = 0;
    laneLabel(svg, lane, "pulls");
    for (PullAttempt p : outcome.pulls()) {
      double x0 = x(p.started().toEpochMilli() - origin.toEpochMilli(), span);
      double x1 =
          x(p.started().toEpochMilli() - origin.toEpochMilli() + p.duration().toMillis(), span);
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"10\" fill=\"%s\" opacity=\"0.6\">"
                  + "<title>%s</title></rect>\n",
              x0,
              y(lane) - 5,
              Math.max(2, x1 - x0),
              p.success() ? "#2e7d32" : "#c62828",
              text(
                  "pull "
                      + (p.pull() + 1)
                      + " #"
                      + p.repetition()
                      + " "
                      + p.via().label()
                      + " "
                      + p.image()
                      + ": "
                      + (p.success() ? "ok" : p.error())
                      + " ("
                      + p.duration().toMillis()
                      + " ms)")));
    }
    for (Map.Entry<String, List<HostRequest>> host : journals.entrySet()) {
      lane++;
      laneLabel(svg, lane, host.getKey());
      // Status labels go above the mark, or below when the one above would overlap the last;
      // when both would, the tooltip alone carries it.
      double[] lastLabel = {-LABEL_GAP, -LABEL_GAP};
      for (HostRequest e : host.getValue()) {
        double x = x(e.time().toEpochMilli() - origin.toEpochMilli(), span);
        String label = "";
        for (int slot = 0; slot < 2; slot++) {
          if (x - lastLabel[slot] >= LABEL_GAP) {
            lastLabel[slot] = x;
            label =
                String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\">%d</text>",
                    x,
                    slot == 0 ? y(lane) - 9 : y(lane) + 16,
                    e.status());
            break;
          }
        }
        svg.append(
            String.format(
                Locale.ROOT,
                "<g><rect x=\"%.1f\" y=\"%d\" width=\"4\" height=\"14\" fill=\"%s\"/>%s"
                    + "<title>%s</title></g>\n",
                x - 2,
                y(lane) - 7,
                color(e.status()),
                label,
                text(
                    host.getKey()
                        + " "
                        + e.summary()
                        + " ["
                        + e.route()
                        + ", "
                        + e.duration().toMillis()
                        + " ms] at +"
                        + (e.time().toEpochMilli() - origin.toEpochMilli())
                        + " ms")));
      }
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private void axis(StringBuilder svg, long span, int height) {
    int bottom = height - 16;
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n",
            LEFT,
            bottom,
            WIDTH - RIGHT,
            bottom));
    for (int i = 0; i <= 4; i++) {
      long ms = span * i / 4;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" fill=\"#555\" text-anchor=\"middle\">%d ms</text>\n",
              x(ms, span),
              bottom + 13,
              ms));
    }
  }

  private static void legend(StringBuilder svg) {
    String[][] keys = {
      {"2xx", "#2e7d32"}, {"3xx", "#1565c0"}, {"4xx", "#ef6c00"}, {"5xx", "#c62828"}
    };
    int x = WIDTH - RIGHT - 4 * 48;
    for (String[] key : keys) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"6\" width=\"4\" height=\"10\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"15\" fill=\"#555\">%s</text>\n",
              x,
              key[1],
              x + 7,
              key[0]));
      x += 48;
    }
  }

  private void laneLabel(StringBuilder svg, int lane, String name) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"8\" y=\"%d\">%s</text><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
                + " stroke=\"#eee\"/>\n",
            y(lane) + 4,
            text(name),
            LEFT,
            y(lane),
            WIDTH - RIGHT,
            y(lane)));
  }

  private String text(String s) {
    return Escape.xml(redactor.redact(s));
  }

  private static Instant origin(Outcome o) {
    List<Instant> times = new ArrayList<>();
    o.pulls().forEach(p -> times.add(p.started()));
    o.journals().values().forEach(l -> l.forEach(e -> times.add(e.time())));
    return times.stream().min(Instant::compareTo).orElse(o.started());
  }

  private static long end(Outcome o, Instant origin) {
    long end = 0;
    for (PullAttempt p : o.pulls()) {
      end =
          Math.max(
              end, p.started().toEpochMilli() + p.duration().toMillis() - origin.toEpochMilli());
    }
    for (List<HostRequest> l : o.journals().values()) {
      for (HostRequest e : l) {
        end = Math.max(end, e.time().toEpochMilli() - origin.toEpochMilli());
      }
    }
    return end;
  }

  private static double x(long ms, long span) {
    return LEFT + (WIDTH - LEFT - RIGHT) * (double) ms / span;
  }

  private static int y(int lane) {
    return 30 + lane * LANE;
  }

  static String color(int status) {
    if (status >= 500) {
      return "#c62828";
    } else if (status >= 400) {
      return "#ef6c00";
    } else if (status >= 300) {
      return "#1565c0";
    } else if (status >= 200) {
      return "#2e7d32";
    }
    return "#757575";
  }
}
