package dev.pullproof.harness.cli;

import dev.pullproof.harness.run.Shard;
import dev.pullproof.harness.version.VersionFamily;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
  List<VersionFamily> families = new ArrayList<>();

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      converter = ShardConverter.class,
      description = "Run only the K-th of N deterministic slices of the scenarios (e.g. 2/4)")
  Shard shard = Shard.ALL;

  List<Path> paths() {
    return paths.isEmpty() ? List.of(Path.of("scenarios")) : paths;
  }

  Set<VersionFamily> families() {
    return families.isEmpty() ? EnumSet.allOf(VersionFamily.class) : EnumSet.copyOf(families);
  }

  /** Parses a family label, suggesting the right one. */
  static final class FamilyConverter implements picocli.CommandLine.ITypeConverter<VersionFamily> {
    @Override
    public VersionFamily convert(String value) {
      return VersionFamily.of(value.trim())
          .orElseThrow(
              () ->
                  new picocli.CommandLine.TypeConversionException(
                      "unknown containerd version family '"
                          + value
                          + "'; known: "
                          + VersionFamily.labels()
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
