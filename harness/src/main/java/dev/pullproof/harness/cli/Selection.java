package dev.pullproof.harness.cli;

import dev.pullproof.harness.containerd.ReleasePreparation;
import dev.pullproof.harness.run.Shard;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
      paramLabel = "VERSION",
      converter = FamilyConverter.class,
      description =
          "containerd versions to run, comma separated: Debian's families 1.6, 1.7, 2, exact"
              + " upstream releases (2.2.1; from PULLPROOF_CONTAINERD_RELEASES or containerd's"
              + " release downloads) or a directory or .tar.gz of binaries (default: each"
              + " scenario's own)")
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

  /**
   * Parses a family ({@code 1.6}, {@code 1.7}, {@code 2}), an exact upstream release ({@code
   * 2.2.1}) or the path of binaries the user has (a directory holding {@code containerd} and {@code
   * ctr}, or an upstream-layout {@code .tar.gz}), which are staged here to learn their version.
   */
  static final class FamilyConverter
      implements picocli.CommandLine.ITypeConverter<ContainerdVersion> {
    @Override
    public ContainerdVersion convert(String value) {
      String v = value.trim();
      Optional<ContainerdVersion> named = ContainerdVersion.of(v);
      if (named.isPresent()) {
        return named.get();
      }
      if (v.contains("/") || v.endsWith(".tar.gz")) {
        try {
          return ReleasePreparation.current().local(Path.of(v)).version();
        } catch (IllegalStateException e) {
          throw new picocli.CommandLine.TypeConversionException(e.getMessage());
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          ContainerdVersion.unknown(v) + ", or a directory or .tar.gz holding containerd");
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
