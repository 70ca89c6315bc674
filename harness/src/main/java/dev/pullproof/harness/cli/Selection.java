package dev.pullproof.harness.cli;

import dev.pullproof.harness.run.Shard;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options that choose what to run, shared by {@code run} and {@code list}. */
final class Selection {
  @Parameters(
      paramLabel = "PATH",
      description = "Scenario files or directories (searched for *.toml); default: scenarios")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--containerd",
      split = ",",
      paramLabel = "FAMILY",
      converter = FamilyConverter.class,
      description =
          "Version families to run, comma separated: 1.6, 1.7, 2 (default: each scenario's own)")
  List<ContainerdVersion> families = new ArrayList<>();

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      converter = ShardConverter.class,
      description = "Run only the K-th of N deterministic slices of the scenarios (e.g. 2/4)")
  Shard shard = Shard.ALL;

  List<Path> paths() {
    return paths.isEmpty() ? List.of(Path.of("scenarios")) : paths;
  }

  Set<ContainerdVersion> families() {
    return families.isEmpty()
        ? new TreeSet<>(ContainerdVersion.families())
        : new TreeSet<>(families);
  }

  /** Parses a family label, suggesting the right one. */
  static final class FamilyConverter
      implements picocli.CommandLine.ITypeConverter<ContainerdVersion> {
    @Override
    public ContainerdVersion convert(String value) {
      return ContainerdVersion.of(value.trim())
          .orElseThrow(
              () ->
                  new picocli.CommandLine.TypeConversionException(
                      "unknown containerd version family '"
                          + value
                          + "'; known: "
                          + ContainerdVersion.labels()
                          + (value.startsWith("2.") ? " (2.x is written 2)" : "")));
    }
  }

  /** Parses {@code K/N}. */
  static final class ShardConverter implements picocli.CommandLine.ITypeConverter<Shard> {
    @Override
    public Shard convert(String value) {
      try {
        return Shard.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
