package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.ExpectationSet;
import dev.pullproof.harness.scenario.HostPattern;
import dev.pullproof.harness.scenario.RequestExpectation;
import dev.pullproof.registry.journal.JournalEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Checks request expectations against the registries' journals: counts per registry (or across all
 * with {@code *}) and order in time across registries. A failure lists the nearest requests that
 * did happen, as the fake registry's own journal assertions do.
 */
final class JournalChecks {
  /** How many nearest requests a failure lists. */
  static final int NEAREST = 5;

  /** A journal entry with the registry that received it. */
  record Seen(String registry, JournalEntry entry) {
    String line() {
      return registry + " " + entry.summary();
    }
  }

  private final List<Seen> all = new ArrayList<>();

  JournalChecks(Map<String, List<JournalEntry>> journals) {
    journals.forEach((name, entries) -> entries.forEach(e -> all.add(new Seen(name, e))));
    all.sort(
        Comparator.comparing((Seen s) -> s.entry().time())
            .thenComparing(s -> s.entry().sequence()));
  }

  void check(ExpectationSet expect, List<Failure> failures) {
    for (RequestExpectation r : expect.requests()) {
      long count = all.stream().filter(s -> matches(r.pattern(), s)).count();
      if (!r.count().contains(count)) {
        failures.add(
            new Failure(
                "requests",
                "'" + r.pattern() + "' " + r.count(),
                "saw " + count,
                count > 0 && r.count().max() < count
                    ? "matching:\n"
                        + lines(
                            all.stream()
                                .filter(s -> matches(r.pattern(), s))
                                .limit(NEAREST)
                                .toList())
                    : nearest(r.pattern())));
      }
    }
    if (!expect.ordered().isEmpty()) {
      checkOrder(expect.ordered(), failures);
    }
  }

  private void checkOrder(List<HostPattern> steps, List<Failure> failures) {
    int position = 0;
    for (int step = 0; step < steps.size(); step++) {
      HostPattern wanted = steps.get(step);
      int found = -1;
      for (int i = position; i < all.size(); i++) {
        if (matches(wanted, all.get(i))) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        List<Seen> after = all.subList(position, all.size());
        failures.add(
            new Failure(
                "ordered",
                "requests in this order: " + steps,
                step == 0
                    ? "no request matches '" + wanted + "'"
                    : "no request matches '"
                        + wanted
                        + "' after '"
                        + steps.get(step - 1)
                        + "' (matched by #"
                        + all.get(position - 1).entry().sequence()
                        + " on "
                        + all.get(position - 1).registry()
                        + ")",
                after.isEmpty()
                    ? "no requests came after it"
                    : "requests after it:\n" + lines(after.subList(0, Math.min(8, after.size())))));
        return;
      }
      position = found + 1;
    }
  }

  static boolean matches(HostPattern p, Seen s) {
    return (p.anyRegistry() || p.registry().equals(s.registry())) && p.pattern().matches(s.entry());
  }

  private String nearest(HostPattern p) {
    if (all.isEmpty()) {
      return "no registry received any request";
    }
    List<Seen> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingInt((Seen s) -> nearness(p, s)).reversed());
    return "nearest of "
        + all.size()
        + " requests:\n"
        + lines(sorted.subList(0, Math.min(NEAREST, sorted.size())));
  }

  /** Higher is nearer: same registry, same method, path matching, status, common path prefix. */
  static int nearness(HostPattern p, Seen s) {
    int score = 0;
    if (p.anyRegistry() || p.registry().equals(s.registry())) {
      score += 8000;
    }
    String method = p.pattern().method();
    if (method.equals("*") || method.equals(s.entry().method())) {
      score += 1000;
    }
    String glob = p.pattern().pathGlob();
    String literal = glob.contains("*") ? glob.substring(0, glob.indexOf('*')) : glob;
    String path = s.entry().path();
    int common = 0;
    while (common < literal.length()
        && common < path.length()
        && literal.charAt(common) == path.charAt(common)) {
      common++;
    }
    if (common == literal.length()) {
      score += 2000;
    }
    if (p.pattern().status() != null && p.pattern().status() == s.entry().status()) {
      score += 500;
    }
    return score + common;
  }

  private static String lines(List<Seen> seen) {
    return String.join("\n", seen.stream().map(Seen::line).toList());
  }
}
