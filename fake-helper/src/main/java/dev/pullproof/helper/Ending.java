package dev.pullproof.helper;

import java.io.IOException;
import java.time.Duration;

/** The two ways a call can end without answering; injected so in-process tests stay in process. */
public interface Ending {
  /** Blocks for at most {@code limit} (a real helper that hangs is killed by someone, or not). */
  void hang(Duration limit) throws InterruptedException;

  /** Sends {@code signal} (a name such as KILL) to this process. */
  void signal(String signal) throws IOException, InterruptedException;

  /** The real endings: sleeping, and {@code kill -s SIGNAL <own pid>}. */
  static Ending real() {
    return new Ending() {
      @Override
      public void hang(Duration limit) throws InterruptedException {
        Thread.sleep(limit.toMillis());
      }

      @Override
      public void signal(String signal) throws IOException, InterruptedException {
        String pid = Long.toString(ProcessHandle.current().pid());
        new ProcessBuilder("kill", "-s", signal, pid).inheritIO().start().waitFor();
        Thread.sleep(10_000);
      }
    };
  }
}
