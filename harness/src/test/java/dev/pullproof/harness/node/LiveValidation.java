package dev.pullproof.harness.node;

import dev.pullproof.harness.kubelet.HelperCredentialsFactory;
import dev.pullproof.harness.validate.NodeFiles;
import dev.pullproof.harness.validate.StaticChecks;
import dev.pullproof.harness.validate.Validation;
import dev.pullproof.harness.validate.live.Credentials;
import dev.pullproof.harness.validate.live.LiveCheck;
import dev.pullproof.harness.validate.live.LiveWorld;
import dev.pullproof.harness.validate.live.VersionResult;
import dev.pullproof.harness.validate.model.ImageRef;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code pullproof validate} as the CLI runs it, static checks and the live check on real
 * containerd, for the ITs that check it on files under {@code examples/}.
 */
public final class LiveValidation {
  private LiveValidation() {}

  /**
   * Validates {@code files} for {@code images} on {@code targets}; the live scenario goes to dir.
   */
  public static Validation run(
      NodeFiles files, List<String> images, List<ContainerdVersion> targets, Path dir)
      throws Exception {
    LiveWorld world =
        new LiveWorld(
            files.config(),
            files.hostsDir(),
            images.stream().map(ImageRef::parse).toList(),
            Map.of(),
            Credentials.read(files.config(), files.hostsDir()));
    List<VersionResult> versions =
        new LiveCheck(
                new ContainerdNodeFactory(),
                new HelperCredentialsFactory()::create,
                Clock.systemUTC())
            .run(world, targets, dir);
    return new Validation(
        files,
        images,
        targets,
        new StaticChecks().check(files, images, targets),
        versions,
        world.notes());
  }
}
