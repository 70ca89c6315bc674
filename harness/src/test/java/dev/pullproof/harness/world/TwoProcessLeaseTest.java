package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes that each hold several leases at once get disjoint addresses: a process's second
 * lease must not drop its first one's lock (Linux drops a process's fcntl locks on a file when any
 * descriptor of it closes).
 */
class TwoProcessLeaseTest {
  private static final int EACH = 3;
  @TempDir Path locks;

  @Test
  void twoProcessesLeasingAtOnceGetDisjointAddresses() throws Exception {
    List<Process> processes = new ArrayList<>();
    try {
      Process first = start();
      processes.add(first);
      List<String> firsts = addresses(first);
      Process second = start();
      processes.add(second);
      List<String> seconds = addresses(second);

      assertThat(firsts).as("the first process's leases").hasSize(EACH);
      assertThat(seconds).as("the second process's leases").hasSize(EACH);
      Set<String> overlap = new HashSet<>(firsts);
      overlap.retainAll(seconds);
      assertThat(overlap)
          .as("addresses both processes hold: first " + firsts + ", second " + seconds)
          .isEmpty();
    } finally {
      for (Process p : processes) {
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("lease holder exits").isTrue();
      }
    }
  }

  private Process start() throws Exception {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            HoldLease.class.getName(),
            locks.toString(),
            Integer.toString(EACH))
        .redirectErrorStream(true)
        .start();
  }

  private static List<String> addresses(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the lease holder's output").isNotNull();
    return List.of(line.trim().split(" "));
  }
}
