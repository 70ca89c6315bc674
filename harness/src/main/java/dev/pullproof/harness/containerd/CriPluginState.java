package dev.pullproof.harness.containerd;

import dev.pullproof.harness.cri.RuntimeStatus;
import dev.pullproof.harness.cri.RuntimeVersion;
import java.util.List;
import java.util.Optional;

/**
 * Whether containerd's CRI plugin answers, known once the container is ready. When it does not,
 * {@code error} is the gRPC error a CRI client got and {@code reasons} the lines of containerd's
 * own log that say why (e.g. "failed to load plugin io.containerd.grpc.v1.cri" with its error).
 */
public record CriPluginState(
    boolean loaded,
    Optional<RuntimeVersion> version,
    Optional<RuntimeStatus> status,
    String error,
    List<String> reasons) {

  public CriPluginState {
    if (loaded && (version.isEmpty() || status.isEmpty())) {
      throw new IllegalArgumentException("a loaded CRI plugin has a version and a status");
    }
    error = error == null ? "" : error;
    reasons = List.copyOf(reasons);
  }

  static CriPluginState loaded(RuntimeVersion version, RuntimeStatus status) {
    return new CriPluginState(true, Optional.of(version), Optional.of(status), "", List.of());
  }

  static CriPluginState notLoaded(String error, List<String> reasons) {
    return new CriPluginState(false, Optional.empty(), Optional.empty(), error, reasons);
  }

  /** One line for reports: the version and conditions, or the error and containerd's reason. */
  public String describe() {
    if (loaded) {
      return "CRI "
          + version.get().runtimeApiVersion()
          + " on containerd "
          + version.get().runtimeVersion()
          + ", "
          + status.get().conditions();
    }
    return "CRI plugin not loaded: "
        + error
        + (reasons.isEmpty()
            ? " (containerd logged no reason)"
            : "; containerd: " + reasons.get(0));
  }
}
