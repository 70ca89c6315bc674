package dev.pullproof.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.harness.scenario.Scenario;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.world.LoopbackPool;
import dev.pullproof.harness.world.WorldInstaller;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paths of a run that end before any pull: no containerd needed. The pull loop itself is
 * exercised with real containerd by the containerd module's tests.
 */
class JobExecutionTest {
  @TempDir Path dir;

  private final LoopbackPool pool = new LoopbackPool("127.0.84", 10, 12);

  @Test
  void whenNoNodeStartsTheOutcomeSaysWhyAndTheWorldIsStopped() throws Exception {
    Scenario s =
        Outcomes.scenario(
            dir,
            "name = \"n\"\n[registries.hub]\nimages = [\"library/app:1.0\"]\n"
                + "[containerd.files]\n\"address\" = \"{{hub.ip}} {{hub.port}}\"\n"
                + "[[pull]]\nimage = \"{{hub.address}}/library/app:1.0\"\n");
    AtomicReference<NodeSetup> asked = new AtomicReference<>();
    NodeFactory recording =
        setup -> {
          asked.set(setup);
          return NodeFactory.UNAVAILABLE.start(setup);
        };
    JobExecution execution =
        new JobExecution(
            new WorldInstaller(pool, Clock.systemUTC()),
            recording,
            () -> KubeletCredentials.UNAVAILABLE,
            Clock.systemUTC(),
            "test-run");

    Outcome outcome = execution.run(new Job(s, ContainerdVersion.V1_7));

    assertThat(outcome.harnessError())
        .contains("no containerd harness in this build: cannot start containerd 1.7");
    assertThat(outcome.pulls()).isEmpty();
    assertThat(outcome.journals()).containsOnlyKeys("hub");
    assertThat(asked.get().family()).isEqualTo(ContainerdVersion.V1_7);
    assertThat(asked.get().runLabel()).isEqualTo("test-run");
    // The world was stopped: its address no longer accepts connections, and is free again.
    String[] address = asked.get().files().get("address").split(" ");
    assertThat(address[0]).isEqualTo("127.0.84.10");
    try (Socket socket = new Socket()) {
      assertThatThrownBy(
              () ->
                  socket.connect(
                      new InetSocketAddress(address[0], Integer.parseInt(address[1])), 500))
          .isInstanceOf(ConnectException.class);
    }
    assertThat(pool.lease()).isEqualTo("127.0.84.11");
  }

  @Test
  void theNodeStartsAtTheRunsLogLevelInfoUnlessTold() {
    Scenario s = Outcomes.scenario(dir, "name = \"l\"\n[[pull]]\nimage = \"r.test/a:1\"\n");
    List<NodeSetup> asked = new java.util.ArrayList<>();
    NodeFactory recording =
        setup -> {
          asked.add(setup);
          return NodeFactory.UNAVAILABLE.start(setup);
        };
    WorldInstaller installer = new WorldInstaller(pool, Clock.systemUTC());
    Supplier<KubeletCredentials> none = () -> KubeletCredentials.UNAVAILABLE;
    new JobExecution(installer, recording, none, Clock.systemUTC(), "r")
        .run(new Job(s, ContainerdVersion.V2));
    new JobExecution(installer, recording, none, Clock.systemUTC(), "r", LogLevel.DEBUG)
        .run(new Job(s, ContainerdVersion.V2));

    assertThat(asked)
        .extracting(NodeSetup::logLevel)
        .containsExactly(LogLevel.INFO, LogLevel.DEBUG);
  }

  @Test
  void placeholdersInFilesAndPathsAreFilledBeforeTheNodeSeesThem() {
    Scenario s =
        Outcomes.scenario(
            dir,
            """
            name = "p"
            [registries.local]
            [containerd.files]
            "certs.d/{{local.address}}/hosts.toml" = "server = \\"{{local.url}}\\"\\n"
            [[pull]]
            image = "{{local.address}}/a:1"
            """);
    AtomicReference<NodeSetup> asked = new AtomicReference<>();
    NodeFactory recording =
        setup -> {
          asked.set(setup);
          return NodeFactory.UNAVAILABLE.start(setup);
        };
    new JobExecution(
            new WorldInstaller(pool, Clock.systemUTC()),
            recording,
            () -> KubeletCredentials.UNAVAILABLE,
            Clock.systemUTC(),
            "r")
        .run(new Job(s, ContainerdVersion.V2));

    assertThat(asked.get().files()).hasSize(1);
    var file = asked.get().files().entrySet().iterator().next();
    assertThat(file.getKey()).matches("certs\\.d/127\\.0\\.84\\.1[0-2]:\\d+/hosts\\.toml");
    String address = file.getKey().split("/")[1];
    assertThat(file.getValue()).isEqualTo("server = \"http://" + address + "\"\n");
  }

  @Test
  void aWorldThatCannotStartIsTheOutcomesError() {
    Scenario s =
        Outcomes.scenario(
            dir,
            "name = \"f\"\n[registries.a]\n[registries.b]\n[registries.c]\n[registries.d]\n"
                + "[[pull]]\nimage = \"a.test/b:1\"\n");
    Outcome outcome =
        new JobExecution(
                new WorldInstaller(pool, Clock.systemUTC()),
                NodeFactory.UNAVAILABLE,
                () -> KubeletCredentials.UNAVAILABLE,
                Clock.systemUTC(),
                "r")
            .run(new Job(s, ContainerdVersion.V1_6));
    assertThat(outcome.harnessError())
        .hasValueSatisfying(e -> assertThat(e).contains("no free loopback address left"));
    assertThat(outcome.journals()).isEmpty();
    // The three registries that did start were stopped and their addresses returned.
    assertThat(pool.lease()).isEqualTo("127.0.84.10");
  }

  @Test
  void theNodeReceivesTheWorldsTlsFilesNextToTheScenariosWhichNameThem() {
    Scenario s =
        Outcomes.scenario(
            dir,
            """
            name = "t"
            [registries.hub]
            host = "registry.pullproof.test"
            tls = true
            [containerd.files]
            "certs.d/docker.io/hosts.toml" = "ca = \\"{{tls.ca}}\\"\\nclient = [[\\"{{tls.client_cert}}\\", \\"{{tls.client_key}}\\"]]\\n"
            [[pull]]
            image = "docker.io/a:1"
            """);
    AtomicReference<NodeSetup> asked = new AtomicReference<>();
    new JobExecution(
            new WorldInstaller(pool, Clock.systemUTC()),
            setup -> {
              asked.set(setup);
              return NodeFactory.UNAVAILABLE.start(setup);
            },
            () -> KubeletCredentials.UNAVAILABLE,
            Clock.systemUTC(),
            "r")
        .run(new Job(s, ContainerdVersion.V2));
    assertThat(asked.get().files())
        .containsOnlyKeys(
            "pullproof/ca.crt",
            "pullproof/client.cert",
            "pullproof/client.key",
            "certs.d/docker.io/hosts.toml");
    assertThat(asked.get().files().get("pullproof/ca.crt")).startsWith("-----BEGIN CERTIFICATE");
    assertThat(asked.get().files().get("certs.d/docker.io/hosts.toml"))
        .isEqualTo(
            "ca = \"/etc/containerd/pullproof/ca.crt\"\nclient ="
                + " [[\"/etc/containerd/pullproof/client.cert\","
                + " \"/etc/containerd/pullproof/client.key\"]]\n");
    assertThat(asked.get().extraHosts()).containsOnlyKeys("registry.pullproof.test");
  }
}
