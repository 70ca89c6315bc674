package dev.pullproof.harness.cri;

import java.util.List;
import java.util.Optional;

/** The conditions {@code RuntimeService/Status} reports, in containerd's order. */
public record RuntimeStatus(List<RuntimeCondition> conditions) {
  public static final String RUNTIME_READY = "RuntimeReady";
  public static final String NETWORK_READY = "NetworkReady";

  public RuntimeStatus {
    if (conditions == null) {
      throw new IllegalArgumentException("conditions is required");
    }
    conditions = List.copyOf(conditions);
  }

  public Optional<RuntimeCondition> condition(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }
}
