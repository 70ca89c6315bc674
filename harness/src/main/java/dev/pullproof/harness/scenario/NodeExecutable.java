package dev.pullproof.harness.scenario;

import java.util.regex.Pattern;

/**
 * A program a scenario places on the node's PATH ({@code /usr/local/bin/NAME}), e.g. {@code
 * docker-credential-corp} or {@code containerd-shim-runc-v2}. Every call is recorded (argv, stdin,
 * time); it then prints {@code stdout} and exits with {@code exitCode}.
 */
public record NodeExecutable(String name, String stdout, int exitCode) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

  public NodeExecutable {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "an executable's name is a file name such as docker-credential-corp, got '" + name + "'");
    }
    stdout = stdout == null ? "" : stdout;
    if (exitCode < 0 || exitCode > 255) {
      throw new IllegalArgumentException("exit_code must be 0 to 255, got " + exitCode);
    }
  }
}
