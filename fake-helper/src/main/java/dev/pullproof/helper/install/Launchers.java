package dev.pullproof.helper.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of a launcher: a POSIX shell script that execs the JVM with the start-up options that
 * make a helper call cheap and keep stdout for the protocol (VM messages to stderr), plus {@code
 * -Xrs} so a scripted crash by TERM, INT, HUP or QUIT really ends the process by that signal.
 *
 * <p>Measured with {@code ci/bench-helper}: the class-data sharing archive halves a call; the
 * interpreter alone ({@code -Xint}) beats C1 ({@code -XX:TieredStopAtLevel=1}) because a call runs
 * for a few tens of milliseconds, too short for compiled code to pay for the compiler's CPU time on
 * a busy machine.
 */
final class Launchers {
  static final String MAIN = "dev.pullproof.helper.HelperMain";

  private Launchers() {}

  /** JVM options shared by launchers and the archive-training run. */
  static List<String> jvmOptions() {
    return List.of(
        "-Xint",
        "-XX:+UseSerialGC",
        "-XX:-UsePerfData",
        "-Xss512k",
        "-Xrs",
        "-XX:+DisplayVMOutputToStderr",
        "-Xlog:disable",
        "-Xlog:all=error:stderr");
  }

  static String text(
      String title, Path java, Optional<Path> archive, String classpath, List<String> helperArgs) {
    List<String> words = new ArrayList<>();
    words.add(quote(java.toString()));
    jvmOptions().forEach(o -> words.add(quote(o)));
    archive.ifPresent(
        a -> {
          words.add("-Xshare:auto");
          words.add(quote("-XX:SharedArchiveFile=" + a));
        });
    words.add("-cp");
    words.add(quote(classpath));
    words.add(MAIN);
    helperArgs.forEach(a -> words.add(quote(a)));
    words.add("\"$@\"");
    return "#!/bin/sh\n"
        + "# "
        + title
        + "\n# Written by `fake-helper install`; run it again to change the script or the log.\n"
        + "exec "
        + String.join(" ", words)
        + "\n";
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
