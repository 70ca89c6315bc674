package dev.pullproof.harness.scenario;

import dev.pullproof.harness.toml.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and parses scenario files. A path may be a file or a directory searched recursively for
 * {@code *.toml}, skipping directories named {@code files} (where scenarios keep the config files
 * they reference). Ids are paths below the directory given, without {@code .toml}, with '/'.
 */
public final class ScenarioCatalog {
  /** Directories with this name hold referenced files, not scenarios. */
  public static final String FILES_DIRECTORY = "files";

  private final ScenarioParser parser = new ScenarioParser();

  /** Every scenario under the paths, sorted by id; all problems of all files in one exception. */
  public List<Scenario> load(List<Path> paths) {
    List<Scenario> scenarios = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : find(path)) {
        try {
          scenarios.add(parser.parse(file, id(path, file)));
        } catch (ScenarioException e) {
          problems.addAll(e.problems());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    scenarios.sort(Comparator.comparing(Scenario::id));
    for (int i = 1; i < scenarios.size(); i++) {
      if (scenarios.get(i).id().equals(scenarios.get(i - 1).id())) {
        throw new ScenarioException(
            List.of(
                new Problem(
                    scenarios.get(i).file(),
                    0,
                    "",
                    "same id '" + scenarios.get(i).id() + "' as " + scenarios.get(i - 1).file())));
      }
    }
    return scenarios;
  }

  /** The scenario files a path stands for, sorted. */
  public static List<Path> find(Path path) {
    if (!Files.exists(path)) {
      throw new ScenarioException(List.of(new Problem(path, 0, "", "no such file or directory")));
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(p -> p.toString().endsWith(".toml"))
          .filter(Files::isRegularFile)
          .filter(p -> !inFilesDirectory(path, p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
  }

  private static boolean inFilesDirectory(Path root, Path file) {
    for (Path part : root.relativize(file.getParent() == null ? file : file.getParent())) {
      if (part.toString().equals(FILES_DIRECTORY)) {
        return true;
      }
    }
    return false;
  }

  static String id(Path root, Path file) {
    Path relative = Files.isDirectory(root) ? root.relativize(file) : file.getFileName();
    String id = relative.toString().replace('\\', '/');
    return id.endsWith(".toml") ? id.substring(0, id.length() - 5) : id;
  }
}
