package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunListener;
import dev.pullproof.harness.run.RunResult;
import java.io.PrintStream;

/**
 * One line per (scenario, version) as it finishes: {@code [2/6] FAIL auth/token on 2 (2.1.9~ds1-5)
 * 1.8 s: error_contains: expected ...}. Thread safe; secrets redacted.
 */
public final class ConsoleProgress implements RunListener {
  private final PrintStream out;
  private final Redactor redactor;

  public ConsoleProgress(PrintStream out, Redactor redactor) {
    this.out = out;
    this.redactor = redactor;
  }

  @Override
  public synchronized void started(int jobs) {
    out.println("running " + jobs + " scenario run(s)");
    out.flush();
  }

  @Override
  public synchronized void finished(RunResult r, int done, int total) {
    String why =
        switch (r.verdict().status()) {
          case FAIL ->
              r.verdict().failures().get(0).check()
                  + ": expected "
                  + r.verdict().failures().get(0).expected()
                  + "; "
                  + r.verdict().failures().get(0).actual();
          case ERROR -> r.verdict().error().orElse("");
          default -> Cells.happened(r);
        };
    String line =
        String.format(
            "[%d/%d] %-8s %s on %s (%s) %s: %s",
            done,
            total,
            r.verdict().status(),
            r.scenario().id(),
            r.family(),
            Cells.version(r),
            Cells.seconds(r.outcome().wallTime()),
            firstLine(why));
    out.println(redactor.redact(line));
    out.flush();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    String first = newline < 0 ? text : text.substring(0, newline) + " ...";
    return first.length() > 240 ? first.substring(0, 240) + "..." : first;
  }
}
