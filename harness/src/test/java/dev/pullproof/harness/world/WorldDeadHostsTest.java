package dev.pullproof.harness.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.scenario.ScenarioFiles;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Down hosts exist in the world (address, hosts entry, placeholders) but do not serve. */
class WorldDeadHostsTest {
  @TempDir Path dir;

  private final LoopbackPool pool = new LoopbackPool("127.0.88", 10, 30);

  private World start(String registries) {
    Scenario s =
        ScenarioFiles.parse(
            dir, "name = \"d\"\n" + registries + "\n[[pull]]\nimage = \"a.test/app:1\"\n");
    return new WorldInstaller(pool, Clock.systemUTC()).start(s);
  }

  @Test
  void eachDownModeEndsTheConnectionItsOwnWay() throws Exception {
    try (World world =
        start(
            """
            [registries.refused]
            host = "mirror.pullproof.test"
            port = 5000
            down = "refused"
            [registries.eof]
            down = "eof"
            [registries.reset]
            tls = true
            down = "reset"
            """)) {
      var refused = world.host("refused");
      assertThat(refused.address()).isEqualTo("mirror.pullproof.test:5000");
      assertThat(world.extraHosts()).containsEntry("mirror.pullproof.test", refused.ip());
      assertThatThrownBy(() -> RawHttp.get(refused.ip(), refused.port(), "/v2/"))
          .isInstanceOf(ConnectException.class);
      var eof = world.host("eof");
      assertThat(RawHttp.get(eof.ip(), eof.port(), "/v2/")).isEmpty();
      var reset = world.host("reset");
      assertThat(reset.url()).startsWith("https://");
      assertThatThrownBy(() -> RawHttp.get(reset.ip(), reset.port(), "/v2/"))
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
      assertThat(world.journals()).isEmpty();
    }
  }

  @Test
  void closingTheWorldFreesTheDownHostsPort() throws Exception {
    String ip;
    int port;
    try (World world = start("[registries.gone]\ndown = \"refused\"\n")) {
      ip = world.host("gone").ip();
      port = world.host("gone").port();
    }
    try (java.net.ServerSocket again = new java.net.ServerSocket()) {
      again.bind(new java.net.InetSocketAddress(ip, port));
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }
}
