package dev.pullproof.harness.validate.live;

import dev.pullproof.harness.run.PullAttempt;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.version.VersionFamily;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one containerd version did with the node's files in the live check.
 *
 * @param criLoaded empty when no node started
 * @param logged distinct warning and error messages containerd logged, as {@code level: msg}
 * @param hostsTried every request the world received, in time order: {@code host:port METHOD path
 *     -> status}
 * @param harnessError why the run could not complete
 */
public record VersionResult(
    VersionFamily family,
    String containerdVersion,
    Optional<Boolean> criLoaded,
    List<String> logged,
    List<String> hostsTried,
    List<ImageResult> images,
    Optional<String> harnessError) {

  /** One image's pull. */
  public record ImageResult(String image, boolean pulled, String error) {}

  private static final Pattern LOG_LINE =
      Pattern.compile("level=(warning|error)\\s+msg=\"((?:[^\"\\\\]|\\\\.)*)\"(.*)");
  private static final Pattern ERROR_FIELD = Pattern.compile("error=\"((?:[^\"\\\\]|\\\\.)*)\"");

  public VersionResult {
    logged = List.copyOf(logged);
    hostsTried = List.copyOf(hostsTried);
    images = List.copyOf(images);
  }

  /** From a run; {@code addresses} maps the world's registry names to {@code host:port}. */
  public static VersionResult of(RunResult r, Map<String, String> addresses) {
    List<ImageResult> images = new ArrayList<>();
    for (PullAttempt a : r.outcome().pulls()) {
      images.add(new ImageResult(a.image(), a.success(), a.error()));
    }
    return new VersionResult(
        r.family(),
        r.outcome().containerdVersion(),
        r.outcome().criPluginLoaded(),
        logged(r.outcome().containerdLog()),
        r.outcome().requestsInTime().stream()
            .map(
                e ->
                    addresses.getOrDefault(e.host(), e.host())
                        + " "
                        + e.method()
                        + " "
                        + e.path()
                        + " -> "
                        + e.status())
            .toList(),
        images,
        r.outcome().harnessError());
  }

  /** Whether every image pulled on this version. */
  public boolean allPulled() {
    return harnessError.isEmpty() && !images.isEmpty() && images.stream().allMatch(i -> i.pulled);
  }

  /**
   * Messages every node in this harness logs whatever its config (no CNI network, no devmapper),
   * left out so that what the user's files cause stands out.
   */
  static final List<String> ENVIRONMENT =
      List.of("failed to load cni during init", "devmapper not configured");

  static List<String> logged(String log) {
    Set<String> found = new LinkedHashSet<>();
    for (String line : log.split("\n")) {
      Matcher m = LOG_LINE.matcher(line);
      if (!m.find() || ENVIRONMENT.stream().anyMatch(line::contains)) {
        continue;
      }
      String text = m.group(1) + ": " + m.group(2).replace("\\\"", "\"");
      String rest = m.group(3);
      Matcher error = ERROR_FIELD.matcher(rest);
      if (error.find()) {
        text += ": " + error.group(1).replace("\\\"", "\"");
        rest = rest.substring(0, error.start()) + rest.substring(error.end());
      }
      rest = rest.strip();
      found.add(rest.isEmpty() ? text : text + " (" + rest + ")");
    }
    return List.copyOf(found);
  }
}
