package dev.pullproof.harness.node;

import dev.pullproof.harness.containerd.ContainerdContainer;
import dev.pullproof.harness.run.NodeInvocation;
import dev.pullproof.harness.scenario.NodeExecutable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Programs a scenario places on the node's PATH. The node image has no shell, so each program is a
 * busybox {@code sh} script (Debian's static busybox, from {@code ci/node-tools}) at {@code
 * /usr/local/bin/NAME} that appends one line per call to {@link #LOG} (start time, name, argv and
 * stdin, base64), then prints its scripted stdout and exits with its code.
 */
final class NodePrograms {
  static final String DIR = "/opt/pullproof";
  static final String BUSYBOX = DIR + "/busybox";
  static final String LOG = DIR + "/calls.log";
  static final String BIN = "/usr/local/bin";

  private static final DateTimeFormatter STAT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS");

  private NodePrograms() {}

  /** Where ci/node-tools keeps the static busybox under the cache root. */
  static Path busybox(Path cacheRoot) {
    Path bin = cacheRoot.resolve("node-tools").resolve("busybox");
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException(
          "a scenario places programs on the node, which needs Debian's static busybox: "
              + bin
              + " is missing; run ci/node-tools");
    }
    return bin;
  }

  /** Copies busybox, each program's script and its scripted stdout into the container. */
  static void install(ContainerdContainer container, Path busybox, List<NodeExecutable> programs) {
    try {
      container.withNodeFile(BUSYBOX, Files.readAllBytes(busybox), 0755);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + busybox + ": " + e.getMessage(), e);
    }
    // The log exists from the start, so reading it never fails on a node where nothing ran.
    container.withNodeFile(LOG, new byte[0], 0666);
    for (NodeExecutable p : programs) {
      container.withNodeFile(
          DIR + "/out/" + p.name(), p.stdout().getBytes(StandardCharsets.UTF_8), 0644);
      container.withNodeFile(
          BIN + "/" + p.name(), script(p).getBytes(StandardCharsets.UTF_8), 0755);
    }
  }

  /**
   * The recorder: the start time is a fresh file's modification time (busybox date has no
   * nanoseconds, stat does); stdin is read until its end or for 5 s, whichever comes first.
   */
  static String script(NodeExecutable p) {
    return "#!"
        + BUSYBOX
        + " sh\n"
        + "b="
        + BUSYBOX
        + "\n"
        + "t="
        + DIR
        + "/t.$$\n"
        + "$b touch \"$t\"; when=$($b stat -c %y \"$t\"); $b rm -f \"$t\"\n"
        + "argv=; [ $# -eq 0 ] || argv=$(printf '%s\\0' \"$@\" | $b base64 -w0)\n"
        + "input=$($b timeout 5 $b cat | $b base64 -w0)\n"
        + "printf '%s\\t%s\\t%s\\t%s\\n' \"$when\" '"
        + p.name()
        + "' \"$argv\" \"$input\" >>"
        + LOG
        + "\n"
        + "$b cat "
        + DIR
        + "/out/"
        + p.name()
        + "\n"
        + "exit "
        + p.exitCode()
        + "\n";
  }

  /** The calls the log records, in time order; a line it cannot read is an error naming it. */
  static List<NodeInvocation> parse(String log) {
    List<NodeInvocation> calls = new ArrayList<>();
    for (String line : log.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 4) {
        throw new IllegalStateException("unreadable line in the node's " + LOG + ": " + line);
      }
      String argv = new String(Base64.getDecoder().decode(f[2]), StandardCharsets.UTF_8);
      List<String> args =
          argv.isEmpty()
              ? List.of()
              : Arrays.asList(argv.substring(0, argv.length() - 1).split("\0", -1));
      calls.add(
          new NodeInvocation(
              f[1],
              args,
              new String(Base64.getDecoder().decode(f[3]), StandardCharsets.UTF_8),
              time(f[0])));
    }
    calls.sort(Comparator.comparing(NodeInvocation::time));
    return calls;
  }

  /** {@code 2026-12-04 04:03:13.898670299 +0000}, as busybox stat prints it. */
  private static Instant time(String stat) {
    String[] parts = stat.trim().split(" ");
    if (parts.length != 3 || !parts[2].equals("+0000")) {
      throw new IllegalStateException("unexpected time in the node's " + LOG + ": " + stat);
    }
    return LocalDateTime.parse(parts[0] + " " + parts[1], STAT_TIME).toInstant(ZoneOffset.UTC);
  }

  /** What the container's log holds now. */
  static List<NodeInvocation> read(ContainerdContainer container) {
    return parse(
        container.copyFileFromContainer(
            LOG, in -> new String(in.readAllBytes(), StandardCharsets.UTF_8)));
  }
}
