package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.testing.Needs;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** Against the real engine, with containers created (never started) from a prepared image. */
@Needs(docker = true)
class StaleContainerSweepIT {
  private final DockerClient docker = DockerClientFactory.instance().client();

  @Test
  void removesContainersOfADeadOwnerAndKeepsThoseOfALiveOne() {
    String image = ContainerdContainer.of(ContainerdVersion.V2).getDockerImageName();
    // A pid above the kernel's pid_max (4194304 at most) names no process.
    String dead = create(image, new RunLabels(4_194_305L, "2020-01-01T00:00:00Z").asMap());
    String alive = create(image, RunLabels.current().asMap());
    try {
      assertThat(new StaleContainerSweep(docker).sweep()).contains(dead).doesNotContain(alive);
      assertThat(exists(dead)).isFalse();
      assertThat(exists(alive)).isTrue();
    } finally {
      docker.removeContainerCmd(alive).withForce(true).exec();
      if (exists(dead)) {
        docker.removeContainerCmd(dead).withForce(true).exec();
      }
    }
  }

  private String create(String image, Map<String, String> labels) {
    return docker.createContainerCmd(image).withLabels(labels).exec().getId();
  }

  private boolean exists(String id) {
    try {
      docker.inspectContainerCmd(id).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
