package dev.pullproof.harness.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One call of a program a scenario placed on the node, as the program itself recorded it.
 *
 * @param program the executable's name
 * @param args its arguments (argv without argv[0])
 * @param stdin what it read on standard input (up to its end, or what came within 5 s)
 * @param time when it started, by the node's clock
 */
public record NodeInvocation(String program, List<String> args, String stdin, Instant time) {
  public NodeInvocation {
    Objects.requireNonNull(program, "program");
    args = List.copyOf(args);
    stdin = stdin == null ? "" : stdin;
    Objects.requireNonNull(time, "time");
  }

  /** {@code program arg1 arg2}, as a journal line shows it. */
  public String commandLine() {
    return args.isEmpty() ? program : program + " " + String.join(" ", args);
  }
}
