package dev.pullproof.harness.validate.model;

/** Plugin ids the CRI settings live under, per config layout. */
public final class Plugins {
  /** 1.x's CRI plugin (all CRI settings); in 2.x only the CRI gRPC server settings. */
  public static final String GRPC_CRI = "io.containerd.grpc.v1.cri";

  /** 2.x's image service: registry and image settings. */
  public static final String CRI_IMAGES = "io.containerd.cri.v1.images";

  /** 2.x's runtime service: containerd, cni and runtime settings. */
  public static final String CRI_RUNTIME = "io.containerd.cri.v1.runtime";

  /** The short id of the CRI plugin in a version 1 file. */
  public static final String SHORT_CRI = "cri";

  private Plugins() {}
}
