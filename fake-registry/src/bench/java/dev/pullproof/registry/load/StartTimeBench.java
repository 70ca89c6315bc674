package dev.pullproof.registry.load;

import dev.pullproof.registry.FakeRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark main (not a test; {@code ci/bench} runs it): how long a fake registry takes from its
 * builder to answering {@code GET /v2/} at {@code url()}, in-process. The first start in a fresh
 * JVM is the cold figure (class loading, Undertow and XNIO set-up); then, after warm-up starts, the
 * median of N starts. Prints {@code cold_ms=...}, {@code median_ms=...}, {@code p90_ms=...}.
 *
 * <p>Usage: {@code StartTimeBench [N [WARMUP]]} (default 30, 10).
 */
public final class StartTimeBench {
  private StartTimeBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    double cold = once();
    for (int i = 0; i < warmup; i++) {
      once();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      times.add(once());
    }
    Collections.sort(times);
    System.out.printf(
        "cold_ms=%.1f%nmedian_ms=%.1f%np90_ms=%.1f%nstarts=%d%n",
        cold, times.get(n / 2), times.get(Math.min(n - 1, (int) Math.ceil(n * 0.9) - 1)), n);
  }

  /** Milliseconds from the builder to a 200 on GET /v2/. */
  private static double once() throws IOException {
    long t0 = System.nanoTime();
    try (FakeRegistry registry = FakeRegistry.builder().start()) {
      String hostAndPort = registry.hostAndPort();
      try (KeepAliveClient client =
          new KeepAliveClient(
              hostAndPort.substring(0, hostAndPort.lastIndexOf(':')), registry.port())) {
        int status = client.get("/v2/", null, null, false).status();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (status != 200) {
          throw new IllegalStateException("GET /v2/ answered " + status + ", expected 200");
        }
        return ms;
      }
    }
  }
}
