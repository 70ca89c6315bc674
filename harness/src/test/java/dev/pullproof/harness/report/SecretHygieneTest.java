package dev.pullproof.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets seeded everywhere a run's data can carry them (error text, containerd log, helper log,
 * journal query, scenario summary) never reach a report file or the console.
 */
class SecretHygieneTest {
  @TempDir Path dir;

  static final String REGISTRY_PASSWORD = "Reg1stry-Pa55word";
  static final String PULL_SECRET = "pull-s3cret-7Q";
  static final String JWT =
      "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJjaSIsImF1ZCI6InJlZ2lzdHJ5In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
  static final String BASIC =
      Base64.getEncoder().encodeToString(("ci:" + PULL_SECRET).getBytes(StandardCharsets.UTF_8));

  @Test
  void noReportAndNoConsoleLineContainsASecret() throws Exception {
    Scenario s =
        Results.scenario(
            dir,
            "secrets",
            """
            name = "secrets"
            summary = "a careless summary naming %s"
            [registries.hub]
            auth = { type = "token", users = { ci = "%s" } }
            [[pull]]
            image = "r.test/app:1"
            secret = { username = "ci", password = "%s" }
            [expect]
            outcome = "success"
            log_absent = ["%s"]
            """
                .formatted(REGISTRY_PASSWORD, REGISTRY_PASSWORD, PULL_SECRET, PULL_SECRET));
    String error =
        "synthetic: 401 Unauthorized for ci:" + PULL_SECRET + " with Authorization: Basic " + BASIC;
    var outcome =
        Results.outcome(
            List.of(Results.attempt(1, false, error, 0, 50)),
            Results.journal(
                Results.entry("hub", 1, 1, "GET", "/v2/", "", 401),
                Results.entry("hub", 2, 5, "POST", "/token", "password=" + REGISTRY_PASSWORD, 200)),
            "synthetic log: auth header Bearer "
                + JWT
                + "\nsynthetic log: password "
                + PULL_SECRET
                + "\n",
            List.of("{\"synthetic\":\"helper answered " + REGISTRY_PASSWORD + "\"}"));
    List<RunResult> results = List.of(Results.judged(s, ContainerdVersion.V2, outcome));
    Redactor redactor = Redactor.forScenarios(List.of(s));

    new ReportWriter(redactor).write(results, dir.resolve("out"));
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ConsoleProgress progress =
        new ConsoleProgress(new PrintStream(console, true, StandardCharsets.UTF_8), redactor);
    progress.started(1);
    progress.finished(results.get(0), 1, 1);

    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
      for (Path f :
          files.filter(Files::isRegularFile).filter(f -> !f.endsWith(ReportDir.MARKER)).toList()) {
        texts.add(Files.readString(f));
      }
    }
    texts.add(console.toString(StandardCharsets.UTF_8));
    // junit.xml, report.md, report.html, the scenario's page, one timeline, results.json, console
    assertThat(texts).hasSize(7);
    for (String text : texts) {
      assertThat(text)
          .doesNotContain(REGISTRY_PASSWORD)
          .doesNotContain(PULL_SECRET)
          .doesNotContain(BASIC)
          .doesNotContain(JWT)
          .doesNotContain(JWT.substring(0, 30));
    }
    // Redaction hides the secrets, not the story around them (the console's line is clipped).
    assertThat(texts.subList(0, texts.size() - 1))
        .allSatisfy(t -> assertThat(t).contains("synthetic: 401 Unauthorized for ***"));
    assertThat(String.join("", texts)).contains("Basic ***").contains("password=***");
  }

  /**
   * Secrets that no registry user or pull secret repeats: mirror credentials, a static header and
   * registry.configs auth in containerd's files, a credential provider's answer. Each is known to
   * the redactor in every form.
   */
  @Test
  void secretsOnlyInMirrorsFilesAndHelperScriptsAreMasked() {
    String staticBasic =
        Base64.getEncoder().encodeToString("hdr:Static-0nly-pw".getBytes(StandardCharsets.UTF_8));
    String configAuth =
        Base64.getEncoder().encodeToString("cfg:Auth-0nly-pw".getBytes(StandardCharsets.UTF_8));
    Scenario s =
        Results.scenario(
            dir,
            "file-secrets",
            """
            name = "file-secrets"
            [registries.up]
            images = ["library/base:1.0"]
            [registries.mirror]
            mirror_of = { registry = "up", credentials = { username = "m", password = "Mirror-0nly-pw" } }
            [containerd.files]
            "config.toml" = \"""
            version = 2
            [plugins."io.containerd.grpc.v1.cri".registry.configs."r.test".auth]
              username = "conf"
              password = "Config-0nly-pw"
            [plugins."io.containerd.grpc.v1.cri".registry.configs."s.test".auth]
              auth = "%s"
              identitytoken = "Identity-0nly-token"
            \"""
            "certs.d/r.test/hosts.toml" = \"""
            [host."http://r.test".header]
              authorization = "Basic %s"
              x-token = "plain"
            \"""
            [[pull]]
            image = "{{up.address}}/library/base:1.0"
            credential_provider = { match_images = ["{{up.address}}"], script = \"""
            {"rules": [{"image": "**", "answer": {"username": "h", "secret": "Helper-0nly-pw"}}]}
            \""" }
            """
                .formatted(configAuth, staticBasic));
    Redactor redactor = Redactor.forScenarios(List.of(s));

    for (String secret :
        List.of(
            "Mirror-0nly-pw",
            "m:Mirror-0nly-pw",
            "Config-0nly-pw",
            "conf:Config-0nly-pw",
            "Auth-0nly-pw",
            configAuth,
            "Identity-0nly-token",
            "Static-0nly-pw",
            staticBasic,
            "Helper-0nly-pw",
            b64("h:Helper-0nly-pw"),
            b64("Helper-0nly-pw"),
            b64("m:Mirror-0nly-pw"))) {
      assertThat(redactor.redact("x " + secret + " y")).as(secret).isEqualTo("x *** y");
    }
    assertThat(redactor.redact("x-token plain")).isEqualTo("x-token plain");
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void tokenShapesAreMaskedButPlainWordsAfterTheSchemeNameStay() {
    Redactor r = Redactor.of(java.util.Set.of());
    assertThat(r.redact("Authorization: Bearer abcDEF123456ghi and Basic " + BASIC))
        .isEqualTo("Authorization: Bearer *** and Basic ***");
    assertThat(r.redact("no basic authentication credentials; bearer realm missing"))
        .isEqualTo("no basic authentication credentials; bearer realm missing");
  }

  @Test
  void aSecretContainingAnotherIsMaskedWhole() {
    Redactor r = Redactor.of(java.util.Set.of("abc", "xxabcxx"));
    assertThat(r.redact("1 xxabcxx 2 abc")).isEqualTo("1 *** 2 ***");
  }

  @Test
  void everyPullSecretFieldAndEveryWorldTokenIsMasked() {
    String auth = b64("ci:Auth-F1eld-pw");
    Scenario s =
        Results.scenario(
            dir,
            "fields",
            """
            name = "fields"
            [registries.hub]
            auth = { type = "token", users = { ci = "x" }, identity_tokens = { "World-Id-t0ken" = "ci" }, registry_tokens = { "World-Reg-t0ken" = "ci" } }
            [[pull]]
            image = "r.test/app:1"
            secret = { auth = "%s", identity_token = "Pull-Id-t0ken", registry_token = "Pull-Reg-t0ken" }
            """
                .formatted(auth));
    Redactor redactor = Redactor.forScenarios(List.of(s));

    for (String secret :
        List.of(
            auth,
            "Auth-F1eld-pw",
            "Pull-Id-t0ken",
            "Pull-Reg-t0ken",
            "World-Id-t0ken",
            "World-Reg-t0ken")) {
      assertThat(redactor.redact("x " + secret + " y"))
          .as(secret)
          .doesNotContain(secret)
          .contains("***");
    }
  }
}
