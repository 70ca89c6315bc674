package dev.pullproof.helper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.helper.log.Invocations;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kubelet credential-provider protocol: request in, response with cache settings out. */
class KubeletProviderProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private static final String SCRIPT =
      """
      {"rules": [
        {"image": "*.corp.example/team/*", "answer": {"username": "k", "secret": "kp"},
         "cacheKeyType": "Image", "cacheDuration": "5m0s", "authKey": "*.corp.example"},
        {"server": "127.0.0.1:*", "answer": {"username": "local", "secret": "lp"}},
        {"image": "denied.test/**", "answer": {"error": "provider failed: quota", "exit": 7}}
      ]}
      """;

  @Test
  void answersACredentialProviderResponseWithTheRulesCacheSettings() throws Exception {
    Calls.Result r = new Calls(dir, SCRIPT).kubelet("reg.corp.example/team/app:1.0");
    assertThat(r.exit()).isZero();
    JsonNode response = JSON.readTree(r.stdout());
    assertThat(response.path("apiVersion").asText())
        .isEqualTo("credentialprovider.kubelet.k8s.io/v1");
    assertThat(response.path("kind").asText()).isEqualTo("CredentialProviderResponse");
    assertThat(response.path("cacheKeyType").asText()).isEqualTo("Image");
    assertThat(response.path("cacheDuration").asText()).isEqualTo("5m0s");
    assertThat(response.path("auth").path("*.corp.example").path("username").asText())
        .isEqualTo("k");
    assertThat(response.path("auth").path("*.corp.example").path("password").asText())
        .isEqualTo("kp");
  }

  @Test
  void serverRulesMatchTheImagesRegistryHostKeyedByThatHost() throws Exception {
    JsonNode response =
        JSON.readTree(new Calls(dir, SCRIPT).kubelet("127.0.0.1:5000/library/app:1.0").stdout());
    assertThat(response.path("cacheKeyType").asText()).isEqualTo("Registry");
    assertThat(response.path("auth").path("127.0.0.1:5000").path("username").asText())
        .isEqualTo("local");
  }

  @Test
  void notFoundIsAnEmptyAuthMap() throws Exception {
    Calls.Result r = new Calls(dir, SCRIPT).kubelet("docker.io/library/busybox:latest");
    assertThat(r.exit()).isZero();
    assertThat(JSON.readTree(r.stdout()).path("auth").size()).isZero();
  }

  @Test
  void errorsGoToStderrWithTheScriptedExitCode() throws Exception {
    assertThat(new Calls(dir, SCRIPT).kubelet("denied.test/a/b:1"))
        .isEqualTo(new Calls.Result(7, "", "provider failed: quota\n"));
  }

  @Test
  void aRequestOfAnotherApiVersionIsRefused() throws Exception {
    Calls calls = new Calls(dir, SCRIPT);
    Calls.Result r =
        calls.run(
            List.of("--script", calls.script.toString(), "--log", calls.log.toString(), "kubelet"),
            "{\"apiVersion\":\"credentialprovider.kubelet.k8s.io/v1alpha1\",\"kind\":\"CredentialProviderRequest\",\"image\":\"a/b\"}");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.stderr())
        .contains("expected apiVersion credentialprovider.kubelet.k8s.io/v1")
        .contains("v1alpha1");
    assertThat(Invocations.read(calls.log).get(0).protocol()).isEqualTo("kubelet");
  }
}
