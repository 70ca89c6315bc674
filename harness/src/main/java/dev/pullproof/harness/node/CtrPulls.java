package dev.pullproof.harness.node;

import dev.pullproof.harness.containerd.Ctr;
import dev.pullproof.harness.containerd.CtrPull;
import dev.pullproof.harness.run.PullRequest;

/** A scenario's ctr pull as a {@link CtrPull}, and the error text of a failed one. */
final class CtrPulls {
  private CtrPulls() {}

  /**
   * {@code --hosts-dir} unless the scenario left it empty, {@code --plain-http}, {@code --user}.
   */
  static CtrPull of(PullRequest request) {
    CtrPull pull = CtrPull.of(request.image());
    if (!request.ctr().hostsDir().isEmpty()) {
      pull = pull.withHostsDir(request.ctr().hostsDir());
    }
    if (request.ctr().plainHttp()) {
      pull = pull.withPlainHttp();
    }
    if (request.ctr().local().isPresent()) {
      pull = pull.withLocal(request.ctr().local().get());
    }
    if (request.credentials().filter(c -> !c.username().isEmpty()).isPresent()) {
      pull =
          pull.withUser(
              request.credentials().get().username()
                  + ":"
                  + request.credentials().get().password());
    }
    return pull;
  }

  /**
   * What ctr printed on stderr (where it writes {@code ctr: <error>}), verbatim but trimmed; its
   * stdout (progress) when stderr is empty; else the exit code.
   */
  static String error(Ctr.Outcome outcome) {
    String stderr = outcome.stderr().strip();
    if (!stderr.isEmpty()) {
      return stderr;
    }
    String stdout = outcome.stdout().strip();
    return stdout.isEmpty() ? "ctr exited with code " + outcome.exitCode() : stdout;
  }
}
