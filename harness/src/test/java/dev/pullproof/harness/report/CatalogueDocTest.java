package dev.pullproof.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated failure catalogue, from hand-built (synthetic) results. */
class CatalogueDocTest {
  @TempDir Path dir;

  private static final String ERROR =
      "synthetic: failed to do request: Head \"http://127.0.0.4:33719/v2/app\": reset | s3cret";

  private List<RunResult> results() throws Exception {
    Files.writeString(dir.resolve("README.md"), "# Credential helpers\n\nintro\n");
    Scenario fix =
        Results.scenario(
            dir,
            "helper-fix",
            "name = \"helper fix\"\nversions = [\"1.6\", \"2\"]\n[[pull]]\nimage = \"r.test/a:1\"\n");
    Scenario reproduce =
        Results.scenario(
            dir,
            "helper-reproduce",
            """
            name = "helper named in hosts.toml"
            summary = "credential_helper key"
            versions = ["1.6", "2"]
            [[pull]]
            image = "r.test/a:1"
            [doc]
            why = "containerd has no such key."
            fixes = ["helper-fix.toml"]
            [doc.claim]
            text = "the helper is run"
            source = "write-up, Fix 1"
            holds_if = "success"
            """);
    return List.of(
        result(reproduce, ContainerdVersion.V1_6, false),
        result(reproduce, ContainerdVersion.V2, true),
        result(fix, ContainerdVersion.V1_6, true),
        result(fix, ContainerdVersion.V2, true));
  }

  private static RunResult result(Scenario s, ContainerdVersion f, boolean ok) {
    return Results.judged(
        s,
        f,
        Results.outcome(
            List.of(Results.attempt(1, ok, ok ? "" : ERROR, 0, 100)), Map.of(), "", List.of()));
  }

  private String render() throws Exception {
    return new CatalogueDoc(Redactor.of(Set.of("s3cret")), "./pullproof run x --doc d.md")
        .render(results());
  }

  @Test
  void aClaimIsJudgedPerVersionFromWhatThePullsDid() throws Exception {
    assertThat(render())
        .contains("| the helper is run | write-up, Fix 1 | `helper-reproduce` | false | true |");
  }

  @Test
  void scenariosAreGroupedUnderTheirReadmeHeadingWithWhyAndTheFixVerdicts() throws Exception {
    String md = render();
    assertThat(md).contains("## Credential helpers", "**Why:** containerd has no such key.");
    assertThat(md).contains("**Fix:** [helper-fix](#helper-fix): 1.6 pulls, 2 pulls");
    assertThat(md.indexOf("### helper-fix")).isGreaterThan(md.indexOf("## Credential helpers"));
  }

  @Test
  void messagesAreVerbatimButForLoopbackAddressesAndSecrets() throws Exception {
    String md = render();
    assertThat(md)
        .contains(
            "synthetic: failed to do request: Head \"http://&lt;loopback>/v2/app\": reset \\|")
        .doesNotContain("127.0.0.4", "s3cret");
  }

  @Test
  void theHeaderSaysHowToRegenerateButNotWhenTheRunHappened() throws Exception {
    assertThat(render())
        .contains("2 scenarios (4 runs)", "`./pullproof run x --doc d.md`")
        .doesNotContain("2026-01-01", " s: ");
  }

  @Test
  void portsTimesAndAddressesThatChangeFromRunToRunAreNormalised() {
    CatalogueDoc doc = new CatalogueDoc(Redactor.of(Set.of()), "x");
    assertThat(
            doc.clean(
                "Head \"http://127.0.0.5:41771/v2/a/blobs/sha256:0b?ns=127.0.0.5%3A41771\": 503"))
        .isEqualTo("Head \"http://<loopback>/v2/a/blobs/sha256:0b?ns=<loopback>\": 503");
    assertThat(
            doc.clean(
                "time=\"2026-11-27T23:35:11Z\" level=info; x509: certificate has expired or is"
                    + " not yet valid: current time 2026-11-27T23:36:55Z is after"
                    + " 2026-11-26T23:36:54.123+01:00"))
        .isEqualTo(
            "time=\"<time>\" level=info; x509: certificate has expired or is not yet valid:"
                + " current time <time> is after <time>");
  }

  @Test
  void fixLinksUseTheAnchorsMarkdownGivesHeadings() {
    assertThat(CatalogueDoc.slug("writeup/step1-config_v2 fix"))
        .isEqualTo("writeupstep1-config_v2-fix");
  }
}
