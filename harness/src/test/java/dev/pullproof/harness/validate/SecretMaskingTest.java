package dev.pullproof.harness.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials seeded in every place the files can hold one never reach a finding's text. */
class SecretMaskingTest {
  private static final List<String> SECRETS =
      List.of(
          "c2VlZGVkOmhlYWRlci1zZWNyZXQ=",
          "seeded-bearer-token-4711",
          "seeded-config-password",
          "c2VlZGVkOmNvbmZpZy1hdXRo",
          "seeded-identity-token",
          "seeded-auths-password",
          "seeded-cri-header-secret");

  @TempDir Path dir;

  @Test
  void noFindingContainsASeededSecret() {
    String cri = "[plugins.\"io.containerd.grpc.v1.cri\".registry";
    TestNode node =
        new TestNode(dir)
            .config(
                "version = 2\n"
                    + cri
                    + "]\nconfig_path = \"/etc/containerd/certs.d\"\n"
                    + cri
                    + ".headers]\nX-Secret = [\"seeded-cri-header-secret\"]\n"
                    + cri
                    + ".configs.\"reg.example\".auth]\npassword = \"seeded-config-password\"\n"
                    + "auth = \"c2VlZGVkOmNvbmZpZy1hdXRo\"\nidentitytoken = \"seeded-identity-token\"\n"
                    + "pasword = \"seeded-config-password\"\n"
                    + cri
                    + ".auths.\"https://reg.example\"]\npassword = \"seeded-auths-password\"\n")
            .hosts(
                "reg.example",
                "server = \"http://reg.example\"\n"
                    + "[host.\"http://reg.example\"]\n"
                    + "skip_verify = true\n"
                    + "credential_helper = \"seeded-bearer-token-4711\"\n"
                    + "[host.\"http://reg.example\".header]\n"
                    + "authorization = \"Basic c2VlZGVkOmhlYWRlci1zZWNyZXQ=\"\n"
                    + "X-Token = [\"Bearer seeded-bearer-token-4711\"]\n");

    List<Finding> findings = node.check(List.of("reg.example/team/app:1.0"), TestNode.ALL);

    assertThat(findings)
        .extracting(Finding::rule)
        .contains("hosts-static-authorization", "config-deprecated");
    for (Finding f : findings) {
      for (String secret : SECRETS) {
        assertThat(f.message()).as(f.rule()).doesNotContain(secret);
        assertThat(f.fix()).as(f.rule()).doesNotContain(secret);
        assertThat(f.key()).as(f.rule()).doesNotContain(secret);
      }
    }
  }
}
