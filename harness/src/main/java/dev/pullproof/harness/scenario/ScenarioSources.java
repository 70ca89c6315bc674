package dev.pullproof.harness.scenario;

import dev.pullproof.harness.toml.TomlFile;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files a scenario was read from: its TOML, its world file ({@code world = ...}), and every
 * file it references ({@code { file = ... }} under {@code [containerd.files]}, a credential
 * provider's {@code script_file}), each as an absolute, normalised path. What {@code run --watch}
 * watches.
 */
public final class ScenarioSources {
  private ScenarioSources() {}

  public static List<Path> of(Scenario scenario) {
    Path file = scenario.file().toAbsolutePath().normalize();
    Path dir = file.getParent();
    Set<Path> files = new LinkedHashSet<>();
    files.add(file);
    // The model keeps the world's registries, not where they came from: the one key again.
    TomlFile.read(file)
        .root()
        .flatMap(root -> Optional.ofNullable(root.getString("world")))
        .ifPresent(world -> files.add(dir.resolve(world).normalize()));
    Stream<ContainerdFile> nodeFiles =
        Stream.concat(
            scenario.containerd().common().stream(),
            scenario.containerd().byVersion().values().stream().flatMap(List::stream));
    Stream<ContainerdFile> scripts =
        scenario.pulls().stream()
            .map(PullSpec::auth)
            .filter(PullAuth.CredentialProvider.class::isInstance)
            .map(a -> ((PullAuth.CredentialProvider) a).script());
    Stream.concat(nodeFiles, scripts)
        .map(ContainerdFile::origin)
        .filter(origin -> !origin.equals(ContainerdFile.INLINE))
        .forEach(origin -> files.add(dir.resolve(origin).normalize()));
    return List.copyOf(files);
  }
}
