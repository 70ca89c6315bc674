package dev.pullproof.harness.cri;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * A CRI call that containerd (or the transport) refused, with the gRPC status code and containerd's
 * message exactly as received: that message is what a kubelet shows in an event such as {@code
 * ErrImagePull}.
 */
public final class CriCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String method;
  private final Status.Code code;
  private final String description;

  CriCallException(String method, StatusRuntimeException cause) {
    super(
        method
            + " failed: code = "
            + cause.getStatus().getCode()
            + " desc = "
            + cause.getStatus().getDescription(),
        cause);
    this.method = method;
    this.code = cause.getStatus().getCode();
    this.description =
        cause.getStatus().getDescription() == null ? "" : cause.getStatus().getDescription();
  }

  /** The CRI method, e.g. {@code runtime.v1.ImageService/PullImage}. */
  public String method() {
    return method;
  }

  public Status.Code code() {
    return code;
  }

  /** containerd's message, verbatim. */
  public String description() {
    return description;
  }

  /** True when the service is not served at all: the CRI plugin did not load. */
  public boolean serviceMissing() {
    return code == Status.Code.UNIMPLEMENTED;
  }

  /** The form crictl and the kubelet print: {@code rpc error: code = X desc = ...}. */
  public String rpcError() {
    return "rpc error: code = " + codeName(code) + " desc = " + description;
  }

  private static String codeName(Status.Code code) {
    // gRPC-Go spells codes in CamelCase (NotFound, Unknown); that is what users see in events.
    // Its one other difference: CANCELLED is "Canceled" there.
    if (code == Status.Code.CANCELLED) {
      return "Canceled";
    }
    StringBuilder name = new StringBuilder();
    for (String part : code.name().split("_")) {
      name.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return name.toString();
  }
}
