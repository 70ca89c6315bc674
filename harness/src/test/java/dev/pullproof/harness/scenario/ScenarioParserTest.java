package dev.pullproof.harness.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioParserTest {
  @TempDir Path dir;

  private Scenario parse(String text) {
    return new ScenarioParser().parse(ScenarioFiles.write(dir, "s.toml", text));
  }

  @Test
  void removeImagesAsksForAFreshDownloadOnEveryRepetition() {
    Scenario s =
        parse(
            "name = \"r\"\nrepeat = 20\nremove_images = true\n[[pull]]\nimage = \"e.test/a:1\"\n");

    assertThat(s.repeat()).isEqualTo(20);
    assertThat(s.removeImages()).isTrue();
  }

  @Test
  void aMinimalScenarioRunsOnEveryVersionWithOnePullViaCri() {
    Scenario s = parse("name = \"min\"\n[[pull]]\nimage = \"example.test/app:1\"\n");

    assertThat(s.id()).isEqualTo("s");
    assertThat(s.versions()).containsExactlyElementsOf(ContainerdVersion.families());
    assertThat(s.pulls())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.via()).isEqualTo(Via.CRI);
              assertThat(p.auth()).isEqualTo(PullAuth.NONE);
            });
    assertThat(s.repeat()).isEqualTo(1);
    assertThat(s.removeImages()).isFalse();
    assertThat(s.timeout()).isEqualTo(Scenario.DEFAULT_TIMEOUT);
    assertThat(s.expect().isEmpty()).isTrue();
  }

  @Test
  void aFullScenarioReadsEveryTable() {
    ScenarioFiles.write(dir, "files/hub-hosts.toml", "server = \"https://registry-1.docker.io\"\n");
    ScenarioFiles.write(dir, "files/helper.json", "{\"answer\": \"credentials\"}\n");
    Scenario s =
        parse(
            """
            name = "token-no-creds"
            summary = "Token registry, no credentials"
            versions = ["1.7", "2"]
            repeat = 3
            timeout = "90s"

            [registries.hub]
            host = "registry-1.docker.io"
            tls = { mode = "valid", client_certificates = true }
            auth = { type = "token", users = { ci = "s3cret" }, public = ["library/*"], service = "registry.docker.io", token_expires_in = "5m" }
            images = ["library/app:1.0", { name = "team/big:2", layers = ["4MiB", 1024], multi_arch = true, format = "both", seed = 7 }]

            [[registries.hub.faults]]
            route = "blob"
            fault = { status = 503 }
            first = 2

            [registries.mirror]
            mirror_of = { registry = "hub", repositories = ["library/*"] }
            auth = { type = "basic", users = { m = "pw" }, grants = [{ user = "m", repository = "library/*", actions = ["pull"] }] }

            [containerd.files]
            "config.toml" = \"""
            version = 2
            \"""
            "certs.d/docker.io/hosts.toml" = { file = "files/hub-hosts.toml" }

            [containerd.version."2".files]
            "config.toml" = "version = 3\\n"

            [[pull]]
            image = "docker.io/library/app:1.0"
            secret = { username = "ci", password = "s3cret" }

            [[pull]]
            image = "{{mirror.address}}/library/app:1.0"
            via = "ctr"
            ctr = { plain_http = true }
            expect = { outcome = "success" }

            [[pull]]
            image = "docker.io/library/app:1.0"
            credential_provider = { match_images = ["docker.io"], default_cache_duration = "1m", script_file = "files/helper.json" }

            [expect]
            outcome = "failure"
            error_contains = { "1.7" = "401 Unauthorized", "2" = "unauthorized" }
            cri_plugin_loaded = true
            log_absent = ["panic"]
            requests = ["hub GET /v2/ -> 401"]
            absent = ["mirror * *"]
            ordered = ["hub GET /v2/", "hub GET /token"]
            count = [{ request = "hub GET /token -> 200", exactly = 1 }, { request = "* GET /v2/*", min = 1, max = 4 }]
            helper_invocations = { min = 1, max = 2 }
            duration = { max = "10s" }
            success_rate = { min = 0.5 }

            [expect.version."2"]
            log_contains = ["PullImage"]
            """);

    assertThat(s.versions()).containsExactly(ContainerdVersion.V1_7, ContainerdVersion.V2);
    assertThat(s.repeat()).isEqualTo(3);
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(90));
    RegistrySpec hub = s.registries().get("hub");
    assertThat(hub.host()).contains("registry-1.docker.io");
    assertThat(hub.effectivePort()).isEqualTo(443);
    assertThat(hub.tls()).contains(new TlsSpec(TlsSpec.Mode.VALID, true));
    assertThat(hub.auth().type()).isEqualTo(AuthSpec.Type.TOKEN);
    assertThat(hub.auth().publicRepositories()).containsExactly("library/*");
    assertThat(hub.auth().tokenExpiresIn()).contains(Duration.ofMinutes(5));
    assertThat(hub.images())
        .containsExactly(
            ImageEntry.parse("library/app:1.0"),
            new ImageEntry(
                "team/big", "2", List.of(4L << 20, 1024L), true, ImageEntry.Format.BOTH, 7));
    assertThat(hub.faults())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.routes()).containsExactly(FaultRoute.BLOB);
              assertThat(f.actions())
                  .containsExactly(
                      new FaultAction.Status(
                          503,
                          java.util.Optional.empty(),
                          java.util.Optional.empty(),
                          java.util.Optional.empty()));
              assertThat(f.occurs())
                  .isEqualTo(new FaultSpec.Occurs(FaultSpec.Occurs.Kind.FIRST, 2, 1, 0));
            });
    assertThat(s.registries().get("mirror").mirror().orElseThrow().upstream()).isEqualTo("hub");
    assertThat(s.registries().get("mirror").auth().grants()).hasSize(1);
    assertThat(s.containerd().filesFor(ContainerdVersion.V1_7))
        .extracting(ContainerdFile::path, ContainerdFile::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("config.toml", "version = 2\n"),
            org.assertj.core.groups.Tuple.tuple(
                "certs.d/docker.io/hosts.toml", "server = \"https://registry-1.docker.io\"\n"));
    assertThat(s.containerd().filesFor(ContainerdVersion.V2).get(0).text())
        .isEqualTo("version = 3\n");
    assertThat(s.pulls().get(0).auth()).isEqualTo(new PullAuth.PullSecret("ci", "s3cret"));
    assertThat(s.pulls().get(1).ctr().plainHttp()).isTrue();
    assertThat(s.pulls().get(1).expect().success()).contains(true);
    assertThat(s.pulls().get(2).auth())
        .isInstanceOfSatisfying(
            PullAuth.CredentialProvider.class,
            p -> assertThat(p.script().origin()).isEqualTo("files/helper.json"));
    ExpectationSet on2 = s.expect().forVersion(ContainerdVersion.V2);
    assertThat(on2.success()).contains(false);
    assertThat(on2.errorContains()).containsEntry(ContainerdVersion.V2, "unauthorized");
    assertThat(on2.logContains()).containsExactly("PullImage");
    assertThat(on2.requests()).hasSize(4);
    assertThat(on2.requests().get(1).count()).isEqualTo(Bounds.exactly(0));
    assertThat(on2.requests().get(3).count()).isEqualTo(new Bounds(1, 4));
    assertThat(on2.helperInvocations()).contains(new Bounds(1, 2));
    assertThat(on2.successRate()).contains(new RateBounds(0.5, 1.0));
    assertThat(s.expect().forVersion(ContainerdVersion.V1_7).logContains()).isEmpty();
  }

  @Test
  void aPlainStringErrorExpectationAppliesToEveryVersion() {
    Scenario s =
        parse(
            """
            name = "x"
            [[pull]]
            image = "a.test/b:1"
            [expect]
            error_matches = "fail(ed)? to resolve"
            """);
    assertThat(s.expect().forVersion(ContainerdVersion.V1_6).errorMatches())
        .containsOnlyKeys(ContainerdVersion.families());
  }
}
