package dev.pullproof.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pullproof.harness.toml.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The world's tables: faults, docker_hub, tls placeholders, mirror_of and down. */
class WorldTablesParserTest {
  @TempDir Path dir;

  private static final String PULL = "\n[[pull]]\nimage = \"a.test/app:1\"\n";

  private Scenario parse(String text) {
    return new ScenarioParser().parse(ScenarioFiles.write(dir, "s.toml", text + PULL));
  }

  private List<Problem> problems(String text) {
    Path file = ScenarioFiles.write(dir, "bad.toml", text + PULL);
    ScenarioException e =
        catchThrowableOfType(ScenarioException.class, () -> new ScenarioParser().parse(file));
    assertThat(e).as("expected the parser to reject:\n" + text).isNotNull();
    return e.problems();
  }

  @Test
  void aFaultTableReadsEveryKey() {
    Scenario s =
        parse(
            """
            name = "f"
            [registries.hub]
            [registries.cdn]
            [[registries.hub.faults]]
            name = "flaky"
            route = ["manifest", "blob"]
            method = ["get", "HEAD"]
            repository = "library/*"
            reference = "1.*"
            fault = [{ status = { code = 429, error = "toomanyrequests", message = "m", retry_after = "10s" } }, "reset", { stall = { after = "1KiB", duration = "30s" } }, { redirect = "cdn" }, { bandwidth = "64KiB" }, { html = 502 }, { corrupt = 3 }, { truncate = 20 }, { delay = "1.5s" }, { close = true }, "none"]
            chance = 0.25
            seed = 9
            window = [{ from = "1s", to = "2s" }, { from = "5s" }]
            [[registries.hub.faults]]
            fault = "html"
            """);
    List<FaultSpec> faults = s.registries().get("hub").faults();
    FaultSpec f = faults.get(0);
    assertThat(f.name()).contains("flaky");
    assertThat(f.routes()).containsExactly(FaultRoute.MANIFEST, FaultRoute.BLOB);
    assertThat(f.methods()).containsExactly("GET", "HEAD");
    assertThat(f.repository()).contains("library/*");
    assertThat(f.reference()).contains("1.*");
    assertThat(f.occurs())
        .isEqualTo(new FaultSpec.Occurs(FaultSpec.Occurs.Kind.CHANCE, 0, 0.25, 9));
    assertThat(f.windows())
        .containsExactly(
            new FaultSpec.Window(Duration.ofSeconds(1), Optional.of(Duration.ofSeconds(2))),
            new FaultSpec.Window(Duration.ofSeconds(5), Optional.empty()));
    assertThat(f.actions())
        .containsExactly(
            new FaultAction.Status(
                429,
                Optional.of(SpecErrorCode.TOOMANYREQUESTS),
                Optional.of("m"),
                Optional.of(Duration.ofSeconds(10))),
            new FaultAction.Reset(0),
            new FaultAction.Stall(1024, Optional.of(Duration.ofSeconds(30))),
            new FaultAction.Redirect("cdn", 307),
            new FaultAction.Bandwidth(64 * 1024),
            new FaultAction.Html(502),
            new FaultAction.Corrupt(3),
            new FaultAction.Truncate(20),
            new FaultAction.Delay(Duration.ofMillis(1500)),
            new FaultAction.Close(),
            new FaultAction.None());
    assertThat(faults.get(1).routes()).isEmpty();
    assertThat(faults.get(1).occurs()).isEqualTo(FaultSpec.Occurs.ALWAYS);
    assertThat(faults.get(1).actions()).containsExactly(new FaultAction.Html(200));
  }

  @Test
  void aPrivateCaIsKeptOutOfTheNodesSystemStore() {
    Scenario s =
        parse(
            """
            name = "w"
            [registries.corp]
            tls = { system_trust = false, client_certificates = true }
            [registries.dead]
            tls = { system_trust = false }
            down = "refused"
            """);
    assertThat(s.registries().get("corp").tls())
        .contains(new TlsSpec(TlsSpec.Mode.VALID, true, false));
    assertThat(s.registries().get("dead").tls())
        .contains(new TlsSpec(TlsSpec.Mode.VALID, false, false));
  }

  @Test
  void dockerHubMirrorsTlsAndDownHostsRead() {
    Scenario s =
        parse(
            """
            name = "w"
            [registries.hub]
            host = "registry-1.docker.io"
            tls = { mode = "expired", client_certificates = true }
            docker_hub = { anonymous_limit = 1, authenticated_limit = 2, window = "1h", abuse_limit = 9, abuse_window = "10s", retry_after = "5s", message = "no" }
            [registries.plainhub]
            docker_hub = true
            [registries.cache]
            mirror_of = { registry = "hub", repositories = ["library/*"], manifests_only = true, credentials = { username = "u", password = "p" } }
            [registries.short]
            mirror_of = "cache"
            [registries.dead]
            tls = true
            down = "eof"
            [containerd.files]
            "certs.d/x/hosts.toml" = "ca = '{{tls.ca}}' # {{tls.client_cert}} {{tls.client_key}}"
            """);
    RegistrySpec hub = s.registries().get("hub");
    assertThat(hub.tls()).contains(new TlsSpec(TlsSpec.Mode.EXPIRED, true));
    assertThat(hub.dockerHub())
        .contains(
            new DockerHubSpec(
                Optional.of(1),
                Optional.of(2),
                Duration.ofHours(1),
                Optional.of(9),
                Duration.ofSeconds(10),
                Optional.of(Duration.ofSeconds(5)),
                Optional.of("no")));
    assertThat(s.registries().get("plainhub").dockerHub()).contains(DockerHubSpec.DEFAULTS);
    assertThat(s.registries().get("cache").mirror())
        .contains(
            new MirrorSpec(
                "hub", List.of("library/*"), true, Optional.of(new PullAuth.PullSecret("u", "p"))));
    assertThat(s.registries().get("short").mirror())
        .contains(new MirrorSpec("cache", List.of(), false, Optional.empty()));
    RegistrySpec dead = s.registries().get("dead");
    assertThat(dead.down()).contains(Down.EOF);
    assertThat(dead.serves()).isFalse();
    assertThat(dead.effectivePort()).isZero();
  }

  static Stream<Arguments> mistakes() {
    String hub = "name = \"x\"\n[registries.hub]\n[registries.cdn]\n[[registries.hub.faults]]\n";
    String token = "name = \"x\"\n[registries.hub]\n";
    return Stream.of(
        Arguments.of(
            hub + "fault = \"reset\"\nauthorization = \"digest\"",
            "registries.hub.faults[0].authorization",
            "unknown authorization 'digest'"),
        Arguments.of(
            hub + "fault = \"reset\"\nuser_agent = { matches = \"(\" }",
            "registries.hub.faults[0].user_agent.matches",
            "bad regex '('"),
        Arguments.of(
            hub + "fault = \"reset\"\naccept = { glob = \"x\" }",
            "registries.hub.faults[0].accept.glob",
            "unknown key 'glob'"),
        Arguments.of(
            token
                + "auth = { type = \"basic\", users = { ci = \"pw\" }, anonymous_tokens = false }",
            "registries.hub.auth",
            "token service settings: they need type = \"token\""),
        Arguments.of(
            token
                + "auth = { type = \"token\", users = { ci = \"pw\" }, identity_tokens = {"
                + " t1 = \"bob\" } }",
            "registries.hub.auth",
            "a token names user 'bob', who is not in users [ci]"),
        Arguments.of(
            token + "auth = { type = \"token\", public = [\"*\"], anonymous_tokens = false }",
            "registries.hub.auth",
            "public repositories need anonymous tokens"),
        Arguments.of(
            token + "wrong_protocol = \"bare\"\ntls = true",
            "registries.hub",
            "wrong_protocol = \"bare\" needs a plain-HTTP host"),
        Arguments.of(
            token + "wrong_protocol = \"alert\"",
            "registries.hub",
            "wrong_protocol = \"alert\" needs tls"),
        Arguments.of(
            token + "wrong_protocol = \"http400\"",
            "registries.hub.wrong_protocol",
            "did you mean 'http-400'"),
        Arguments.of(
            "name = \"x\"\n[[pull]]\nimage = \"a.test/b:1\"\nvia = \"ctr\"\n"
                + "secret = { identity_token = \"t\" }",
            "pull[0].secret",
            "ctr --user sends a username and password only"),
        Arguments.of(
            "name = \"x\"\n[[pull]]\nimage = \"a.test/b:1\"\nsecret = { username = \"u\" }",
            "pull[0].secret.password",
            "required"),
        Arguments.of(
            hub + "fault = \"reset\"\nfirst = 2\nchance = 0.3",
            "registries.hub.faults[0].chance",
            "give at most one of [first, after, every, chance]; got [first, chance]"),
        Arguments.of(
            hub + "fault = \"reset\"\nseed = 3",
            "registries.hub.faults[0].seed",
            "seed goes with chance"),
        Arguments.of(
            hub + "fault = \"reset\"\nchance = 0.5\nchance_by = \"order\"",
            "registries.hub.faults[0].chance_by",
            "must be \"arrival\" or \"request\", got \"order\""),
        Arguments.of(
            hub + "fault = \"reset\"\nchance_by = \"request\"",
            "registries.hub.faults[0].chance_by",
            "chance_by goes with chance"),
        Arguments.of(
            hub + "fault = \"reset\"\nchance = 1.5",
            "registries.hub.faults[0].chance",
            "must be 0 to 1, got 1.5"),
        Arguments.of(
            hub + "fault = \"reset\"\nevery = 0", "registries.hub.faults[0].every", "must be 1 to"),
        Arguments.of(
            hub + "fault = \"reset\"\ntimes = 2",
            "registries.hub.faults[0].times",
            "unknown key 'times'"),
        Arguments.of(
            hub + "fault = \"reset\"\nwindow = [{ from = \"1s\" }, { from = \"5s\", to = \"6s\" }]",
            "registries.hub.faults[0].window[1]",
            "overlaps an earlier window"),
        Arguments.of(
            hub + "fault = \"reset\"\nwindow = { from = \"5s\", to = \"2s\" }",
            "registries.hub.faults[0].window.to",
            "window to must be later than from"),
        Arguments.of(
            hub + "fault = \"reset\"\nwindow = \"2s\"",
            "registries.hub.faults[0].window",
            "expected a table { from = \"2s\", to = \"5s\" } or an array of them, got a string"),
        Arguments.of(
            hub + "fault = { status = 200 }",
            "registries.hub.faults[0].fault.status",
            "must be 300 to 599, got 200"),
        Arguments.of(
            hub + "fault = { status = { retry_after = \"1s\" } }",
            "registries.hub.faults[0].fault.status.code",
            "is required"),
        Arguments.of(
            hub + "fault = { status = { code = 429, error = \"TOOMANY\" } }",
            "registries.hub.faults[0].fault.status.error",
            "did you mean 'TOOMANYREQUESTS'?"),
        Arguments.of(
            hub + "fault = \"truncate\"",
            "registries.hub.faults[0].fault",
            "'truncate' needs a value, e.g. { truncate = \"1KiB\" }"),
        Arguments.of(
            hub + "fault = { close = 5 }",
            "registries.hub.faults[0].fault.close",
            "takes no value"),
        Arguments.of(
            hub + "fault = { delay = { duration = \"1s\" } }",
            "registries.hub.faults[0].fault.delay",
            "'delay' takes a single value"),
        Arguments.of(
            hub + "fault = { status = 503, reset = true }",
            "registries.hub.faults[0].fault",
            "must name exactly one fault"),
        Arguments.of(hub + "fault = []", "registries.hub.faults[0].fault", "an empty sequence"),
        Arguments.of(
            hub + "fault = [\"reset\", \"rest\"]",
            "registries.hub.faults[0].fault[1]",
            "unknown fault 'rest'"),
        Arguments.of(
            hub + "fault = \"reset\"\nroute = [\"blob\", \"manfest\"]",
            "registries.hub.faults[0].route[1]",
            "did you mean 'manifest'?"),
        Arguments.of(
            hub + "fault = \"reset\"\nmethod = \"FETCH\"",
            "registries.hub.faults[0].method",
            "unknown method 'FETCH'"),
        Arguments.of(
            hub + "fault = { redirect = \"cdm\" }",
            "registries.hub.faults[0]",
            "redirect to undefined registry 'cdm'; defined: [hub, cdn]; did you mean 'cdn'?"),
        Arguments.of(
            hub + "fault = { redirect = \"ftp://x\" }",
            "registries.hub.faults[0].fault.redirect",
            "must be a registry name or scheme://host[:port]"),
        Arguments.of(
            hub + "fault = { redirect = { to = \"cdn\", status = 304 } }",
            "registries.hub.faults[0].fault.redirect.status",
            "must be 301, 302, 303, 307 or 308, got 304"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\nauth = \"none\"\ndocker_hub = true",
            "registries.hub.docker_hub",
            "Docker Hub serves token auth"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\nauth = \"basic\"\ndocker_hub = true",
            "registries.hub.docker_hub",
            "Docker Hub serves token auth"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\ndocker_hub = { anonymous_limt = 1 }",
            "registries.hub.docker_hub.anonymous_limt",
            "did you mean 'anonymous_limit'?"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\ndocker_hub = { window = \"500ms\" }",
            "registries.hub.docker_hub.window",
            "window must be at least 1s"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\ndocker_hub = \"yes\"",
            "registries.hub.docker_hub",
            "expected true or a table such as { anonymous_limit = 100 }, got a string"),
        Arguments.of(
            "name = \"x\"\n[registries.a]\nmirror_of = \"b\"\n[registries.b]\nmirror_of = \"a\"",
            "registries.a.mirror_of",
            "mirrors form a cycle"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\n[registries.m]\nmirror_of = { registry = \"hub\", credentials = { username = \"u\" } }",
            "registries.m.mirror_of.credentials.password",
            "is required"),
        Arguments.of(
            "name = \"x\"\n[registries.m]\nmirror_of = 3",
            "registries.m.mirror_of",
            "expected a registry name or a table such as { registry = \"hub\" }, got an integer"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\n[registries.m]\nmirror = \"hub\"",
            "registries.m.mirror",
            "did you mean 'mirror_of'?"),
        Arguments.of(
            "name = \"x\"\n[registries.m]\ndown = \"refuse\"",
            "registries.m.down",
            "did you mean 'refused'?"),
        Arguments.of(
            "name = \"x\"\n[registries.m]\ndown = \"eof\"\nimages = [\"a:1\"]",
            "registries.m.images",
            "a down host serves nothing: remove 'images' or 'down'"),
        Arguments.of(
            "name = \"x\"\n[registries.m]\ndown = \"eof\"\nidle_timeout = \"5s\"",
            "registries.m.idle_timeout",
            "a down host serves nothing: remove 'idle_timeout' or 'down'"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\nheader_timeout = \"0s\"",
            "registries.hub.header_timeout",
            "header_timeout must be a positive duration"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\nidle_timeout = 30",
            "registries.hub.idle_timeout",
            "got an integer"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\nidle_timeout = \"1000h\"",
            "registries.hub.idle_timeout",
            "idle_timeout must be under 24 days"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\nlenient_manifests = \"no\"",
            "registries.hub.lenient_manifests",
            "expected true or false"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\nheader_timout = \"5s\"",
            "registries.hub.header_timout",
            "did you mean 'header_timeout'?"),
        Arguments.of("name = \"x\"\n[registries.tls]", "registries.tls", "'tls' is reserved"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\nauth = { type = \"basic\", realm = \"http://auth.test/token\" }",
            "registries.hub.auth.realm",
            "it needs type = \"token\""),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\nauth = { type = \"token\", realm = \"{{auht.url}}/token\" }\n[registries.auth]\ndown = \"refused\"",
            "registries.hub.auth.realm",
            "realm names undefined registry 'auht'; defined: [hub, auth]; did you mean 'auth'?"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\nauth = { type = \"token\", realm = \"{{hub.uri}}/token\" }",
            "registries.hub.auth.realm",
            "unknown placeholder attribute 'uri'"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\n[containerd.files]\n\"a\" = \"{{tls.ca}}\"",
            "containerd.files.a",
            "{{tls.ca}} needs a registry with tls"),
        Arguments.of(
            "name = \"x\"\n[registries.hub]\ntls = true\n[containerd.files]\n\"a\" = \"{{tls.cert}}\"",
            "containerd.files.a",
            "unknown placeholder {{tls.cert}}; known: [ca, client_cert, client_key, ca_pem, client_cert_pem, client_key_pem]"),
        Arguments.of(
            "name = \"x\"\n[containerd.files]\n\"pullproof/ca.crt\" = \"x\"",
            "containerd.files.\"pullproof/ca.crt\"",
            "hold the world's TLS files"));
  }

  @Test
  void timeoutsAndManifestLenienceRead() {
    Scenario s =
        parse(
            """
            name = "t"
            [registries.hub]
            header_timeout = "2s"
            idle_timeout = "1m"
            lenient_manifests = false
            journal_capacity = 500
            [registries.plain]
            """);
    assertThat(s.registries().get("hub").server())
        .isEqualTo(
            new ServerSpec(
                Optional.of(Duration.ofSeconds(2)),
                Optional.of(Duration.ofMinutes(1)),
                false,
                Optional.empty(),
                Optional.of(500)));
    assertThat(s.registries().get("plain").server()).isEqualTo(ServerSpec.DEFAULTS);
  }

  @Test
  void chanceByRequestIsAPerRequestChance() {
    Scenario s =
        parse(
            """
            name = "f"
            [registries.hub]
            [[registries.hub.faults]]
            fault = "reset"
            chance = 0.4
            seed = 7
            chance_by = "request"
            """);
    assertThat(s.registries().get("hub").faults().get(0).occurs())
        .isEqualTo(new FaultSpec.Occurs(FaultSpec.Occurs.Kind.CHANCE_PER_REQUEST, 0, 0.4, 7));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void eachMistakeIsNamedAtItsKey(String toml, String key, String message) {
    assertThat(problems(toml))
        .as(toml)
        .anySatisfy(
            p -> {
              assertThat(p.key()).isEqualTo(key);
              assertThat(p.message()).contains(message);
              assertThat(p.line()).isPositive();
            });
  }

  @Test
  void aFaultRuleReadsItsHeaderConditions() {
    Scenario s =
        parse(
            """
            name = "h"
            [registries.hub]
            [[registries.hub.faults]]
            fault = { status = 400 }
            authorization = "bearer"
            user_agent = { matches = "^containerd/1\\\\." }
            accept = "manifest.list"
            """);
    assertThat(s.registries().get("hub").faults().get(0).headers())
        .containsExactly(
            new HeaderCondition("Authorization", HeaderCondition.Kind.SCHEME, "Bearer"),
            new HeaderCondition("User-Agent", HeaderCondition.Kind.MATCHES, "^containerd/1\\."),
            new HeaderCondition("Accept", HeaderCondition.Kind.CONTAINS, "manifest.list"));
  }

  @Test
  void aTokenAuthReadsItsPolicyAndAHostItsWrongProtocolReply() {
    Scenario s =
        parse(
            """
            name = "p"
            [registries.hub]
            tls = true
            wrong_protocol = "http-400"
            auth = { type = "token", users = { ci = "pw" }, anonymous_tokens = false, send_expires_in = false, identity_tokens = { id1 = "ci" }, registry_tokens = { rt1 = "ci" } }
            """);
    RegistrySpec hub = s.registries().get("hub");
    assertThat(hub.auth().policy())
        .isEqualTo(
            new AuthSpec.TokenPolicy(
                false, false, java.util.Map.of("id1", "ci"), java.util.Map.of("rt1", "ci")));
    assertThat(hub.server().wrongProtocol()).contains(WrongProtocol.HTTP_400);
  }

  @Test
  void aPullSecretTakesEachAuthConfigField() {
    Scenario s =
        parse(
            """
            name = "s"
            [[pull]]
            image = "a.test/b:1"
            secret = { auth = "Y2k6cHc=", identity_token = "id1", registry_token = "rt1" }
            """);
    assertThat(s.pulls().get(0).auth())
        .isEqualTo(new PullAuth.PullSecret("", "", "Y2k6cHc=", "id1", "rt1"));
  }
}
