package dev.pullproof.harness.cri;

/**
 * One runtime condition from {@code RuntimeService/Status}: {@code RuntimeReady} or {@code
 * NetworkReady}, whether it holds, and why not.
 */
public record RuntimeCondition(String type, boolean status, String reason, String message) {
  public RuntimeCondition {
    if (type == null || type.isEmpty()) {
      throw new IllegalArgumentException("type is required");
    }
    reason = reason == null ? "" : reason;
    message = message == null ? "" : message;
  }

  @Override
  public String toString() {
    return type + "=" + status + (status ? "" : " (" + reason + ": " + message + ")");
  }
}
