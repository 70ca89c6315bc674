package dev.pullproof.harness.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.rules.CertFileRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertFileRuleTest {
  private static final String CONFIG =
      "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
          + "config_path = \"/etc/containerd/certs.d\"\n";

  @TempDir Path dir;

  private TestNode node(String ca) {
    return new TestNode(dir)
        .config(CONFIG)
        .hosts(
            "registry.corp.example",
            "[host.\"https://registry.corp.example\"]\n  ca = " + ca + "\n");
  }

  @Test
  void aMissingRelativeCaIsAnError() {
    List<Finding> findings = node("\"ca.crt\"").check(CertFileRule.ID);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.message()).contains("unable to read CA cert");
            });
  }

  @Test
  void aPresentRelativeCaIsFine() {
    TestNode node = node("\"ca.crt\"").certsFile("registry.corp.example/ca.crt", "pem");

    assertThat(node.check(CertFileRule.ID)).isEmpty();
  }

  @Test
  void anAbsolutePathUnderConfigPathIsLookedUpInTheHostsDir() {
    TestNode node =
        node("[\"/etc/containerd/certs.d/registry.corp.example/ca.crt\", \"/etc/containerd/certs.d/gone.crt\"]")
            .certsFile("registry.corp.example/ca.crt", "pem");

    assertThat(node.check(CertFileRule.ID))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("/etc/containerd/certs.d/gone.crt"));
  }

  @Test
  void anAbsolutePathElsewhereCannotBeCheckedHere() {
    TestNode node = node("\"/etc/pki/corp-ca.pem\"");

    assertThat(node.check(CertFileRule.ID)).isEmpty();
    assertThat(node.check(CertFileRule.UNCHECKED))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
  }

  @Test
  void clientPairsAreCheckedToo() {
    TestNode node =
        new TestNode(dir)
            .config(CONFIG)
            .hosts(
                "r.example", "[host.\"https://r.example\"]\n  client = [[\"c.cert\", \"c.key\"]]\n")
            .certsFile("r.example/c.cert", "pem");

    assertThat(node.check(CertFileRule.ID))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("c.key"));
  }
}
