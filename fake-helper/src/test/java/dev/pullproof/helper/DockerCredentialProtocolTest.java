package dev.pullproof.helper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.helper.log.Invocation;
import dev.pullproof.helper.log.Invocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker-credential protocol's formats, error convention and store, one call at a time. */
class DockerCredentialProtocolTest {
  @TempDir Path dir;

  private static final String SCRIPT =
      """
      {"rules": [
        {"server": "registry.test", "answer": {"username": "alice", "secret": "s3cret"}},
        {"server": "hub.test", "answer": {"token": "id-token-1"}},
        {"server": "bare.test", "answer": {"username": "u", "secret": "p", "serverUrl": false}},
        {"server": "gone.test", "answer": "not-found"},
        {"server": "locked.test", "answer": {"error": "keychain is locked", "exit": 42}},
        {"server": "empty.test", "answer": "empty"},
        {"server": "broken.test", "answer": {"malformed": "{\\"Username\\": "}},
        {"server": "slow.test", "answer": {"username": "u", "secret": "p", "delay": "20ms"}},
        {"server": "flaky.test", "sequence": [
          {"times": 2, "answer": {"error": "temporarily unavailable"}},
          {"answer": {"username": "u", "secret": "p"}}]},
        {"server": "hang.test", "answer": {"hang": "3s"}},
        {"server": "crash.test", "answer": {"signal": "SIGKILL"}},
        {"command": "store", "server": "readonly.test", "answer": {"error": "read-only keychain"}}
      ]}
      """;

  @Test
  void getAnswersCredentialsEchoingTheRequestedServerUrl() throws Exception {
    Calls calls = new Calls(dir, SCRIPT);
    Calls.Result r = calls.docker("get", "https://registry.test/v1/\n");
    assertThat(r.exit()).isZero();
    assertThat(r.stdout())
        .isEqualTo(
            "{\"ServerURL\":\"https://registry.test/v1/\",\"Username\":\"alice\",\"Secret\":\"s3cret\"}\n");
  }

  @Test
  void anIdentityTokenIsTheTokenUser() throws Exception {
    Calls.Result r = new Calls(dir, SCRIPT).docker("get", "hub.test");
    assertThat(r.stdout())
        .isEqualTo(
            "{\"ServerURL\":\"hub.test\",\"Username\":\"<token>\",\"Secret\":\"id-token-1\"}\n");
  }

  @Test
  void serverUrlCanBeLeftOut() throws Exception {
    assertThat(new Calls(dir, SCRIPT).docker("get", "bare.test").stdout())
        .isEqualTo("{\"Username\":\"u\",\"Secret\":\"p\"}\n");
  }

  @Test
  void notFoundIsTheExactTextWithExitOne() throws Exception {
    Calls calls = new Calls(dir, SCRIPT);
    assertThat(calls.docker("get", "gone.test"))
        .isEqualTo(new Calls.Result(1, "credentials not found in native keychain\n", ""));
    assertThat(calls.docker("get", "unscripted.test").stdout())
        .isEqualTo("credentials not found in native keychain\n");
  }

  @Test
  void errorsPutTheMessageOnStdoutWithTheScriptedExitCode() throws Exception {
    assertThat(new Calls(dir, SCRIPT).docker("get", "locked.test"))
        .isEqualTo(new Calls.Result(42, "keychain is locked\n", ""));
  }

  @Test
  void emptyAndMalformedAnswersAreWrittenVerbatim() throws Exception {
    Calls calls = new Calls(dir, SCRIPT);
    assertThat(calls.docker("get", "empty.test")).isEqualTo(new Calls.Result(0, "", ""));
    assertThat(calls.docker("get", "broken.test"))
        .isEqualTo(new Calls.Result(0, "{\"Username\": ", ""));
  }

  @Test
  void aSequenceFailsTwiceThenAnswersAcrossSeparateCalls() throws Exception {
    Calls calls = new Calls(dir, SCRIPT);
    assertThat(calls.docker("get", "flaky.test").exit()).isEqualTo(1);
    assertThat(calls.docker("get", "flaky.test").stdout()).isEqualTo("temporarily unavailable\n");
    assertThat(calls.docker("get", "flaky.test").exit()).isZero();
    assertThat(calls.docker("get", "flaky.test").exit()).isZero();
  }

  @Test
  void hangAndCrashAreRecordedBeforeTheyHappen() throws Exception {
    Calls calls = new Calls(dir, SCRIPT);
    calls.docker("get", "hang.test");
    calls.docker("get", "crash.test");
    assertThat(calls.endings).containsExactly("hang PT3S", "signal KILL");
    List<Invocation> log = Invocations.read(calls.log);
    assertThat(log).extracting(Invocation::answerKind).containsExactly("hang", "signal");
    assertThat(log.get(0).exit()).isEmpty();
    assertThat(log.get(1).signal()).contains("KILL");
  }

  @Test
  void storeThenGetListAndEraseUseTheFileBackedStore() throws Exception {
    Calls calls = new Calls(dir, SCRIPT);
    String creds = "{\"ServerURL\":\"mine.test:5000\",\"Username\":\"bob\",\"Secret\":\"pw-1\"}";
    assertThat(calls.docker("store", creds)).isEqualTo(new Calls.Result(0, "", ""));
    assertThat(calls.docker("get", "mine.test:5000").stdout())
        .isEqualTo("{\"ServerURL\":\"mine.test:5000\",\"Username\":\"bob\",\"Secret\":\"pw-1\"}\n");
    assertThat(calls.docker("list", "").stdout()).isEqualTo("{\"mine.test:5000\":\"bob\"}\n");
    assertThat(Files.readString(dir.resolve("script.json.store.json"))).contains("pw-1");
    assertThat(calls.docker("erase", "mine.test:5000").exit()).isZero();
    assertThat(calls.docker("get", "mine.test:5000").exit()).isEqualTo(1);
    assertThat(calls.docker("erase", "mine.test:5000").stdout())
        .isEqualTo("credentials not found in native keychain\n");
  }

  @Test
  void storeRefusesRequestsWithoutServerUrlOrUsernameAsRealHelpersDo() throws Exception {
    Calls calls = new Calls(dir, SCRIPT);
    assertThat(calls.docker("store", "{\"Username\":\"u\",\"Secret\":\"s\"}"))
        .isEqualTo(new Calls.Result(1, "no credentials server URL\n", ""));
    assertThat(calls.docker("store", "{\"ServerURL\":\"x.test\",\"Secret\":\"s\"}"))
        .isEqualTo(new Calls.Result(1, "no credentials username\n", ""));
    assertThat(calls.docker("get", "  ").stdout()).isEqualTo("no credentials server URL\n");
  }

  @Test
  void aStoreRuleCanRefuseToStore() throws Exception {
    Calls calls = new Calls(dir, SCRIPT);
    String creds = "{\"ServerURL\":\"readonly.test\",\"Username\":\"bob\",\"Secret\":\"pw\"}";
    assertThat(calls.docker("store", creds))
        .isEqualTo(new Calls.Result(1, "read-only keychain\n", ""));
    assertThat(calls.docker("get", "readonly.test").exit()).isEqualTo(1);
  }

  @Test
  void aCorruptStoreIsAnErrorNamingTheFile() throws Exception {
    Calls calls = new Calls(dir, SCRIPT);
    Files.writeString(dir.resolve("script.json.store.json"), "[1, 2]");
    Calls.Result r = calls.docker("get", "unscripted.test");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.stdout())
        .startsWith("fake-helper: cannot use the file " + dir.resolve("script.json.store.json"))
        .contains("expected a JSON object");
  }

  @Test
  void anUnwritableLogIsAWarningAndTheAnswerStillComes() throws Exception {
    Calls calls = new Calls(dir, SCRIPT);
    Files.createDirectories(calls.log);
    Calls.Result r = calls.docker("get", "registry.test");
    assertThat(r.exit()).isZero();
    assertThat(r.stdout()).contains("\"Username\":\"alice\"");
    assertThat(r.stderr())
        .startsWith("fake-helper: cannot append to the invocation log " + calls.log);
  }

  @Test
  void versionNamesTheHelper() throws Exception {
    Calls calls = new Calls(dir, SCRIPT);
    Calls.Result r =
        calls.run(List.of("--script", calls.script.toString(), "--name", "corp", "version"), "");
    assertThat(r.stdout()).isEqualTo("docker-credential-corp (pullproof fake-helper) 0.1.0\n");
  }

  @Test
  void theLogRecordsEachCallWithSecretsRedactedAndTheEnvironment() throws Exception {
    Calls calls = new Calls(dir, SCRIPT);
    calls.docker("get", "registry.test");
    calls.docker(
        "store", "{\"ServerURL\":\"a.test\",\"Username\":\"bob\",\"Secret\":\"pw-secret\"}");
    calls.docker("get", "locked.test");

    List<Invocation> log = Invocations.read(calls.log);
    assertThat(log).hasSize(3);
    Invocation get = log.get(0);
    assertThat(get.protocol()).isEqualTo("docker-credential");
    assertThat(get.command()).isEqualTo("get");
    assertThat(get.request()).isEqualTo("registry.test");
    assertThat(get.rule()).isEqualTo("rules[0]");
    assertThat(get.answer())
        .containsEntry("kind", "credentials")
        .containsEntry("username", "alice");
    assertThat(get.exit()).hasValue(0);
    assertThat(get.time()).isEqualTo(Calls.NOW);
    assertThat(get.env())
        .containsEntry("PATH", "/opt/helpers:/usr/bin")
        .containsEntry("HOME", "/home/ci")
        .containsEntry("DOCKER_CONFIG", "/tmp/dc");
    assertThat(log.get(1).request()).contains("\"Secret\":\"<redacted>\"").contains("bob");
    assertThat(log.get(2).exit()).hasValue(42);
    assertThat(log.get(2).answer()).containsEntry("message", "keychain is locked");
    assertThat(Files.readString(calls.log)).doesNotContain("s3cret").doesNotContain("pw-secret");
  }
}
