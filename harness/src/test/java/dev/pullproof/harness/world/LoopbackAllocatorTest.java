package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopbackAllocatorTest {
  @TempDir Path locks;

  @Test
  void leasesStartAt127002AndNeverRepeatWhileHeld() {
    LoopbackAllocator allocator = new LoopbackAllocator(locks, 10);
    try (LoopbackAddress first = allocator.lease();
        LoopbackAddress second = allocator.lease();
        LoopbackAddress third = new LoopbackAllocator(locks, 10).lease()) {
      assertThat(first.host()).isEqualTo("127.0.0.2");
      assertThat(second.host()).isEqualTo("127.0.0.3");
      assertThat(third.host()).isEqualTo("127.0.0.4");
    }
  }

  @Test
  void aClosedLeaseIsHandedOutAgain() {
    LoopbackAllocator allocator = new LoopbackAllocator(locks, 10);
    allocator.lease().close();
    try (LoopbackAddress again = allocator.lease()) {
      assertThat(again.host()).isEqualTo("127.0.0.2");
    }
  }

  @Test
  void anotherJvmsLeaseIsSkipped() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process other =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                HoldLease.class.getName(),
                locks.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
      String theirs = out.readLine();
      assertThat(theirs).isEqualTo("127.0.0.2");

      try (LoopbackAddress ours = new LoopbackAllocator(locks, 10).lease()) {
        assertThat(ours.host()).isEqualTo("127.0.0.3");
      }
    } finally {
      other.getOutputStream().close();
      assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (LoopbackAddress afterExit = new LoopbackAllocator(locks, 10).lease()) {
      assertThat(afterExit.host()).isEqualTo("127.0.0.2");
    }
  }

  @Test
  void anAddressWhereTheWantedPortIsTakenIsSkipped() throws Exception {
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress("127.0.0.2", 0));
      try (LoopbackAddress lease =
          new LoopbackAllocator(locks, 10).lease(squatter.getLocalPort())) {
        assertThat(lease.host()).isEqualTo("127.0.0.3");
      }
    }
  }

  @Test
  void anAddressWhereTheWantedPortLingersInTimeWaitIsSkipped() throws Exception {
    int port;
    try (ServerSocket server = new ServerSocket()) {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress("127.0.0.2", 0));
      port = server.getLocalPort();
      try (Socket client = new Socket("127.0.0.2", port)) {
        server.accept().close(); // the server's end closes first, so it lingers in TIME_WAIT
        assertThat(client.getInputStream().read()).isEqualTo(-1);
      }
    }
    try (LoopbackAddress lease = new LoopbackAllocator(locks, 10).lease(port);
        NothingListening dead = NothingListening.on(lease.host(), port)) {
      assertThat(lease.host()).isEqualTo("127.0.0.3");
    }
  }

  @Test
  void runningOutOfAddressesSaysWhatToDo() {
    LoopbackAllocator allocator = new LoopbackAllocator(locks, 1);
    try (LoopbackAddress only = allocator.lease()) {
      assertThatThrownBy(allocator::lease)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no free loopback address among 1")
          .hasMessageContaining("close leases or raise the count");
    }
  }

  @Test
  void badSettingsAreRejectedByName() {
    assertThatThrownBy(() -> new LoopbackAllocator(locks, 0)).hasMessageContaining("count");
    assertThatThrownBy(() -> new LoopbackAllocator(null, 1)).hasMessageContaining("lockDirectory");
  }
}
