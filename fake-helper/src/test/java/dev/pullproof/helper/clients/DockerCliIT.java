package dev.pullproof.helper.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.helper.log.Invocation;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.testing.Needs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debian's docker CLI calling the installed helper: {@code docker login} stores through {@code
 * credsStore} and {@code credHelpers}, {@code docker pull} through the local engine gets the
 * credentials and the fake registry sees them arrive. The failure messages asserted here are the
 * ones docker 20.10 printed when these tests were written.
 */
@Needs(docker = true, clients = "docker")
class DockerCliIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  @TempDir static Path shared;
  private static InstalledHelper helper;
  private static Client docker;

  @TempDir Path config;
  private FakeRegistry registry;

  @BeforeAll
  static void installHelper() throws Exception {
    docker = Client.require("docker");
    helper = InstalledHelper.install(shared);
  }

  @BeforeEach
  void forgetEarlierCalls() throws Exception {
    helper.reset();
  }

  @AfterEach
  void removePulledImageAndRegistry() throws Exception {
    if (registry != null) {
      docker.run(Map.of(), "", TIMEOUT, "rmi", "--force", ref());
      registry.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"credsStore", "credHelpers"})
  void loginStoresTheCredentialsThroughTheHelper(String how) throws Exception {
    registry = Registries.BASIC.start();
    useHelper(how);

    Client.Result r = login();

    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.stdout()).contains("Login Succeeded");
    assertThat(Files.readString(helper.store()))
        .contains(registry.hostAndPort())
        .contains(Registries.PASSWORD);
    Invocation store = onlyCall("store");
    assertThat(store.request())
        .contains(registry.hostAndPort())
        .contains("<redacted>")
        .doesNotContain(Registries.PASSWORD);
    assertThat(store.env()).containsEntry("DOCKER_CONFIG", config.toString());
    assertThat(Registries.identities(registry, "basic")).containsExactly(Registries.USER);
  }

  @Test
  void logoutErasesEverySpellingOfTheAddress() throws Exception {
    registry = Registries.BASIC.start();
    useHelper("credsStore");
    login();

    Client.Result r = docker.run(env(), "", TIMEOUT, "logout", registry.hostAndPort());

    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.stdout()).contains("Removing login credentials for " + registry.hostAndPort());
    // docker 20.10 erases every spelling of the address; the helper's not-found for the ones it
    // never stored is ignored.
    String host = registry.hostAndPort();
    assertThat(helper.invocations())
        .filteredOn(i -> i.command().equals("erase"))
        .extracting(i -> i.request() + " -> " + i.exit().getAsInt())
        .containsExactly(
            host + " -> 0",
            host + " -> 1",
            "http://" + host + " -> 1",
            "https://" + host + " -> 1");
    assertThat(Files.readString(helper.store())).doesNotContain(registry.hostAndPort());
  }

  @ParameterizedTest
  @EnumSource(Registries.class)
  void pullGetsTheCredentialsAndTheRegistrySeesThem(Registries auth) throws Exception {
    registry = auth.start();
    useHelper("credHelpers");
    helper.answer(registry.hostAndPort(), "{\"username\": \"alice\", \"secret\": \"s3cret-pw\"}");

    Client.Result r = docker.run(env(), "", TIMEOUT, "pull", ref());

    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.stdout()).contains("Downloaded newer image for " + ref());
    Invocation get = onlyCall("get");
    assertThat(get.request()).isEqualTo(registry.hostAndPort());
    assertThat(get.answerKind()).isEqualTo("credentials");
    assertThat(Registries.identities(registry, auth.scheme())).containsExactly(Registries.USER);
  }

  /** The engine uses an identity token as an OAuth2 refresh token at the registry's token realm. */
  @Test
  void pullExchangesAnIdentityTokenAtTheTokenEndpoint() throws Exception {
    registry = Registries.TOKEN.start();
    useHelper("credHelpers");
    helper.answer(
        registry.hostAndPort(), "{\"token\": \"" + Registries.refreshToken(registry) + "\"}");

    Client.Result r = docker.run(env(), "", TIMEOUT, "pull", ref());

    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(onlyCall("get").answerKind()).isEqualTo("identity-token");
    registry.journal().assertRequested("POST /token -> 200");
    registry.journal().assertNotRequested("GET /token");
    assertThat(Registries.identities(registry, "bearer")).containsExactly(Registries.USER);
  }

  @Test
  void anIdentityTokenTheRealmDoesNotKnowIsRefused() throws Exception {
    registry = Registries.TOKEN.start();
    useHelper("credHelpers");
    helper.answer(registry.hostAndPort(), "{\"token\": \"not-a-refresh-token\"}");

    Client.Result r = docker.run(env(), "", TIMEOUT, "pull", ref());

    assertThat(r.exit()).as(r.describe()).isEqualTo(1);
    assertThat(r.stderr()).contains("unauthorized: authentication required");
    registry.journal().assertRequested("POST /token -> 401");
    assertThat(Registries.identities(registry, "bearer")).isEmpty();
  }

  @Test
  void pullWorksWhenTheAnswerLeavesOutServerUrl() throws Exception {
    registry = Registries.BASIC.start();
    useHelper("credsStore");
    helper.answer(
        "**", "{\"username\": \"alice\", \"secret\": \"s3cret-pw\", \"serverUrl\": false}");

    Client.Result r = docker.run(env(), "", TIMEOUT, "pull", ref());

    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(Registries.identities(registry, "basic")).containsExactly(Registries.USER);
  }

  /**
   * docker 20.10 ignores what a failing helper says when pulling: it pulls anonymously and the
   * engine reports the registry's refusal. The helper was called; the registry saw no identity.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not-found | \"not-found\"",
        "error     | {\"error\": \"keychain is locked\", \"exit\": 3}",
        "malformed | \"malformed\"",
        "empty     | \"empty\"",
        "signal    | {\"signal\": \"KILL\"}"
      })
  void aFailingHelperMakesThePullAnonymous(String kind, String answer) throws Exception {
    registry = Registries.BASIC.start();
    useHelper("credHelpers");
    helper.answer(registry.hostAndPort(), answer);

    Client.Result r = docker.run(env(), "", TIMEOUT, "pull", ref());

    assertThat(r.exit()).as(r.describe()).isEqualTo(1);
    assertThat(r.stderr())
        .contains(
            "Error response from daemon: Head \""
                + registry.url()
                + "/v2/library/app/manifests/1.0\": no basic auth credentials");
    assertThat(onlyCall("get").answerKind()).isEqualTo(kind);
    assertThat(Registries.identities(registry, "basic")).isEmpty();
  }

  @Test
  void aHangingHelperHangsThePullUntilTheCallerGivesUp() throws Exception {
    registry = Registries.BASIC.start();
    useHelper("credHelpers");
    helper.answer(registry.hostAndPort(), "{\"hang\": \"2m\"}");

    Client.Result r = docker.run(env(), "", Duration.ofSeconds(8), "pull", ref());

    assertThat(r.timedOut()).as(r.describe()).isTrue();
    assertThat(onlyCall("get").answerKind()).isEqualTo("hang");
    assertThat(registry.journal().all()).isEmpty();
  }

  @Test
  void aHelperRefusingToStoreFailsTheLoginWithItsMessage() throws Exception {
    registry = Registries.BASIC.start();
    useHelper("credsStore");
    helper.script(
        "{\"rules\": [{\"command\": \"store\", \"server\": \"**\", \"answer\": {\"error\": \"read-only keychain\"}}]}");

    Client.Result r = login();

    assertThat(r.exit()).as(r.describe()).isEqualTo(1);
    assertThat(r.stderr())
        .contains(
            "Error saving credentials: error storing credentials - err: exit status 1, out: `read-only keychain`");
    assertThat(onlyCall("store").answerKind()).isEqualTo("error");
  }

  private Invocation onlyCall(String command) {
    List<Invocation> calls = helper.invocations();
    assertThat(calls).as("helper calls").extracting(Invocation::command).containsOnly(command);
    assertThat(calls).hasSize(1);
    return calls.get(0);
  }

  private void useHelper(String how) throws Exception {
    String json =
        how.equals("credsStore")
            ? "{\"credsStore\": \"" + InstalledHelper.NAME + "\"}"
            : "{\"credHelpers\": {\""
                + registry.hostAndPort()
                + "\": \""
                + InstalledHelper.NAME
                + "\"}}";
    Files.writeString(config.resolve("config.json"), json);
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(helper.path());
    env.put("DOCKER_CONFIG", config.toString());
    return env;
  }

  private String ref() {
    return registry.hostAndPort() + "/" + Registries.IMAGE;
  }

  /** {@code docker login} to the test registry as the test user, password on stdin. */
  private Client.Result login() throws Exception {
    return docker.run(
        env(),
        Registries.PASSWORD + "\n",
        TIMEOUT,
        "login",
        "--username",
        Registries.USER,
        "--password-stdin",
        registry.hostAndPort());
  }
}
