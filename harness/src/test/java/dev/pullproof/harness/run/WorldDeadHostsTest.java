package dev.pullproof.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.scenario.Scenario;
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
        Outcomes.scenario(
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
      var refused = world.placeholders().get("refused");
      assertThat(refused.get("address")).isEqualTo("mirror.pullproof.test:5000");
      assertThat(world.extraHosts()).containsEntry("mirror.pullproof.test", refused.get("ip"));
      assertThatThrownBy(() -> RawHttp.get(refused.get("ip"), refused.get("port"), "/v2/"))
          .isInstanceOf(ConnectException.class);
      var eof = world.placeholders().get("eof");
      assertThat(RawHttp.get(eof.get("ip"), eof.get("port"), "/v2/")).isEmpty();
      var reset = world.placeholders().get("reset");
      assertThat(reset.get("url")).startsWith("https://");
      assertThatThrownBy(() -> RawHttp.get(reset.get("ip"), reset.get("port"), "/v2/"))
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
      ip = world.placeholders().get("gone").get("ip");
      port = Integer.parseInt(world.placeholders().get("gone").get("port"));
    }
    try (java.net.ServerSocket again = new java.net.ServerSocket()) {
      again.bind(new java.net.InetSocketAddress(ip, port));
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }
}
