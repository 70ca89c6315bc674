package dev.pullproof.harness.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes that fix the same port take turns; a port something else holds is "could not check". */
class PortLeasesTest {
  @TempDir Path locks;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void aSecondNodeFixingTheSamePortWaitsUntilTheFirstIsGone() throws Exception {
    PortLeases leases = new PortLeases(locks, Duration.ofSeconds(10), Clock.systemUTC());
    var port = List.of(new FixedPorts.Port("127.0.0.1", freePort(), "stream_server_port"));
    PortLeases.Lease first = leases.lease(port);
    CompletableFuture<PortLeases.Lease> second =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return leases.lease(port);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(300);
    assertThat(second).isNotDone();
    first.close();
    second.get(5, TimeUnit.SECONDS).close();
  }

  @Test
  void aPortHeldPastTheWaitCouldNotBeChecked() throws Exception {
    PortLeases leases = new PortLeases(locks, Duration.ofMillis(200), Clock.systemUTC());
    var port = List.of(new FixedPorts.Port("127.0.0.1", freePort(), "metrics.address"));
    try (PortLeases.Lease held = leases.lease(port)) {
      assertThatThrownBy(() -> leases.lease(port))
          .isInstanceOf(PortLeases.PortUnavailable.class)
          .hasMessageStartingWith("could not check: port ");
    }
    leases.lease(port).close();
  }

  @Test
  void aPortSomethingElseListensOnIsNamedWithTheSettingThatFixesIt() throws Exception {
    PortLeases leases = new PortLeases(locks, Duration.ofSeconds(1), Clock.systemUTC());
    try (ServerSocket other = new ServerSocket()) {
      other.bind(new InetSocketAddress("127.0.0.1", 0));
      var port =
          List.of(new FixedPorts.Port("127.0.0.1", other.getLocalPort(), "grpc.tcp_address"));
      assertThatThrownBy(() -> leases.lease(port))
          .isInstanceOf(PortLeases.PortUnavailable.class)
          .hasMessage(
              "could not check: 127.0.0.1:"
                  + other.getLocalPort()
                  + " in use (grpc.tcp_address fixes it)");
      // The failed attempt left no lease behind.
      other.close();
      leases.lease(port).close();
    }
  }
}
