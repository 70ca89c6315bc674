package dev.pullproof.harness.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.kubelet.HelperCredentialsFactory;
import dev.pullproof.harness.run.Job;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.run.ScenarioRunner;
import dev.pullproof.harness.run.Shard;
import dev.pullproof.harness.run.Verdict;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioCatalog;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.world.HostRequest;
import dev.pullproof.harness.world.LoopbackPool;
import dev.pullproof.registry.clients.ClientTool;
import dev.pullproof.registry.record.RecordedExchange;
import dev.pullproof.registry.record.Recorder;
import dev.pullproof.testing.DistributionRegistry;
import dev.pullproof.testing.Needs;
import dev.pullproof.testing.NginxCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof: real containerd pulls from Debian's distribution registry (htpasswd basic
 * auth, or token auth through a token server, directly or behind Debian's nginx as a caching proxy)
 * through the recording proxy, then from the replay of that recording, offline; both pulls succeed
 * and the replay received the same requests with the same statuses as the live registry answered.
 * Requests are compared as sorted lines (containerd fetches layers in parallel, so arrival order
 * varies) and printed in arrival order.
 */
@Needs(
    docker = true,
    clients = {"skopeo", DistributionRegistry.BINARY, NginxCache.BINARY})
class RecordedRegistryIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final ClientTool skopeo = ClientTool.require("skopeo");
  private final String password = "ctr-" + UUID.randomUUID();
  private final List<AutoCloseable> started = new ArrayList<>();
  private final ScenarioRunner runner =
      ScenarioRunner.forNodes(
          new ContainerdNodeFactory(),
          new HelperCredentialsFactory()::create,
          LoopbackPool.standard(),
          1,
          Clock.systemUTC(),
          "record-test");

  @TempDir Path temp;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : started) {
      c.close();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void aBasicAuthRegistryReplaysToContainerdAsItAnsweredLive(ContainerdVersion family)
      throws Exception {
    Files.createDirectories(temp.resolve("dist"));
    DistributionRegistry dist =
        keep(DistributionRegistry.basic(temp.resolve("dist"), "alice", password));
    List<String> live = recordAndReplay(dist, family, "basic");
    assertThat(live).contains("HEAD /v2/team/app/manifests/1.0 -> 401");
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void aTokenAuthRegistryReplaysToContainerdAsItAnsweredLive(ContainerdVersion family)
      throws Exception {
    Files.createDirectories(temp.resolve("dist"));
    DistributionRegistry dist =
        keep(DistributionRegistry.tokenAuth(temp.resolve("dist"), "alice", password));
    List<String> live = recordAndReplay(dist, family, "token");
    assertThat(live).anyMatch(l -> l.matches("(GET|POST) /token -> 200"));
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    started.add(closeable);
    return closeable;
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void aTokenAuthRegistryBehindAnNginxCacheReplaysToContainerdAsItAnsweredLive(
      ContainerdVersion family) throws Exception {
    Files.createDirectories(temp.resolve("dist"));
    DistributionRegistry dist =
        keep(DistributionRegistry.tokenAuth(temp.resolve("dist"), "alice", password));
    dist.seed("alice", password);
    NginxCache nginx = keep(NginxCache.start(temp.resolve("nginx"), dist.url()));
    recordAndReplay(nginx.url(), family, "token behind nginx");
    assertThat(Files.readString(temp.resolve("recording/recording.json")))
        .containsIgnoringCase("\"x-cache-status\"");
  }

  private List<String> recordAndReplay(
      DistributionRegistry dist, ContainerdVersion family, String mode) throws Exception {
    dist.seed("alice", password);
    return recordAndReplay(dist.url(), family, mode);
  }

  /** Pulls live through the recorder, replays; returns the live requests, sorted. */
  private List<String> recordAndReplay(String upstream, ContainerdVersion family, String mode)
      throws Exception {
    for (String config : List.of("config-v2.toml", "config-v3.toml")) {
      Files.writeString(temp.resolve(config), configFile(config));
    }

    Path recording = temp.resolve("recording");
    List<RecordedExchange> exchanges;
    try (Recorder recorder = Recorder.builder().upstream(upstream).out(recording).start()) {
      String address = recorder.hostAndPort();
      RunResult live =
          run(
              family,
              "success",
              "live-" + mode.replace(' ', '-'),
              "",
              "\"certs.d/" + address + "/hosts.toml\"",
              "http://" + address,
              address);
      assertPassed(live, "live");
      exchanges = recorder.exchanges();
    }
    Files.writeString(
        recording.resolve("world.toml"),
        "[registries.recorded]\nreplay = \".\"\nunrecorded = \"fail\"\n");
    RunResult replayed =
        run(
            family,
            "success",
            "replay-" + mode.replace(' ', '-'),
            "world = \"" + recording + "\"\n",
            "\"certs.d/{{recorded.address}}/hosts.toml\"",
            "{{recorded.url}}",
            "{{recorded.address}}");
    assertPassed(replayed, "replay");

    List<String> live =
        exchanges.stream().map(e -> e.method() + " " + e.path() + " -> " + e.status()).toList();
    List<HostRequest> journal =
        replayed.outcome().journals().get("recorded").stream()
            .sorted(Comparator.comparingLong(HostRequest::sequence))
            .toList();
    List<String> replay =
        journal.stream().map(e -> e.method() + " " + e.path() + " -> " + e.status()).toList();
    System.out.printf(
        "record/replay %s on %s: live %d requests, replay %d%n  live:   %s%n  replay: %s%n",
        mode, family, live.size(), replay.size(), live, replay);
    assertThat(sorted(replay)).as("the replay's requests and statuses").isEqualTo(sorted(live));

    // The failure a customer reports, reproduced on their recorded registry: blobs answer 503.
    Files.writeString(
        recording.resolve("world.toml"),
        "[registries.recorded]\nreplay = \".\"\nunrecorded = \"fail\"\n"
            + "[[registries.recorded.faults]]\nroute = \"blob\"\nfault = { status = 503 }\n");
    RunResult faulted =
        run(
            family,
            "failure",
            "fault-" + mode.replace(' ', '-'),
            "world = \"" + recording + "\"\n",
            "\"certs.d/{{recorded.address}}/hosts.toml\"",
            "{{recorded.url}}",
            "{{recorded.address}}");
    assertPassed(faulted, "replay with a blob fault");
    assertThat(faulted.outcome().journals().get("recorded"))
        .anySatisfy(
            e -> {
              assertThat(e.path()).contains("/blobs/");
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.fault()).isNotNull();
            });
    System.out.printf("  with a blob fault: %s%n", faulted.outcome().pulls().get(0).error());
    return sorted(live);
  }

  private RunResult run(
      ContainerdVersion family,
      String outcome,
      String name,
      String world,
      String hostsKey,
      String server,
      String address)
      throws Exception {
    Path file = temp.resolve(name + ".toml");
    Files.writeString(
        file,
        "name = \""
            + name
            + "\"\n"
            + world
            + "[containerd.files]\n"
            + "\"config.toml\" = { file = \"config-v2.toml\" }\n"
            + hostsKey
            + " = \"\"\"\nserver = \""
            + server
            + "\"\n[host.\""
            + server
            + "\"]\n  capabilities = [\"pull\", \"resolve\"]\n\"\"\"\n"
            + "[containerd.version.\"2\".files]\n"
            + "\"config.toml\" = { file = \"config-v3.toml\" }\n"
            + "[[pull]]\nimage = \""
            + address
            + "/team/app:1.0\"\nsecret = { username = \"alice\", password = \""
            + password
            + "\" }\n[expect]\noutcome = \""
            + outcome
            + "\"\n");
    Scenario scenario = new ScenarioCatalog().load(List.of(file)).get(0);
    Job job =
        Job.plan(List.of(scenario), Set.of(family), Shard.parse("1/1")).stream()
            .findFirst()
            .orElseThrow();
    return runner.runOne(job);
  }

  private static void assertPassed(RunResult result, String what) {
    assertThat(result.verdict().status())
        .as(
            "%s pull: %s %s",
            what, result.verdict().error().orElse(""), result.outcome().harnessError().orElse(""))
        .isEqualTo(Verdict.Status.PASS);
  }

  private static List<String> sorted(List<String> lines) {
    return lines.stream().sorted().toList();
  }

  private static String configFile(String name) {
    return name.equals("config-v2.toml")
        ? "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
            + "  config_path = \"/etc/containerd/certs.d\"\n"
        : "version = 3\n[plugins.\"io.containerd.cri.v1.images\".registry]\n"
            + "  config_path = \"/etc/containerd/certs.d\"\n";
  }
}
