package dev.pullproof.harness.run;

import dev.pullproof.harness.scenario.ContainerdFile;
import dev.pullproof.harness.scenario.PullAuth;
import dev.pullproof.harness.scenario.PullSpec;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.Template;
import dev.pullproof.harness.world.HostRequest;
import dev.pullproof.harness.world.World;
import dev.pullproof.harness.world.WorldInstaller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one job start to end: world up, node up with the rendered files, every pull {@code repeat}
 * times (removing the node's images before each repetition after the first when the scenario asks
 * for it), logs and journals collected, everything stopped. Whatever fails on the way becomes the
 * outcome's harness error, with what was gathered until then.
 */
final class JobExecution {
  private final WorldInstaller installer;
  private final NodeFactory nodes;
  private final Supplier<KubeletCredentials> credentials;
  private final Clock clock;
  private final String runLabel;
  private final LogLevel logLevel;

  JobExecution(
      WorldInstaller installer,
      NodeFactory nodes,
      Supplier<KubeletCredentials> credentials,
      Clock clock,
      String runLabel) {
    this(installer, nodes, credentials, clock, runLabel, LogLevel.INFO);
  }

  JobExecution(
      WorldInstaller installer,
      NodeFactory nodes,
      Supplier<KubeletCredentials> credentials,
      Clock clock,
      String runLabel,
      LogLevel logLevel) {
    this.installer = installer;
    this.nodes = nodes;
    this.credentials = credentials;
    this.clock = clock;
    this.runLabel = runLabel;
    this.logLevel = logLevel;
  }

  Outcome run(Job job) {
    Scenario scenario = job.scenario();
    Instant started = clock.instant();
    List<PullAttempt> attempts = new ArrayList<>();
    List<String> helperLog = new ArrayList<>();
    List<Observation> observations = new ArrayList<>();
    List<NodeInvocation> invocations = new ArrayList<>();
    Map<String, List<HostRequest>> journals = Map.of();
    String version = "";
    Optional<Boolean> cri = Optional.empty();
    String log = "";
    Optional<String> error = Optional.empty();
    World world = null;
    try {
      world = installer.start(scenario);
      Map<String, String> files = new LinkedHashMap<>(world.files());
      for (ContainerdFile f : scenario.containerd().filesFor(job.family())) {
        files.put(
            Template.render(f.path(), world.values()), Template.render(f.text(), world.values()));
      }
      try (KubeletCredentials kubelet = credentials.get();
          Node node =
              nodes.start(
                  new NodeSetup(
                      job.family(),
                      files,
                      world.extraHosts(),
                      runLabel,
                      world.systemCa(),
                      logLevel,
                      scenario.executables()))) {
        version = node.version();
        cri = Optional.of(node.criPluginLoaded());
        try {
          for (int rep = 1; rep <= scenario.repeat(); rep++) {
            if (rep > 1 && scenario.removeImages()) {
              node.removeImages();
            }
            for (int i = 0; i < scenario.pulls().size(); i++) {
              attempts.add(pull(node, kubelet, scenario, i, rep, world, helperLog));
            }
          }
          for (int i = 0; i < scenario.observe().size(); i++) {
            observations.add(node.observe(i, scenario.observe().get(i).step()));
          }
        } finally {
          log = node.logs();
          if (!scenario.executables().isEmpty()) {
            invocations.addAll(node.invocations());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = Optional.of("interrupted");
    } catch (Exception e) {
      error = Optional.of(describe(e));
    } finally {
      if (world != null) {
        journals = world.journals();
        world.close();
      }
    }
    return new Outcome(
        version,
        cri,
        attempts,
        journals,
        log,
        helperLog,
        error,
        started,
        Duration.between(started, clock.instant()),
        observations,
        invocations);
  }

  private PullAttempt pull(
      Node node,
      KubeletCredentials kubelet,
      Scenario scenario,
      int index,
      int repetition,
      World world,
      List<String> helperLog)
      throws Exception {
    PullSpec spec = scenario.pulls().get(index);
    String image = Template.render(spec.image(), world.values());
    Optional<Credentials> creds = Optional.empty();
    if (spec.auth() instanceof PullAuth.PullSecret secret) {
      creds =
          Optional.of(
              new Credentials(
                  secret.username(),
                  secret.password(),
                  secret.auth(),
                  secret.identityToken(),
                  secret.registryToken()));
    } else if (spec.auth() instanceof PullAuth.CredentialProvider provider) {
      List<String> globs =
          provider.matchImages().stream().map(g -> Template.render(g, world.values())).toList();
      KubeletCredentials.Resolution resolution =
          kubelet.resolve(
              new PullAuth.CredentialProvider(
                  globs, provider.defaultCacheDuration(), provider.script()),
              image);
      helperLog.addAll(resolution.helperLog());
      creds = resolution.credentials();
    }
    Instant started = clock.instant();
    PullResult result =
        node.pull(new PullRequest(image, spec.via(), creds, spec.ctr(), scenario.timeout()));
    return new PullAttempt(
        index,
        repetition,
        image,
        spec.via(),
        result.success(),
        result.error(),
        started,
        result.duration());
  }

  static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return e.getCause() != null
            && e.getCause().getMessage() != null
            && !message.contains(e.getCause().getMessage())
        ? message + ": " + e.getCause().getMessage()
        : message;
  }
}
