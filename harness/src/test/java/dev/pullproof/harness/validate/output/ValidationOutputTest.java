package dev.pullproof.harness.validate.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.harness.report.Redactor;
import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.NodeFiles;
import dev.pullproof.harness.validate.Validation;
import dev.pullproof.harness.validate.live.VersionResult;
import dev.pullproof.harness.version.ContainerdVersion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The three outputs of a (hand-built, synthetic) validation: breaks first, secrets never. */
class ValidationOutputTest {
  private static final String SECRET = "hub-s3cret";
  private static final Redactor REDACTOR = Redactor.of(Set.of(SECRET));

  private static Validation validation() {
    Finding mirrors =
        new Finding(
            "config-path-with-mirrors",
            Severity.ERROR,
            Path.of("config.toml"),
            7,
            "plugins.x.registry.mirrors",
            List.of(ContainerdVersion.V2),
            "synthetic: the CRI plugin will not load (password " + SECRET + ")",
            "remove registry.mirrors");
    Finding helper =
        new Finding(
            "hosts-unknown-key",
            Severity.WARNING,
            Path.of("certs.d/docker.io/hosts.toml"),
            4,
            "credential_helper",
            List.of(ContainerdVersion.V1_7, ContainerdVersion.V2),
            "synthetic: unknown key, ignored",
            "");
    VersionResult old =
        new VersionResult(
            ContainerdVersion.V1_7,
            "1.7-synthetic",
            VersionResult.State.CHECKED,
            "",
            Optional.of(true),
            List.of(),
            List.of("registry-1.docker.io:443 HEAD /v2/library/nginx/manifests/1.25 -> 200"),
            List.of(new VersionResult.ImageResult("nginx:1.25", true, "")));
    VersionResult now =
        new VersionResult(
            ContainerdVersion.V2,
            "2-synthetic",
            VersionResult.State.CHECKED,
            "",
            Optional.of(true),
            List.of("warning: synthetic"),
            List.of(),
            List.of(
                new VersionResult.ImageResult("nginx:1.25", false, "synthetic: 401 " + SECRET)));
    return new Validation(
        new NodeFiles(Path.of("config.toml"), Optional.empty()),
        List.of("nginx:1.25"),
        List.of(ContainerdVersion.V1_7, ContainerdVersion.V2),
        List.of(mirrors, helper),
        List.of(old, now),
        List.of("synthetic note"));
  }

  @Test
  void whatBreaksOnTheNewerVersionComesFirst() {
    Validation v = validation();
    assertThat(v.breaks())
        .containsExactly(
            "2 (fine on 1.7): config.toml:7: plugins.x.registry.mirrors: synthetic: the CRI plugin"
                + " will not load (password "
                + SECRET
                + ")",
            "2 (fine on 1.7): nginx:1.25 fails: synthetic: 401 " + SECRET);
    String text = new ValidationText(REDACTOR).render(v);
    assertThat(text.indexOf("BREAKS on 2")).isLessThan(text.indexOf("Findings: "));
    assertThat(text).contains("Differs between versions, per image\n  nginx:1.25: 1.7 pulled | 2 ");
    assertThat(text).contains("fix: remove registry.mirrors").endsWith("Verdict: NOT READY\n");
    assertThat(v.failed()).isTrue();
  }

  @Test
  void jsonCarriesTheSameVerdictAndFindings() throws Exception {
    JsonNode json = new ObjectMapper().readTree(new ValidationJson(REDACTOR).render(validation()));
    assertThat(json.get("ready").asBoolean()).isFalse();
    assertThat(json.get("findings")).hasSize(2);
    assertThat(json.get("versions").get(1).get("images").get(0).get("pulled").asBoolean())
        .isFalse();
  }

  @Test
  void junitFailsTheErrorFindingAndTheFailedPullOnly() throws Exception {
    String xml = new ValidationJUnit(REDACTOR).render(validation());
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(6);
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
  }

  @Test
  void noOutputCarriesASecretFromTheUsersFiles() {
    Validation v = validation();
    assertThat(new ValidationText(REDACTOR).render(v)).doesNotContain(SECRET);
    assertThat(new ValidationJson(REDACTOR).render(v)).doesNotContain(SECRET);
    assertThat(new ValidationJUnit(REDACTOR).render(v)).doesNotContain(SECRET);
  }
}
