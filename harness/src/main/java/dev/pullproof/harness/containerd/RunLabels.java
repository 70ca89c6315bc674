package dev.pullproof.harness.containerd;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The labels every harness container carries: which process started it. Ryuk cannot run here, so a
 * killed JVM leaves its containers behind; a container whose owner process is gone (or is a
 * different process under a reused pid) is stale. Several runs may share one engine, so a live
 * owner's containers are never touched.
 */
public record RunLabels(long pid, String processStart) {
  public static final String HARNESS = "dev.pullproof.harness";
  public static final String PID = "dev.pullproof.harness.pid";
  public static final String PROCESS_START = "dev.pullproof.harness.process-start";

  public RunLabels {
    if (pid <= 0) {
      throw new IllegalArgumentException("pid must be positive, was " + pid);
    }
    processStart = processStart == null ? "" : processStart;
  }

  /** This JVM. */
  public static RunLabels current() {
    ProcessHandle self = ProcessHandle.current();
    return new RunLabels(self.pid(), startOf(self));
  }

  public Map<String, String> asMap() {
    return Map.of(HARNESS, "true", PID, Long.toString(pid), PROCESS_START, processStart);
  }

  /** True when the process these labels name no longer runs. */
  public boolean ownerGone() {
    Optional<ProcessHandle> owner = ProcessHandle.of(pid);
    return owner.isEmpty() || !owner.get().isAlive() || !startOf(owner.get()).equals(processStart);
  }

  /** Labels read back from a container, or empty when they are not the harness's. */
  public static Optional<RunLabels> from(Map<String, String> labels) {
    if (labels == null || !"true".equals(labels.get(HARNESS))) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new RunLabels(Long.parseLong(labels.getOrDefault(PID, "")), labels.get(PROCESS_START)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String startOf(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toString).orElse("");
  }
}
