package dev.pullproof.harness.validate;

import static dev.pullproof.harness.version.ContainerdVersion.V1_6;
import static dev.pullproof.harness.version.ContainerdVersion.V1_7;
import static dev.pullproof.harness.version.ContainerdVersion.V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.rules.CapabilitiesRule;
import dev.pullproof.harness.validate.rules.HostsNoHostTableRule;
import dev.pullproof.harness.validate.rules.HostsUnknownKeyRule;
import dev.pullproof.harness.validate.rules.OverridePathRule;
import dev.pullproof.harness.validate.rules.PlainHttpRule;
import dev.pullproof.harness.validate.rules.SkipVerifyRule;
import dev.pullproof.harness.validate.rules.StaticAuthHeaderRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules that read one hosts.toml at a time. */
class HostsFileRulesTest {
  private static final String CLEAN =
      "server = \"https://registry-1.docker.io\"\n"
          + "[host.\"https://mirror.corp.example\"]\n"
          + "  capabilities = [\"pull\", \"resolve\"]\n"
          + "  skip_verify = false\n";

  @TempDir Path dir;

  private TestNode hosts(String text) {
    return new TestNode(dir).hosts("docker.io", text);
  }

  @Test
  void credentialHelperIsSilentlyIgnoredEverywhere() {
    TestNode node =
        hosts(
            "server = \"https://your-registry.com\"\n[host.\"https://your-registry.com\"]\n"
                + "capabilities = [\"pull\"]\ncredential_helper = \"docker-credential-desktop\"\n");

    assertThat(node.check(HostsUnknownKeyRule.ID))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.line()).isEqualTo(4);
              assertThat(f.key()).isEqualTo("host.\"https://your-registry.com\".credential_helper");
              assertThat(f.versions()).containsExactly(V1_6, V1_7, V2);
              assertThat(f.message()).contains("ignores it silently").contains("never merged");
            });
  }

  @Test
  void aMisspeltKeyGetsASuggestionAndDialTimeoutIsNewIn2x() {
    TestNode node = hosts("[host.\"https://m\"]\n  skip_verfy = true\n  dial_timeout = \"3s\"\n");

    List<Finding> findings = node.check(HostsUnknownKeyRule.ID);

    assertThat(findings).hasSize(2);
    assertThat(findings.get(0).message()).contains("Did you mean 'skip_verify'?");
    assertThat(findings.get(1).versions()).containsExactly(V1_6, V1_7);
  }

  @Test
  void aCleanHostsFileHasNoUnknownKeys() {
    assertThat(
            hosts(CLEAN + "[host.\"https://mirror.corp.example\".header]\nX-Any = \"v\"\n")
                .check(HostsUnknownKeyRule.ID))
        .isEmpty();
  }

  @Test
  void aServerLineAloneIsRejectedBy1x() {
    TestNode node = hosts("server = \"https://mirror.corp.example\"\n");

    assertThat(node.check(HostsNoHostTableRule.ID))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.versions()).containsExactly(V1_6, V1_7);
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.message()).contains("invalid `host` tree");
            });
    assertThat(node.check(HostsNoHostTableRule.ID, List.of(), List.of(V2))).isEmpty();
    assertThat(hosts(CLEAN).check(HostsNoHostTableRule.ID)).isEmpty();
  }

  @Test
  void anUnknownCapabilityRejectsTheFile() {
    assertThat(
            hosts("[host.\"https://m\"]\ncapabilities = [\"pull\", \"fetch\"]\n")
                .check(CapabilitiesRule.ID))
        .singleElement()
        .satisfies(f -> assertThat(f.line()).isEqualTo(2));
    assertThat(hosts(CLEAN).check(CapabilitiesRule.ID)).isEmpty();
  }

  @Test
  void overridePathOnAUrlWithoutPathDropsV2() {
    assertThat(
            hosts("[host.\"https://your-mirror-registry.com\"]\noverride_path = true\n")
                .check(OverridePathRule.ID))
        .singleElement()
        .satisfies(f -> assertThat(f.line()).isEqualTo(2));
    assertThat(
            hosts("[host.\"https://m.example/api/v2\"]\noverride_path = true\n")
                .check(OverridePathRule.ID))
        .isEmpty();
  }

  @Test
  void skipVerifyTrueIsAWarning() {
    assertThat(hosts("[host.\"https://m\"]\nskip_verify = true\n").check(SkipVerifyRule.ID))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    assertThat(hosts(CLEAN).check(SkipVerifyRule.ID)).isEmpty();
  }

  @Test
  void plainHttpWithoutThePortOfTheDirectoryGoesToPort80() {
    TestNode node =
        new TestNode(dir)
            .hosts(
                "registry.corp.example:5000",
                "server = \"http://registry.corp.example\"\n[host.\"http://registry.corp.example:5000\"]\n");

    List<Finding> findings = node.check(PlainHttpRule.ID);

    assertThat(findings)
        .extracting(Finding::severity)
        .containsExactly(Severity.WARNING, Severity.INFO);
    assertThat(findings.get(0).line()).isEqualTo(1);
    assertThat(findings.get(0).fix()).contains("http://registry.corp.example:5000");
    assertThat(new TestNode(dir.resolve("clean")).hosts("docker.io", CLEAN).check(PlainHttpRule.ID))
        .isEmpty();
  }

  @Test
  void aStaticAuthorizationHeaderFailsOnTokenRegistriesIn1x() {
    TestNode node =
        hosts(
            "[host.\"https://registry-1.docker.io\"]\n[host.\"https://registry-1.docker.io\".header]\n"
                + "authorization = \"Basic Y2k6aHViLXMzY3JldA==\"\n");

    List<Finding> findings = node.check(StaticAuthHeaderRule.ID);

    assertThat(findings)
        .extracting(Finding::versions)
        .containsExactly(List.of(V1_6, V1_7), List.of(V2));
    assertThat(findings.get(0).message()).contains("Basic ****").doesNotContain("Y2k6");
    assertThat(hosts(CLEAN).check(StaticAuthHeaderRule.ID)).isEmpty();
  }
}
