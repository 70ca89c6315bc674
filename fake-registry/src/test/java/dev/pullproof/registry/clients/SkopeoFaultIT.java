package dev.pullproof.registry.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.fault.Fault;
import dev.pullproof.registry.fault.FaultRule;
import dev.pullproof.registry.fault.RouteKind;
import dev.pullproof.registry.hub.DockerHub;
import dev.pullproof.registry.protocol.RepositoryName;
import dev.pullproof.testing.Needs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each fault looks like to real skopeo: whether the command survives it and, when not, the
 * words of its error. Every expected fragment was observed from skopeo 1.9.3 (Debian 12); the full
 * messages are listed in the project README.
 */
@Needs(clients = "skopeo")
class SkopeoFaultIT extends RegistryUnderTest {
  private final ClientTool skopeo = ClientTool.require("skopeo");

  @TempDir Path temp;

  private static FaultRule onGet(RouteKind kind, Fault fault) {
    return FaultRule.builder().route(kind).method("GET").fault(fault).build();
  }

  /** Name, rule, the skopeo command, and the stderr fragment it fails with (null: succeeds). */
  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(
            "manifest 503 + Retry-After, not retried even with --retry-times",
            onGet(RouteKind.MANIFEST_GET, Fault.unavailable(Duration.ofSeconds(1))),
            "inspect",
            "received unexpected HTTP status: 503 Service Unavailable"),
        Arguments.of(
            "version check closed without response",
            onGet(RouteKind.VERSION_CHECK, new Fault.Close()),
            "inspect",
            "/v2/\\\": EOF"),
        Arguments.of(
            "manifest reset before response",
            onGet(RouteKind.MANIFEST_GET, new Fault.Reset(0)),
            "inspect",
            "read: connection reset by peer"),
        Arguments.of(
            "manifest as an HTML page with 200",
            onGet(RouteKind.MANIFEST_GET, new Fault.HtmlPage(200, null)),
            "inspect",
            "Error parsing manifest for image: invalid character '<' looking for beginning of value"),
        Arguments.of(
            "manifest as an HTML page with 502",
            onGet(RouteKind.MANIFEST_GET, new Fault.HtmlPage(502, null)),
            "inspect",
            "received unexpected HTTP status: 502 Bad Gateway"),
        Arguments.of(
            "manifest truncated",
            onGet(RouteKind.MANIFEST_GET, new Fault.Truncate(20)),
            "inspect",
            "unexpected EOF"),
        Arguments.of(
            "blob 503 once, not retried even with --retry-times",
            FaultRule.builder()
                .route(RouteKind.BLOB)
                .method("GET")
                .first(1)
                .fault(Fault.status(503))
                .build(),
            "copy",
            "Error fetching blob: invalid status code from registry 503 (Service Unavailable)"),
        Arguments.of(
            "blob truncated",
            onGet(RouteKind.BLOB, new Fault.Truncate(100_000)),
            "copy",
            "writing blob: happened during read: unexpected EOF"),
        Arguments.of(
            "blob corrupted",
            onGet(RouteKind.BLOB, new Fault.Corrupt(1000)),
            "copy",
            "writing blob: happened during read: Digest did not match, expected sha256:"),
        Arguments.of(
            "blob reset after bytes",
            onGet(RouteKind.BLOB, new Fault.Reset(100_000)),
            "copy",
            "read: connection reset by peer"),
        Arguments.of(
            "blob stalled past --command-timeout",
            onGet(RouteKind.BLOB, new Fault.Stall(0, null)),
            "copy",
            "context deadline exceeded"),
        Arguments.of(
            "blob at 4 MiB/s", onGet(RouteKind.BLOB, new Fault.Bandwidth(4 << 20)), "copy", null),
        Arguments.of(
            "blob delayed",
            onGet(RouteKind.BLOB, new Fault.Delay(Duration.ofMillis(300))),
            "copy",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void skopeosReactionToEachFault(String name, FaultRule rule, String command, String error)
      throws Exception {
    registry = FakeRegistry.builder().fault(rule).start();
    publish("library/app", "1.0", ImageSpec.builder().layers(1 << 20).build());

    // Only the stall needs skopeo to give up; elsewhere a slow machine must not time it out.
    String timeout = name.contains("stalled") ? "4s" : "60s";
    ClientTool.Result r = command.equals("inspect") ? inspect("--no-creds") : copy(timeout);
    System.out.println("skopeo facing " + name + ": " + r.describe());

    if (error == null) {
      assertThat(r.exit()).as(r.describe()).isZero();
    } else {
      assertThat(r.exit()).as(r.describe()).isNotZero();
      assertThat(r.stderr()).contains(error);
    }
    registry.journal().awaitQuiet(Duration.ofSeconds(5));
    assertThat(registry.journal().all()).as("the fault fired").anyMatch(e -> e.fault() != null);
  }

  @Test
  void anHtmlTokenEndpointFailsTheTokenRequest() throws Exception {
    registry =
        FakeRegistry.builder()
            .tokenAuth(TokenService.builder().service("t").build(), Users.of("a", "b"))
            .fault(onGet(RouteKind.TOKEN, new Fault.HtmlPage(502, null)))
            .start();
    publish("library/app", "1.0", ImageSpec.builder().layers(10).build());

    ClientTool.Result r = inspect("--creds", "a:b");

    assertThat(r.exit()).as(r.describe()).isNotZero();
    assertThat(r.stderr())
        .contains("Requesting bearer token: invalid status code from registry 502 (Bad Gateway)");
  }

  @Test
  void aBlobRedirectToAnotherHostIsFollowed() throws Exception {
    try (FakeRegistry storage = FakeRegistry.builder().host("127.0.0.2").start()) {
      registry =
          FakeRegistry.builder()
              .fault(onGet(RouteKind.BLOB, new Fault.Redirect(storage.url(), 307)))
              .start();
      ImageSpec spec = ImageSpec.builder().layers(1 << 20).build();
      publish("library/app", "1.0", spec);
      new ImagePublisher(storage.content()).publish(RepositoryName.of("library/app"), "1.0", spec);

      ClientTool.Result r = copy("60s");

      assertThat(r.exit()).as(r.describe()).isZero();
      registry.journal().assertRequested("GET /v2/library/app/blobs/* -> 307");
      storage.journal().assertRequested("GET /v2/library/app/blobs/* -> 200", 2);
    }
  }

  @Test
  void hubsPullRateLimitIsRetriedThenReportedWithItsMessage() throws Exception {
    registry =
        FakeRegistry.builder()
            .dockerHub(
                DockerHub.builder()
                    .pullLimit(1, 1, Duration.ofHours(6))
                    .retryAfter(Duration.ZERO)
                    .build())
            .start();
    publish("library/app", "1.0", ImageSpec.builder().layers(10).build());
    assertThat(inspect("--no-creds").exit()).isZero();

    ClientTool.Result r = inspect("--no-creds");

    assertThat(r.exit()).as(r.describe()).isNotZero();
    assertThat(r.stderr()).contains("toomanyrequests: " + DockerHub.DEFAULT_MESSAGE);
    registry.journal().awaitQuiet(Duration.ofSeconds(5));
    // containers/image retries a 429 itself, five tries, and --retry-times 2 repeats that twice.
    assertThat(registry.journal().matching(e -> e.status() == 429)).hasSize(15);
  }

  @Test
  void hubsAbuseLimitIsABare429() throws Exception {
    registry =
        FakeRegistry.builder()
            .dockerHub(
                DockerHub.builder()
                    .abuseLimit(2, Duration.ofHours(6))
                    .retryAfter(Duration.ZERO)
                    .build())
            .start();
    publish("library/app", "1.0", ImageSpec.builder().layers(10).build());

    ClientTool.Result r = inspect("--no-creds");

    assertThat(r.exit()).as(r.describe()).isNotZero();
    assertThat(r.stderr()).contains("StatusCode: 429, ");
  }

  private ClientTool.Result inspect(String... credentials) throws Exception {
    List<String> args = new ArrayList<>(List.of("inspect", "--retry-times", "2"));
    args.add("--tls-verify=false");
    args.addAll(List.of(credentials));
    args.add("docker://" + ref("library/app:1.0"));
    return skopeo.run(TIMEOUT, args.toArray(String[]::new));
  }

  private ClientTool.Result copy(String commandTimeout) throws Exception {
    return skopeo.run(
        TIMEOUT,
        "--command-timeout",
        commandTimeout,
        "copy",
        "--retry-times",
        "2",
        "--src-tls-verify=false",
        "--src-no-creds",
        "docker://" + ref("library/app:1.0"),
        "oci:" + temp.resolve("out") + ":1.0");
  }
}
