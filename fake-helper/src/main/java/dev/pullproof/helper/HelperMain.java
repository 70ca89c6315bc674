package dev.pullproof.helper;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The helper's entry point, kept small because every credential lookup starts a JVM: no picocli and
 * no reflection on the call path; {@code install} goes to the picocli command. Exit codes: the
 * scripted ones for calls, {@value HelperRun#BAD_SCRIPT} for a bad script or bad usage.
 */
public final class HelperMain {
  private HelperMain() {}

  public static void main(String[] argv) throws Exception {
    // The process start time the OS reports is only second-accurate; the call is timed from here.
    Instant started = Instant.now();
    List<String> args = List.of(argv);
    if (!args.isEmpty() && args.get(0).equals("install")) {
      System.exit(dev.pullproof.helper.install.InstallCommand.run(args.subList(1, args.size())));
    }
    if (args.size() == 2 && args.get(0).equals("train")) {
      System.exit(dev.pullproof.helper.install.Training.run(java.nio.file.Path.of(args.get(1))));
    }
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      System.out.print(HelperArgs.usage());
      System.exit(args.isEmpty() ? HelperRun.BAD_SCRIPT : 0);
    }
    System.exit(call(args, started));
  }

  /**
   * One docker-credential or kubelet call ({@code [--script FILE] [--log FILE] [--name NAME]
   * COMMAND}) on this process's standard streams; returns its exit code. {@code pullproof helper
   * get|...} comes here too.
   */
  public static int call(List<String> args, Instant started) throws Exception {
    HelperArgs parsed;
    try {
      parsed = HelperArgs.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.print("fake-helper: " + e.getMessage() + "\n" + HelperArgs.usage());
      return HelperRun.BAD_SCRIPT;
    }
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    OutputStream err = new FileOutputStream(FileDescriptor.err);
    return new HelperRun(Clock.systemUTC(), System.getenv(), Ending.real())
        .run(parsed, System.in, out, err, started);
  }
}
