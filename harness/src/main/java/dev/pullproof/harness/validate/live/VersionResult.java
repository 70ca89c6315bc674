package dev.pullproof.harness.validate.live;

import dev.pullproof.harness.run.PullAttempt;
import dev.pullproof.harness.run.RunResult;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one containerd version did with the node's files in the live check.
 *
 * @param state whether containerd ran the files, refused them, or the check could not run
 * @param reason for {@link State#REFUSED} containerd's own last words, for {@link
 *     State#COULD_NOT_CHECK} what stopped the check (no Docker engine, a port in use); else empty
 * @param criLoaded empty when no node started
 * @param logged distinct warning and error messages containerd logged, as {@code level: msg}
 * @param hostsTried every request the world received, in time order: {@code host:port METHOD path
 *     -> status}
 */
public record VersionResult(
    ContainerdVersion family,
    String containerdVersion,
    State state,
    String reason,
    Optional<Boolean> criLoaded,
    List<String> logged,
    List<String> hostsTried,
    List<ImageResult> images) {

  /** What the live check could say about one version. */
  public enum State {
    /** containerd started with the files; {@code criLoaded} and the pulls say the rest. */
    CHECKED,
    /** containerd exited on the files: a verdict about the config, not a failure of the check. */
    REFUSED,
    /** The check itself could not run (Docker missing, a port in use): no verdict. */
    COULD_NOT_CHECK
  }

  /** One image's pull. */
  public record ImageResult(String image, boolean pulled, String error) {}

  /** containerd's main prints its fatal error as {@code containerd: <error>} before exiting. */
  private static final Pattern FATAL =
      Pattern.compile("(?m)^containerd: (.+?)(?:: Container startup failed.*)?$");

  private static final Pattern LOG_LINE =
      Pattern.compile("level=(warning|error)\\s+msg=\"((?:[^\"\\\\]|\\\\.)*)\"(.*)");
  private static final Pattern ERROR_FIELD = Pattern.compile("error=\"((?:[^\"\\\\]|\\\\.)*)\"");

  public VersionResult {
    Objects.requireNonNull(state, "state");
    reason = reason == null ? "" : reason;
    if (state != State.CHECKED && reason.isBlank()) {
      throw new IllegalArgumentException("reason: must say why for " + state);
    }
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
    Check check =
        r.outcome()
            .harnessError()
            .map(VersionResult::classify)
            .orElse(new Check(State.CHECKED, ""));
    return new VersionResult(
        r.family(),
        r.outcome().containerdVersion(),
        check.state(),
        check.reason(),
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
        images);
  }

  /** A state and its reason. */
  record Check(State state, String reason) {}

  /**
   * A run that did not complete: REFUSED when containerd itself exited on the files (its fatal
   * {@code containerd: <error>} line is among the last log lines), else COULD_NOT_CHECK.
   */
  static Check classify(String harnessError) {
    Matcher fatal = FATAL.matcher(harnessError);
    return fatal.find()
        ? new Check(State.REFUSED, fatal.group(1))
        : new Check(State.COULD_NOT_CHECK, harnessError);
  }

  /** A version the check could not run on, e.g. because a port the config fixes is in use. */
  public static VersionResult couldNotCheck(
      ContainerdVersion family, String containerdVersion, String reason) {
    return new VersionResult(
        family,
        containerdVersion,
        State.COULD_NOT_CHECK,
        reason,
        Optional.empty(),
        List.of(),
        List.of(),
        List.of());
  }

  /** Whether containerd ran, loaded CRI and pulled every image: nothing to report on this one. */
  public boolean fine() {
    return state == State.CHECKED && criLoaded.orElse(false) && allPulled();
  }

  /** Whether this version gives a verdict: it ran the files or refused them. */
  public boolean judged() {
    return state != State.COULD_NOT_CHECK;
  }

  /** Whether every image pulled on this version. */
  public boolean allPulled() {
    return state == State.CHECKED && !images.isEmpty() && images.stream().allMatch(i -> i.pulled);
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
