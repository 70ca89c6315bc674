package dev.pullproof.harness.cri;

import dev.pullproof.harness.cri.v1.AuthConfig;
import dev.pullproof.harness.cri.v1.Image;
import dev.pullproof.harness.cri.v1.ImageFilter;
import dev.pullproof.harness.cri.v1.ImageServiceGrpc;
import dev.pullproof.harness.cri.v1.ImageSpec;
import dev.pullproof.harness.cri.v1.ImageStatusRequest;
import dev.pullproof.harness.cri.v1.ImageStatusResponse;
import dev.pullproof.harness.cri.v1.LinuxPodSandboxConfig;
import dev.pullproof.harness.cri.v1.LinuxSandboxSecurityContext;
import dev.pullproof.harness.cri.v1.ListImagesRequest;
import dev.pullproof.harness.cri.v1.NamespaceMode;
import dev.pullproof.harness.cri.v1.NamespaceOption;
import dev.pullproof.harness.cri.v1.PodSandboxConfig;
import dev.pullproof.harness.cri.v1.PodSandboxMetadata;
import dev.pullproof.harness.cri.v1.PullImageRequest;
import dev.pullproof.harness.cri.v1.RemoveImageRequest;
import dev.pullproof.harness.cri.v1.RunPodSandboxRequest;
import dev.pullproof.harness.cri.v1.RuntimeServiceGrpc;
import dev.pullproof.harness.cri.v1.StatusRequest;
import dev.pullproof.harness.cri.v1.StatusResponse;
import dev.pullproof.harness.cri.v1.VersionRequest;
import dev.pullproof.harness.cri.v1.VersionResponse;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A CRI client over containerd's unix socket, making the calls a kubelet makes: runtime {@code
 * Version} and {@code Status}, and the image service's {@code PullImage} (with {@link CriAuth}),
 * {@code ImageStatus}, {@code ListImages} and {@code RemoveImage}. A refused call throws {@link
 * CriCallException} carrying containerd's gRPC code and message verbatim.
 *
 * @see <a
 *     href="https://github.com/kubernetes/cri-api/blob/master/pkg/apis/runtime/v1/api.proto">CRI
 *     runtime.v1</a>
 */
public final class CriClient implements AutoCloseable {
  /** The CRI API version the kubelet announces in {@code VersionRequest}. */
  static final String API_VERSION = "v1";

  private final UnixSocketChannel channel;
  private final Duration callTimeout;
  private final Duration pullTimeout;

  private CriClient(UnixSocketChannel channel, Duration callTimeout, Duration pullTimeout) {
    this.channel = channel;
    this.callTimeout = callTimeout;
    this.pullTimeout = pullTimeout;
  }

  /** Connects lazily: the first call opens the socket. Calls time out after 10 s, pulls 120 s. */
  public static CriClient connect(Path socket) {
    return connect(socket, Duration.ofSeconds(10), Duration.ofSeconds(120));
  }

  public static CriClient connect(Path socket, Duration callTimeout, Duration pullTimeout) {
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be positive, was " + callTimeout);
    }
    if (pullTimeout.isNegative() || pullTimeout.isZero()) {
      throw new IllegalArgumentException("pullTimeout must be positive, was " + pullTimeout);
    }
    return new CriClient(UnixSocketChannel.open(socket), callTimeout, pullTimeout);
  }

  public RuntimeVersion version() {
    VersionResponse response =
        call(
            "runtime.v1.RuntimeService/Version",
            () ->
                runtime(callTimeout)
                    .version(VersionRequest.newBuilder().setVersion(API_VERSION).build()));
    return new RuntimeVersion(
        response.getRuntimeName(), response.getRuntimeVersion(), response.getRuntimeApiVersion());
  }

  public RuntimeStatus status() {
    StatusResponse response =
        call(
            "runtime.v1.RuntimeService/Status",
            () -> runtime(callTimeout).status(StatusRequest.getDefaultInstance()));
    return new RuntimeStatus(
        response.getStatus().getConditionsList().stream()
            .map(
                c ->
                    new RuntimeCondition(c.getType(), c.getStatus(), c.getReason(), c.getMessage()))
            .toList());
  }

  /**
   * Starts a pod sandbox as the kubelet does when a pod lands on the node: containerd first makes
   * sure of its sandbox image (pulling it itself, with no credentials from the kubelet), then
   * creates and starts the sandbox container. Returns the sandbox id.
   *
   * @param hostNetwork the pod uses the node's network namespace, so no CNI is involved
   */
  public String runPodSandbox(
      String name, String namespace, String uid, boolean hostNetwork, Duration timeout) {
    NamespaceMode network = hostNetwork ? NamespaceMode.NODE : NamespaceMode.POD;
    PodSandboxConfig config =
        PodSandboxConfig.newBuilder()
            .setMetadata(
                PodSandboxMetadata.newBuilder()
                    .setName(name)
                    .setNamespace(namespace)
                    .setUid(uid)
                    .setAttempt(0))
            .setHostname(name)
            .setLinux(
                LinuxPodSandboxConfig.newBuilder()
                    .setSecurityContext(
                        LinuxSandboxSecurityContext.newBuilder()
                            .setNamespaceOptions(
                                NamespaceOption.newBuilder()
                                    .setNetwork(network)
                                    .setPid(NamespaceMode.POD)
                                    .setIpc(NamespaceMode.POD))))
            .build();
    return call(
            "runtime.v1.RuntimeService/RunPodSandbox",
            () ->
                runtime(timeout)
                    .runPodSandbox(RunPodSandboxRequest.newBuilder().setConfig(config).build()))
        .getPodSandboxId();
  }

  /** Pulls anonymously; returns the image reference containerd answers (the image id). */
  public String pullImage(String image) {
    return pull(image, Optional.empty());
  }

  /** Pulls with credentials, as the kubelet does with a pull secret or a credential provider. */
  public String pullImage(String image, CriAuth auth) {
    return pull(image, Optional.of(auth));
  }

  /**
   * Pulls with or without credentials under its own deadline (a scenario's timeout rather than the
   * client's pull timeout).
   */
  public String pullImage(String image, Optional<CriAuth> auth, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("pull timeout must be positive, was " + timeout);
    }
    PullImageRequest.Builder request = PullImageRequest.newBuilder().setImage(spec(image));
    auth.ifPresent(a -> request.setAuth(toMessage(a)));
    return call(
            "runtime.v1.ImageService/PullImage", () -> images(timeout).pullImage(request.build()))
        .getImageRef();
  }

  private String pull(String image, Optional<CriAuth> auth) {
    return pullImage(image, auth, pullTimeout);
  }

  /** The image, or empty when containerd does not have it (CRI answers an empty status). */
  public Optional<CriImage> imageStatus(String image) {
    ImageStatusResponse response =
        call(
            "runtime.v1.ImageService/ImageStatus",
            () ->
                images(callTimeout)
                    .imageStatus(ImageStatusRequest.newBuilder().setImage(spec(image)).build()));
    return response.hasImage() ? Optional.of(toRecord(response.getImage())) : Optional.empty();
  }

  public List<CriImage> listImages() {
    return call(
            "runtime.v1.ImageService/ListImages",
            () -> images(callTimeout).listImages(ListImagesRequest.getDefaultInstance()))
        .getImagesList()
        .stream()
        .map(CriClient::toRecord)
        .toList();
  }

  /** Images matching one reference, the way the kubelet filters. */
  public List<CriImage> listImages(String image) {
    ListImagesRequest request =
        ListImagesRequest.newBuilder()
            .setFilter(ImageFilter.newBuilder().setImage(spec(image)))
            .build();
    return call("runtime.v1.ImageService/ListImages", () -> images(callTimeout).listImages(request))
        .getImagesList()
        .stream()
        .map(CriClient::toRecord)
        .toList();
  }

  public void removeImage(String image) {
    call(
        "runtime.v1.ImageService/RemoveImage",
        () ->
            images(callTimeout)
                .removeImage(RemoveImageRequest.newBuilder().setImage(spec(image)).build()));
  }

  @Override
  public void close() {
    channel.close();
  }

  private RuntimeServiceGrpc.RuntimeServiceBlockingStub runtime(Duration timeout) {
    return RuntimeServiceGrpc.newBlockingStub(channel())
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private ImageServiceGrpc.ImageServiceBlockingStub images(Duration timeout) {
    return ImageServiceGrpc.newBlockingStub(channel())
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private ManagedChannel channel() {
    return channel.channel();
  }

  private static <T> T call(String method, Supplier<T> rpc) {
    try {
      return rpc.get();
    } catch (StatusRuntimeException e) {
      throw new CriCallException(method, e);
    }
  }

  private static ImageSpec spec(String image) {
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("image reference must not be empty");
    }
    return ImageSpec.newBuilder().setImage(image).build();
  }

  private static AuthConfig toMessage(CriAuth auth) {
    return AuthConfig.newBuilder()
        .setUsername(auth.username())
        .setPassword(auth.password())
        .setAuth(auth.auth())
        .setServerAddress(auth.serverAddress())
        .setIdentityToken(auth.identityToken())
        .setRegistryToken(auth.registryToken())
        .build();
  }

  private static CriImage toRecord(Image image) {
    return new CriImage(
        image.getId(), image.getRepoTagsList(), image.getRepoDigestsList(), image.getSize());
  }
}
