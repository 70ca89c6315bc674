package dev.pullproof.harness.cli;

import dev.pullproof.helper.HelperMain;
import dev.pullproof.helper.install.InstallCommand;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * {@code pullproof helper}: the fake credential helper. {@code install} is the helper's own
 * command; the calls run the helper's call path in this process, as its launchers do in theirs
 * (those start the helper's own main, never this tree, to stay fast).
 */
@Command(
    name = "helper",
    mixinStandardHelpOptions = true,
    description = "The fake credential helper: install its launchers, or make one call.",
    subcommands = {InstallCommand.class, HelperCommand.Kubelet.class},
    footer = {
      "",
      "The script and log may also come from PULLPROOF_HELPER_SCRIPT and PULLPROOF_HELPER_LOG."
    })
final class HelperCommand {
  @Option(names = "--script", paramLabel = "FILE", description = "The script deciding answers.")
  Path script;

  @Option(names = "--log", paramLabel = "FILE", description = "Invocation log (JSON lines).")
  Path log;

  @Option(names = "--name", paramLabel = "NAME", description = "The helper's name in the log.")
  String name;

  /** Hands one call to the helper in its own argument form, so it parses and logs as always. */
  int call(String command, List<String> rest) throws Exception {
    List<String> args = new ArrayList<>();
    if (script != null) {
      args.addAll(List.of("--script", script.toString()));
    }
    if (log != null) {
      args.addAll(List.of("--log", log.toString()));
    }
    if (name != null) {
      args.addAll(List.of("--name", name));
    }
    args.add(command);
    args.addAll(rest);
    return HelperMain.call(args, Instant.now());
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "docker-credential get: a server URL on stdin, credentials JSON on stdout.")
  int get() throws Exception {
    return call("get", List.of());
  }

  @Command(
      name = "store",
      mixinStandardHelpOptions = true,
      description = "docker-credential store: credentials JSON on stdin.")
  int store() throws Exception {
    return call("store", List.of());
  }

  @Command(
      name = "erase",
      mixinStandardHelpOptions = true,
      description = "docker-credential erase: a server URL on stdin.")
  int erase() throws Exception {
    return call("erase", List.of());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "docker-credential list: {\"url\":\"username\"} on stdout.")
  int list() throws Exception {
    return call("list", List.of());
  }

  @Command(
      name = "version",
      mixinStandardHelpOptions = true,
      description = "docker-credential version: the helper's version.")
  int version() throws Exception {
    return call("version", List.of());
  }

  @Command(
      name = "kubelet",
      mixinStandardHelpOptions = true,
      description =
          "Kubelet credential provider: a CredentialProviderRequest on stdin, a"
              + " CredentialProviderResponse on stdout; further arguments are ignored.")
  static final class Kubelet implements Callable<Integer> {
    @ParentCommand HelperCommand helper;

    // The kubelet passes a provider's configured args; the helper ignores them.
    @Unmatched List<String> ignored = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      return helper.call("kubelet", ignored);
    }
  }
}
