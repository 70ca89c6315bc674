package dev.pullproof.harness.report;

import dev.pullproof.harness.run.RunListener;
import dev.pullproof.harness.run.RunResult;
import java.io.PrintStream;

/**
 * One line per (scenario, version) as it finishes, at most {@link Fit#WIDTH} columns: {@code [2/6]
 * FAIL auth/token on 2, 1.8 s: error_contains: expected ...}; for a run that held, what the node
 * did ({@code pulled}, {@code 401 no credentials}). Thread safe; secrets redacted.
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
          default -> Cells.brief(r);
        };
    String line =
        String.format(
            "[%d/%d] %-8s %s on %s, %s: %s",
            done,
            total,
            r.verdict().status(),
            r.scenario().id(),
            r.family(),
            Cells.seconds(r.outcome().wallTime()),
            firstLine(why));
    out.println(Fit.clip(redactor.redact(line), Fit.WIDTH));
    out.flush();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline) + " ...";
  }
}
