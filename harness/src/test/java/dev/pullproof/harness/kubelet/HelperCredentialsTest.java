package dev.pullproof.harness.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.run.Credentials;
import dev.pullproof.harness.run.KubeletCredentials;
import dev.pullproof.harness.run.KubeletCredentials.Resolution;
import dev.pullproof.harness.scenario.ContainerdFile;
import dev.pullproof.harness.scenario.PullAuth;
import dev.pullproof.helper.install.Installer;
import dev.pullproof.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The kubelet's provider logic against the real fake helper, installed as a provider launcher and
 * exec'd as a process: which images ask it, how often (its invocation log), and what it gives.
 */
class HelperCredentialsTest {
  private final ManualClock clock = new ManualClock();
  private final KubeletCredentials kubelet =
      new HelperCredentialsFactory(Installer.forThisJvm(), new ProcessPluginLauncher(), clock)
          .create();
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    kubelet.close();
  }

  private static PullAuth.CredentialProvider provider(String answer, String... globs) {
    return new PullAuth.CredentialProvider(
        List.of(globs),
        Duration.ofMinutes(2),
        new ContainerdFile(
            "helper.json", "{\"rules\": [{\"image\": \"**\", " + answer + "}]}", "test"));
  }

  private static String creds(String keyType, String duration) {
    return "\"answer\": {\"username\": \"ci\", \"secret\": \"pw\"}, \"cacheKeyType\": \""
        + keyType
        + "\", \"cacheDuration\": \""
        + duration
        + "\"";
  }

  private Resolution resolve(PullAuth.CredentialProvider p, String image) throws Exception {
    Resolution r = kubelet.resolve(p, image);
    log.addAll(r.helperLog());
    return r;
  }

  @Test
  void registryKeyServesEveryImageOfTheRegistryUntilItExpires() throws Exception {
    PullAuth.CredentialProvider p = provider(creds("Registry", "5m0s"), "*.test");
    assertThat(resolve(p, "a.test/team/app:1.0").credentials())
        .contains(new Credentials("ci", "pw"));
    assertThat(resolve(p, "a.test/team/other:2.0").credentials())
        .contains(new Credentials("ci", "pw"));
    assertThat(log).hasSize(1);
    resolve(p, "b.test/team/app:1.0");
    assertThat(log).hasSize(2);
    clock.advance(Duration.ofMinutes(5));
    resolve(p, "a.test/team/app:1.0");
    assertThat(log).hasSize(3);
  }

  @Test
  void imageKeyServesOnlyTheSameImage() throws Exception {
    PullAuth.CredentialProvider p = provider(creds("Image", "5m0s"), "*.test");
    resolve(p, "a.test/team/app:1.0");
    resolve(p, "a.test/team/app:1.0");
    assertThat(log).hasSize(1);
    resolve(p, "a.test/team/app:2.0");
    assertThat(log).hasSize(2);
  }

  @Test
  void globalKeyServesEveryRegistry() throws Exception {
    PullAuth.CredentialProvider p = provider(creds("Global", "1h"), "*.test");
    resolve(p, "a.test/team/app:1.0");
    resolve(p, "b.test/x/y:1");
    assertThat(log).hasSize(1);
  }

  @Test
  void zeroCacheDurationAsksOnEveryPull() throws Exception {
    PullAuth.CredentialProvider p = provider(creds("Registry", "0s"), "*.test");
    for (int i = 0; i < 3; i++) {
      assertThat(resolve(p, "a.test/team/app:1.0").credentials()).isPresent();
    }
    assertThat(log).hasSize(3);
  }

  @Test
  void aResponseWithoutDurationIsCachedForTheProvidersDefault() throws Exception {
    String response =
        "{\\\"apiVersion\\\": \\\"credentialprovider.kubelet.k8s.io/v1\\\", \\\"kind\\\":"
            + " \\\"CredentialProviderResponse\\\", \\\"cacheKeyType\\\": \\\"Registry\\\","
            + " \\\"auth\\\": {\\\"*.test\\\": {\\\"username\\\": \\\"u\\\", \\\"password\\\":"
            + " \\\"p\\\"}}}";
    PullAuth.CredentialProvider p =
        provider("\"answer\": {\"malformed\": \"" + response + "\"}", "*.test");
    assertThat(resolve(p, "a.test/app:1").credentials()).contains(new Credentials("u", "p"));
    clock.advance(Duration.ofMinutes(1));
    resolve(p, "a.test/app:1");
    assertThat(log).hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    resolve(p, "a.test/app:1");
    assertThat(log).hasSize(2);
  }

  @Test
  void theMostSpecificAuthKeyMatchingTheImageIsUsed() throws Exception {
    String response =
        "{\\\"apiVersion\\\": \\\"credentialprovider.kubelet.k8s.io/v1\\\", \\\"kind\\\":"
            + " \\\"CredentialProviderResponse\\\", \\\"cacheKeyType\\\": \\\"Image\\\","
            + " \\\"cacheDuration\\\": \\\"0s\\\", \\\"auth\\\": {"
            + "\\\"*.test\\\": {\\\"username\\\": \\\"any\\\", \\\"password\\\": \\\"1\\\"},"
            + "\\\"a.test/team\\\": {\\\"username\\\": \\\"team\\\", \\\"password\\\": \\\"2\\\"},"
            + "\\\"a.test/other\\\": {\\\"username\\\": \\\"other\\\", \\\"password\\\": \\\"3\\\"}}}";
    PullAuth.CredentialProvider p =
        provider("\"answer\": {\"malformed\": \"" + response + "\"}", "*.test");
    assertThat(resolve(p, "a.test/team/app:1").credentials())
        .contains(new Credentials("team", "2"));
    assertThat(resolve(p, "b.test/team/app:1").credentials()).contains(new Credentials("any", "1"));
  }

  @Test
  void anImageNoGlobMatchesNeverRunsThePlugin() throws Exception {
    PullAuth.CredentialProvider p = provider(creds("Registry", "5m0s"), "*.test");
    assertThat(resolve(p, "127.0.0.2:5000/team/app:1.0").credentials()).isEmpty();
    assertThat(resolve(p, "a.b.test/team/app:1.0").credentials()).isEmpty();
    assertThat(log).isEmpty();
  }

  @Test
  void aFailingPluginGivesNoCredentialsAndIsNotCached() throws Exception {
    PullAuth.CredentialProvider p =
        provider("\"answer\": {\"error\": \"keychain is locked\", \"exit\": 3}", "*.test");
    assertThat(resolve(p, "a.test/app:1").credentials()).isEmpty();
    assertThat(resolve(p, "a.test/app:1").credentials()).isEmpty();
    assertThat(log).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"exit\":3"));
  }
}
