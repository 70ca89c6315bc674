package dev.pullproof.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.kubelet.HelperCredentialsFactory;
import dev.pullproof.harness.node.ContainerdNodeFactory;
import dev.pullproof.harness.report.Redactor;
import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.testing.Needs;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One scenario seeded with every kind of credential a scenario can carry (basic and token users'
 * passwords, a pull secret and a wrong one, a credential provider's answer, mirror credentials, a
 * static Basic header in hosts.toml, registry.configs auth in config.toml) runs through the real
 * {@code pullproof run} on real containerd 1.6, 1.7 and 2, writing every report (console,
 * junit.xml, report.md, report.html, SVG timelines, the catalogue page). Every byte of every output
 * is searched for each secret, raw and base64-encoded: there must be no hit.
 */
@Needs(docker = true)
class EndToEndSecretHygieneIT {
  private static final String STATIC_PAIR = "static:StaticPw-s7-13";

  /** user -> password, as the scenario seeds them. */
  private static final Map<String, String> SECRETS = new LinkedHashMap<>();

  static {
    SECRETS.put("bob", "BasicPw-b0b-91");
    SECRETS.put("bob ", "WrongPw-x8-64"); // the same user with a wrong password
    SECRETS.put("helper", "HelperPw-h3-77");
    SECRETS.put("static", "StaticPw-s7-13");
    SECRETS.put("conf", "ConfigPw-c9-21");
    SECRETS.put("mirror", "MirrorPw-m1-55");
  }

  @TempDir Path dir;

  @Test
  @Timeout(300)
  void noOutputOfARealRunContainsASeededSecret() throws Exception {
    Path scenario = dir.resolve("in/seeded-secrets.toml");
    Files.createDirectories(scenario.getParent());
    try (InputStream in = getClass().getResourceAsStream("/secret-hygiene/seeded-secrets.toml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Files.writeString(scenario, text.replace("@STATIC_BASIC@", b64(STATIC_PAIR)));
    }
    Path report = dir.resolve("out/report");
    Path doc = dir.resolve("out/failure-catalogue.md");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        PullproofCli.commandLine(
            new Harness(
                Optional.of(new ContainerdNodeFactory()), new HelperCredentialsFactory()::create),
            Clock.systemUTC(),
            new PrintStream(progress, true, StandardCharsets.UTF_8),
            Runnable::run);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit =
        cli.execute(
            "run", scenario.toString(), "--report", report.toString(), "--doc", doc.toString());

    String console = progress.toString(StandardCharsets.UTF_8) + out + err;
    assertThat(exit).as(console).isEqualTo(ExitCode.OK);
    // The run did what the secrets are for: 5 of 6 pulls succeed on every version (the wrong
    // password is refused), so the credentials really travelled through containerd.
    assertThat(console).contains("pulled 5 of 6").contains("401 Unauthorized");

    Map<String, byte[]> outputs = new LinkedHashMap<>();
    outputs.put("console", console.getBytes(StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        outputs.put(dir.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    assertThat(outputs.keySet())
        .contains(
            "out/report/junit.xml",
            "out/report/report.md",
            "out/report/report.html",
            "out/report/timelines/seeded-secrets-1.6.svg",
            "out/report/timelines/seeded-secrets-2.svg",
            "out/failure-catalogue.md",
            "out/explain-signatures.json");
    // --doc repeats the runs at debug level, whose log shows every request's headers: the
    // signatures hold the evidence of both levels, checked below for every secret like the rest.
    assertThat(new String(outputs.get("out/explain-signatures.json"), StandardCharsets.UTF_8))
        .contains("\"level\" : \"info\"")
        .contains("\"level\" : \"debug\"");

    List<String> hits = new ArrayList<>();
    for (String form : forms()) {
      byte[] needle = form.getBytes(StandardCharsets.UTF_8);
      outputs.forEach(
          (name, bytes) -> {
            if (indexOf(bytes, needle) >= 0) {
              hits.add(name + " contains " + form);
            }
          });
    }
    assertThat(hits).isEmpty();
    // And the redactor built from the scenario knows every one of them.
    Redactor redactor = Redactor.forScenarios(List.of(new ScenarioParser().parse(scenario)));
    for (String form : forms()) {
      assertThat(redactor.redact(form)).as(form).isEqualTo(Redactor.MASK);
    }
  }

  /** Each password raw and base64; each user:password raw and base64 (both alphabets). */
  private static List<String> forms() {
    List<String> forms = new ArrayList<>();
    SECRETS.forEach(
        (user, password) -> {
          String pair = user.trim() + ":" + password;
          forms.add(password);
          forms.add(b64(password));
          forms.add(pair);
          forms.add(b64(pair));
          forms.add(Base64.getUrlEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        });
    return forms;
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
