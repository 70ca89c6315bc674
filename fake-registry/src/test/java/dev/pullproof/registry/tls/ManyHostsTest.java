package dev.pullproof.registry.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Several TLS registries at once, each on its own loopback address and the real HTTPS port, each
 * reached by the name it impersonates (connect to the IP, SNI and Host carry the name). The
 * addresses are this test's own range: the harness leases shared ones.
 */
class ManyHostsTest {
  private static final List<String> NAMES =
      List.of("registry-1.docker.io", "mirror.corp.example", "ghcr.io");

  @Test
  void threeImpersonatedNamesServeOnPort443AtOnce() throws Exception {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "port 443 needs root (CI runs as root)");
    CertificateAuthority ca = CertificateAuthority.create("pullproof run CA", Clock.systemUTC());
    List<String> addresses = List.of("127.0.97.1", "127.0.97.2", "127.0.97.3");
    List<FakeRegistry> registries = new ArrayList<>();
    try {
      for (int i = 0; i < NAMES.size(); i++) {
        registries.add(
            FakeRegistry.builder()
                .host(addresses.get(i))
                .port(443)
                .tls(TlsConfig.of(ca, NAMES.get(i)))
                .start());
      }
      NamedTlsClient client = new NamedTlsClient(TlsConfig.clientContext(ca));
      for (int i = 0; i < NAMES.size(); i++) {
        NamedTlsClient.Answer answer = client.get(addresses.get(i), 443, NAMES.get(i), "/v2/");

        assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(registries.get(i).url()).isEqualTo("https://" + addresses.get(i) + ":443");
        assertThat(registries.get(i).journal().all())
            .extracting(e -> e.host())
            .containsExactly(NAMES.get(i) + ":443");
      }
      assertThat(registries).extracting(FakeRegistry::url).doesNotHaveDuplicates();
    } finally {
      registries.forEach(FakeRegistry::close);
    }
  }
}
