package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.ExpectationSet;
import dev.pullproof.harness.scenario.HostPattern;
import dev.pullproof.harness.scenario.RequestExpectation;
import dev.pullproof.harness.world.HostRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks request expectations against the requests the world's hosts received: counts per registry
 * (or across all with {@code *}) and order in time across registries. A failure lists the nearest
 * requests that did happen, as the fake registry's own journal assertions do.
 */
final class JournalChecks {
  /** How many nearest requests a failure lists. */
  static final int NEAREST = 5;

  private final List<HostRequest> all;

  JournalChecks(Outcome outcome) {
    all = outcome.requestsInTime();
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
        List<HostRequest> after = all.subList(position, all.size());
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
                        + all.get(position - 1).sequence()
                        + " on "
                        + all.get(position - 1).host()
                        + ")",
                after.isEmpty()
                    ? "no requests came after it"
                    : "requests after it:\n" + lines(after.subList(0, Math.min(8, after.size())))));
        return;
      }
      position = found + 1;
    }
  }

  static boolean matches(HostPattern p, HostRequest r) {
    return (p.anyRegistry() || p.registry().equals(r.host()))
        && p.pattern().matches(r.method(), r.path(), r.query(), r.status());
  }

  private String nearest(HostPattern p) {
    if (all.isEmpty()) {
      return "no registry received any request";
    }
    List<HostRequest> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingInt((HostRequest r) -> nearness(p, r)).reversed());
    return "nearest of "
        + all.size()
        + " requests:\n"
        + lines(sorted.subList(0, Math.min(NEAREST, sorted.size())));
  }

  /** Higher is nearer: same registry, same method, path matching, status, common path prefix. */
  static int nearness(HostPattern p, HostRequest r) {
    int score = 0;
    if (p.anyRegistry() || p.registry().equals(r.host())) {
      score += 8000;
    }
    String method = p.pattern().method();
    if (method.equals("*") || method.equals(r.method())) {
      score += 1000;
    }
    String glob = p.pattern().pathGlob();
    String literal = glob.contains("*") ? glob.substring(0, glob.indexOf('*')) : glob;
    String path = r.path();
    int common = 0;
    while (common < literal.length()
        && common < path.length()
        && literal.charAt(common) == path.charAt(common)) {
      common++;
    }
    if (common == literal.length()) {
      score += 2000;
    }
    if (p.pattern().status() != null && p.pattern().status() == r.status()) {
      score += 500;
    }
    return score + common;
  }

  private static String lines(List<HostRequest> requests) {
    return String.join("\n", requests.stream().map(r -> r.host() + " " + r.summary()).toList());
  }
}
