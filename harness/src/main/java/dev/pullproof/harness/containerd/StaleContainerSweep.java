package dev.pullproof.harness.containerd;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Removes harness containers whose owner process is gone (see {@link RunLabels}). */
public final class StaleContainerSweep {
  private final DockerClient docker;

  public StaleContainerSweep(DockerClient docker) {
    this.docker = docker;
  }

  /** Removes every stale harness container; returns the ids removed. */
  public List<String> sweep() {
    List<Container> labelled =
        docker
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(List.of(RunLabels.HARNESS + "=true"))
            .exec();
    List<String> removed = new ArrayList<>();
    for (Container container : labelled) {
      Optional<RunLabels> owner = RunLabels.from(container.getLabels());
      if (owner.isPresent() && owner.get().ownerGone()) {
        try {
          docker
              .removeContainerCmd(container.getId())
              .withForce(true)
              .withRemoveVolumes(true)
              .exec();
          removed.add(container.getId());
        } catch (NotFoundException | ConflictException e) {
          // Removed (or being removed: 409 "removal already in progress") meanwhile by another
          // sweeping run on the same engine: the goal is reached.
        }
      }
    }
    return removed;
  }
}
