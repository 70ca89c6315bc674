package dev.pullproof.harness.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pullproof.harness.containerd.CacheRoot;
import dev.pullproof.harness.containerd.PreparedRelease;
import dev.pullproof.harness.run.Credentials;
import dev.pullproof.harness.run.Node;
import dev.pullproof.harness.run.NodeSetup;
import dev.pullproof.harness.run.PullRequest;
import dev.pullproof.harness.run.PullResult;
import dev.pullproof.harness.scenario.CtrOptions;
import dev.pullproof.harness.scenario.Via;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.content.PublishedImage;
import dev.pullproof.registry.fault.Fault;
import dev.pullproof.registry.fault.FaultRule;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.testing.Needs;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The runner's node on real containerd: versions, ctr pulls, CRI refusals and start failures. */
@Needs(docker = true)
class ContainerdNodeIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final ContainerdNodeFactory factory = new ContainerdNodeFactory();

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void reportsTheExactDebianVersionOfThePreparedRelease(ContainerdVersion family) throws Exception {
    try (Node node = factory.start(setup(family, Map.of()))) {
      assertThat(node.version())
          .isEqualTo(PreparedRelease.load(CacheRoot.current(), family).containerdVersion())
          .startsWith(family.label() + ".")
          .containsPattern("ds1-");
      assertThat(node.criPluginLoaded()).isTrue();
      assertThat(node.logs()).contains("containerd successfully booted");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void ctrPullsWithTheScenariosFlagsAndKeepsCtrsOwnWordsWhenItFails(ContainerdVersion family)
      throws Exception {
    try (FakeRegistry registry = FakeRegistry.builder().start()) {
      new ImagePublisher(registry.content())
          .publish(RepositoryName.of("team/app"), "1.0", ImageSpec.builder().layer(4096).build());
      String image = registry.hostAndPort() + "/team/app:1.0";
      try (Node node = factory.start(setup(family, Map.of()))) {
        PullResult pulled = node.pull(ctr(image, new CtrOptions("", true)));
        PullResult missing =
            node.pull(ctr(registry.hostAndPort() + "/team/app:2.0", new CtrOptions("", true)));
        System.out.printf("containerd %s, ctr pull of a missing tag: %s%n", family, missing);

        assertThat(pulled.success()).as(pulled.error()).isTrue();
        assertThat(missing.success()).isFalse();
        // 1.6 and 1.7 also print an info line of their resolver on stderr before ctr's error.
        String ref = registry.hostAndPort() + "/team/app:2.0";
        assertThat(missing.error())
            .endsWith(
                family == ContainerdVersion.V2
                    ? "ctr: failed to resolve image: " + ref + ": not found"
                    : "ctr: failed to resolve reference \"" + ref + "\": " + ref + ": not found");
        registry.journal().assertRequested("GET /v2/team/app/blobs/* -> 200");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void removingTheImagesMakesTheNextPullDownloadEveryBlobAgainForCriAndCtrPulls(
      ContainerdVersion family) throws Exception {
    try (FakeRegistry registry = FakeRegistry.builder().start()) {
      new ImagePublisher(registry.content())
          .publish(RepositoryName.of("team/app"), "1.0", ImageSpec.builder().layer(4096).build());
      String image = registry.hostAndPort() + "/team/app:1.0";
      try (Node node = factory.start(setup(family, plainHttp(family, registry)))) {
        PullRequest cri =
            new PullRequest(image, Via.CRI, Optional.empty(), CtrOptions.DEFAULT, TIMEOUT);
        assertThat(node.pull(cri).success()).isTrue();
        assertThat(node.pull(cri).success()).isTrue();
        long kept = registry.journal().count("GET /v2/team/app/blobs/*");

        node.removeImages();
        assertThat(node.pull(cri).success()).isTrue();
        long afterCri = registry.journal().count("GET /v2/team/app/blobs/*");

        node.removeImages();
        assertThat(node.pull(ctr(image, new CtrOptions("", true))).success()).isTrue();
        node.removeImages();
        assertThat(node.pull(ctr(image, new CtrOptions("", true))).success()).isTrue();
        long afterCtr = registry.journal().count("GET /v2/team/app/blobs/*");

        // config and layer: fetched once while the image stays, again after each removal
        assertThat(kept).isEqualTo(2);
        assertThat(afterCri).isEqualTo(4);
        assertThat(afterCtr).isEqualTo(8);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void whatAFailedPullLeftBehindIsCollectedSoTheNextPullDownloadsEveryBlob(ContainerdVersion family)
      throws Exception {
    try (FakeRegistry registry = FakeRegistry.builder().start()) {
      PublishedImage published =
          new ImagePublisher(registry.content())
              .publish(
                  RepositoryName.of("team/app"),
                  "1.0",
                  ImageSpec.builder().layers(4096, 2 << 20).build());
      String big =
          published.representations().get(0).platforms().get(0).layers().get(1).digest().toString();
      var broken =
          registry
              .faults()
              .add(
                  FaultRule.builder()
                      .route("blob")
                      .method("GET")
                      .reference(big)
                      .fault(new Fault.Corrupt(1 << 20))
                      .build());
      String image = registry.hostAndPort() + "/team/app:1.0";
      try (Node node = factory.start(setup(family, plainHttp(family, registry)))) {
        PullRequest cri =
            new PullRequest(image, Via.CRI, Optional.empty(), CtrOptions.DEFAULT, TIMEOUT);
        PullResult failed = node.pull(cri);
        // the failed pull's other downloads may still be finishing: count only what came after
        assertThat(registry.journal().awaitQuiet(TIMEOUT)).isTrue();
        long mark =
            registry.journal().all().stream().mapToLong(JournalEntry::sequence).max().orElse(0);
        broken.remove();

        node.removeImages();
        // containerd 2.x may still start one of the failed pull's downloads after the CRI call
        // returned its error (seen in a clean-clone run: a blob GET begun after the journal was
        // quiet): the second pull's requests are the ones begun once it started.
        Instant second = Instant.now();
        PullResult pulled = node.pull(cri);
        registry.journal().awaitQuiet(TIMEOUT);
        var fetched =
            registry
                .journal()
                .matching(
                    e ->
                        e.sequence() > mark
                            && !e.time().isBefore(second)
                            && e.method().equals("GET")
                            && e.routeKind().equals("blob")
                            && e.status() == 200)
                .stream()
                .map(JournalEntry::summary)
                .toList();

        assertThat(failed.success()).isFalse();
        assertThat(pulled.success()).as(pulled.error()).isTrue();
        // config and both layers, whatever the failed pull had finished
        assertThat(fetched).hasSize(3);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void aCriPullOnANodeWhoseCriPluginDidNotLoadFailsWithTheKubeletsRpcError(ContainerdVersion family)
      throws Exception {
    String plugin = family.imagePlugin().id();
    String config =
        family.registryConfigToml("/etc/containerd/certs.d")
            + "\n[plugins.\""
            + plugin
            + "\".registry.mirrors.\"docker.io\"]\n  endpoint = [\"https://mirror.invalid\"]\n";
    try (Node node = factory.start(setup(family, Map.of("config.toml", config)))) {
      PullResult result =
          node.pull(
              new PullRequest(
                  "docker.io/library/app:1.0",
                  Via.CRI,
                  Optional.of(new Credentials("ci", "pw")),
                  CtrOptions.DEFAULT,
                  TIMEOUT));

      assertThat(node.criPluginLoaded()).isFalse();
      assertThat(result.success()).isFalse();
      assertThat(result.error())
          .isEqualTo(
              "rpc error: code = Unimplemented desc = unknown service runtime.v1.ImageService");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.pullproof.harness.version.ContainerdVersionTest#families")
  void aConfigContainerdCannotParseStopsTheStartWithContainerdsLastWords(ContainerdVersion family) {
    NodeSetup broken = setup(family, Map.of("config.toml", "version = 2\n[plugins\n"));

    Instant start = Instant.now();
    Throwable refused = catchThrowable(() -> factory.start(broken).close());
    System.out.printf(
        "containerd %s, unparsable config.toml, refused in %d ms: %s%n",
        family, Duration.between(start, Instant.now()).toMillis(), refused.getMessage());

    assertThat(refused)
        .hasMessageStartingWith("containerd " + family.label() + ".")
        .hasMessageContaining("did not start: ")
        .hasMessageContaining(
            family == ContainerdVersion.V2
                ? "containerd: failed to unmarshal TOML at row 2 column 9: toml: expected ']' to"
                    + " close table name"
                : "containerd: failed to load TOML: /etc/containerd/config.toml: (2, 2): unexpected"
                    + " token unclosed table key, was expecting a table key");
  }

  /** config.toml with config_path, and a hosts.toml reaching the registry over plain HTTP. */
  private static Map<String, String> plainHttp(ContainerdVersion family, FakeRegistry registry) {
    String url = "http://" + registry.hostAndPort();
    return Map.of(
        "config.toml",
        family.registryConfigToml("/etc/containerd/certs.d"),
        "certs.d/" + registry.hostAndPort() + "/hosts.toml",
        "server = \""
            + url
            + "\"\n[host.\""
            + url
            + "\"]\n  capabilities = [\"pull\", \"resolve\"]\n");
  }

  private static NodeSetup setup(ContainerdVersion family, Map<String, String> files) {
    return new NodeSetup(family, files, Map.of(), "node-test");
  }

  private static PullRequest ctr(String image, CtrOptions options) {
    return new PullRequest(image, Via.CTR, Optional.empty(), options, TIMEOUT);
  }
}
