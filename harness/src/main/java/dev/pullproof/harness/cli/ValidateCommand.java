package dev.pullproof.harness.cli;

import dev.pullproof.harness.report.Redactor;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.NodeFiles;
import dev.pullproof.harness.validate.Reconciliation;
import dev.pullproof.harness.validate.StaticChecks;
import dev.pullproof.harness.validate.Validation;
import dev.pullproof.harness.validate.live.Credentials;
import dev.pullproof.harness.validate.live.HostBehaviour;
import dev.pullproof.harness.validate.live.LiveCheck;
import dev.pullproof.harness.validate.live.LiveWorld;
import dev.pullproof.harness.validate.live.VersionResult;
import dev.pullproof.harness.validate.model.ImageRef;
import dev.pullproof.harness.validate.output.ValidationJUnit;
import dev.pullproof.harness.validate.output.ValidationJson;
import dev.pullproof.harness.validate.output.ValidationText;
import dev.pullproof.harness.version.ContainerdVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Checks a node's containerd config before an upgrade: statically, then on real containerd. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check a node's config.toml and hosts directory against containerd versions: static"
            + " findings with file:line and a fix, then each image pulled on real containerd.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ready: no error, every image pulled on every version",
      "1:not ready: an error finding, a version that refuses the file, a failed pull, or"
          + " something that breaks on upgrade",
      "2:bad usage or unreadable files",
      "3:nothing failed, but the check itself could not run on some version (no Docker engine,"
          + " a port in use)"
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "PATH", description = "config.toml")
  Path config;

  @Option(
      names = "--hosts-dir",
      paramLabel = "PATH",
      description = "The node's hosts directory (what config_path names, e.g. certs.d)")
  Path hostsDir;

  @Option(
      names = "--image",
      required = true,
      arity = "1..*",
      paramLabel = "REF",
      description = "Images the node pulls, by tag (repeatable)")
  List<String> images = new ArrayList<>();

  @Option(
      names = "--containerd",
      split = ",",
      paramLabel = "VERSION",
      converter = Selection.FamilyConverter.class,
      description =
          "containerd versions, old to new: Debian's families 1.6, 1.7, 2, exact upstream"
              + " releases (2.2.1) or a directory or .tar.gz of binaries (default: 1.7,2)")
  List<ContainerdVersion> families =
      new ArrayList<>(List.of(ContainerdVersion.V1_7, ContainerdVersion.V2));

  @Option(
      names = "--host",
      paramLabel = "HOST=MODE",
      description =
          "What an impersonated host does: answers (default), auth (Basic, accepting the"
              + " credentials the files give it), token (the same behind token auth), down")
  Map<String, String> hosts = new LinkedHashMap<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "What to print: text (default), json or junit")
  String format = "text";

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Also write validate.txt, validate.json, junit.xml and the live scenario here")
  Path report;

  @Option(names = "--static-only", description = "Skip the live check (no Docker engine needed)")
  boolean staticOnly;

  private final Harness harness;
  private final Clock clock;

  ValidateCommand(Harness harness, Clock clock) {
    this.harness = harness;
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    List<ImageRef> refs = refs();
    Map<String, HostBehaviour> choices = choices();
    if (!List.of("text", "json", "junit").contains(format)) {
      throw usage("--format must be text, json or junit, not '" + format + "'");
    }
    List<ContainerdVersion> targets = new ArrayList<>(new TreeSet<>(families));
    NodeFiles files = new NodeFiles(readable(config, "--config"), hostsDir());
    Credentials credentials = Credentials.read(files.config(), files.hostsDir());
    // A release of a line pullproof has not studied gets no static verdict: only its live run.
    List<ContainerdVersion> studied =
        targets.stream().filter(ContainerdVersion::lineKnown).toList();
    List<String> notes = new ArrayList<>();
    targets.stream()
        .filter(t -> !t.lineKnown())
        .forEach(
            t ->
                notes.add(
                    "containerd "
                        + t
                        + ": pullproof has no static knowledge of the "
                        + t.label().replaceFirst("^(\\d+\\.\\d+).*$", "$1")
                        + " line, so no static finding speaks for it; its live check ran as on"
                        + " any version"));
    List<Finding> findings =
        studied.isEmpty() ? List.of() : new StaticChecks().check(files, images, studied);
    List<VersionResult> versions = List.of();
    if (!staticOnly) {
      if (harness.nodes().isEmpty()) {
        throw new IllegalStateException(
            "this build has no containerd harness; use --static-only or build the harness module");
      }
      harness.prepareNodes().prepare(targets, false);
      harness.nodes().get().prepare(targets);
      LiveWorld world = new LiveWorld(files.config(), files.hostsDir(), refs, choices, credentials);
      Path dir = report != null ? report : Files.createTempDirectory("pullproof-validate");
      versions =
          new LiveCheck(harness.nodes().get(), harness.credentials(), clock)
              .run(world, targets, dir);
      notes.addAll(world.notes());
      findings = Reconciliation.reconcile(files.config(), findings, versions);
    }
    Validation v = new Validation(files, images, targets, findings, versions, notes);
    Redactor redactor = Redactor.of(Set.copyOf(credentials.secrets()));
    String text = new ValidationText(redactor).render(v);
    String json = new ValidationJson(redactor).render(v);
    String junit = new ValidationJUnit(redactor).render(v);
    if (report != null) {
      Files.createDirectories(report);
      Files.writeString(report.resolve("validate.txt"), text);
      Files.writeString(report.resolve("validate.json"), json);
      Files.writeString(report.resolve("junit.xml"), junit);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(format.equals("json") ? json : format.equals("junit") ? junit : text);
    out.flush();
    // A breakage the check did establish is the answer; 3 only when nothing failed but some
    // version could not be checked, so "could not check" never hides or replaces a verdict.
    if (v.failed()) {
      return ExitCode.FAILED;
    }
    return v.incomplete().isPresent() ? ExitCode.INCOMPLETE : ExitCode.OK;
  }

  private List<ImageRef> refs() {
    List<ImageRef> refs = new ArrayList<>();
    for (String image : images) {
      try {
        ImageRef ref = ImageRef.parse(image);
        if (!ref.digest().isEmpty() && !staticOnly) {
          throw usage(
              "--image "
                  + image
                  + " pins a digest; the live check serves images of its own, so give it by tag"
                  + " (or use --static-only)");
        }
        refs.add(ref);
      } catch (IllegalArgumentException e) {
        throw usage("--image " + e.getMessage());
      }
    }
    return refs;
  }

  private Map<String, HostBehaviour> choices() {
    Map<String, HostBehaviour> choices = new LinkedHashMap<>();
    hosts.forEach(
        (host, mode) -> {
          try {
            choices.put(host, HostBehaviour.of(mode));
          } catch (IllegalArgumentException e) {
            throw usage("--host " + host + "=" + mode + ": " + e.getMessage());
          }
        });
    return choices;
  }

  private Optional<Path> hostsDir() {
    if (hostsDir == null) {
      return Optional.empty();
    }
    if (!Files.isDirectory(hostsDir)) {
      throw usage("--hosts-dir " + hostsDir + ": no such directory");
    }
    return Optional.of(hostsDir);
  }

  private Path readable(Path file, String option) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw usage(option + " " + file + ": no such readable file");
    }
    return file;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
