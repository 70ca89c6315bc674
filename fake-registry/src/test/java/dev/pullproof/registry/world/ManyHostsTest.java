package dev.pullproof.registry.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.tls.CertificateAuthority;
import dev.pullproof.registry.tls.NamedTlsClient;
import dev.pullproof.registry.tls.TlsConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Several TLS registries at once, each on its own leased loopback address and the real HTTPS port,
 * each reached by the name it impersonates (connect to the IP, SNI and Host carry the name).
 */
class ManyHostsTest {
  private static final List<String> NAMES =
      List.of("registry-1.docker.io", "mirror.corp.example", "ghcr.io");

  @Test
  void threeImpersonatedNamesServeOnPort443AtOnce() throws Exception {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "port 443 needs root (CI runs as root)");
    CertificateAuthority ca = CertificateAuthority.create("pullproof run CA", Clock.systemUTC());
    LoopbackAllocator allocator = LoopbackAllocator.shared();
    List<LoopbackAddress> leases = new ArrayList<>();
    List<FakeRegistry> registries = new ArrayList<>();
    try {
      for (String name : NAMES) {
        LoopbackAddress lease = allocator.lease(443);
        leases.add(lease);
        registries.add(
            FakeRegistry.builder()
                .host(lease.host())
                .port(443)
                .tls(TlsConfig.of(ca, name))
                .start());
      }
      NamedTlsClient client = new NamedTlsClient(TlsConfig.clientContext(ca));
      for (int i = 0; i < NAMES.size(); i++) {
        NamedTlsClient.Answer answer = client.get(leases.get(i).host(), 443, NAMES.get(i), "/v2/");

        assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(registries.get(i).url()).isEqualTo("https://" + leases.get(i).host() + ":443");
        assertThat(registries.get(i).journal().all())
            .extracting(e -> e.host())
            .containsExactly(NAMES.get(i) + ":443");
      }
      assertThat(leases).extracting(LoopbackAddress::host).doesNotHaveDuplicates();
    } finally {
      registries.forEach(FakeRegistry::close);
      leases.forEach(LoopbackAddress::close);
    }
  }
}
