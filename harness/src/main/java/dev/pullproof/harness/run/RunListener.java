package dev.pullproof.harness.run;

/** Hears about runs as they finish (console progress, for one). Called from runner threads. */
public interface RunListener {
  /** Before the first job starts. */
  default void started(int jobs) {}

  /** A job finished; {@code done} counts finished jobs, this one included. */
  void finished(RunResult result, int done, int total);

  RunListener NONE = (result, done, total) -> {};
}
