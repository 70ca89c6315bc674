package dev.pullproof.harness.containerd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code ctr images pull} as a scenario asks for it: {@code --hosts-dir} (ctr reads hosts.toml
 * files from there, not config.toml's CRI section), {@code --user user:password}, {@code
 * --plain-http}, {@code --local[=false]}, in a namespace ({@code k8s.io} by default, where CRI sees
 * the images).
 */
public record CtrPull(
    String image,
    Optional<String> hostsDir,
    Optional<String> user,
    boolean plainHttp,
    String namespace,
    Optional<Boolean> local) {
  /** The namespace CRI keeps its images in, and ctr pulls' default. */
  public static final String CRI_NAMESPACE = "k8s.io";

  public CtrPull {
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("image must not be empty");
    }
    java.util.Objects.requireNonNull(local, "local");
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("namespace must not be empty");
    }
    user.ifPresent(
        u -> {
          if (!u.contains(":")) {
            throw new IllegalArgumentException("user must be 'name:password'");
          }
        });
  }

  public static CtrPull of(String image) {
    return new CtrPull(
        image, Optional.empty(), Optional.empty(), false, CRI_NAMESPACE, Optional.empty());
  }

  public CtrPull withHostsDir(String dir) {
    return new CtrPull(image, Optional.of(dir), user, plainHttp, namespace, local);
  }

  public CtrPull withUser(String nameAndPassword) {
    return new CtrPull(image, hostsDir, Optional.of(nameAndPassword), plainHttp, namespace, local);
  }

  public CtrPull withPlainHttp() {
    return new CtrPull(image, hostsDir, user, true, namespace, local);
  }

  public CtrPull withNamespace(String name) {
    return new CtrPull(image, hostsDir, user, plainHttp, name, local);
  }

  /**
   * {@code --local} (true: the client resolves and fetches, 2.x's old path) or {@code
   * --local=false} (false: the daemon's transfer service, which 1.7 offers but does not default
   * to).
   */
  public CtrPull withLocal(boolean value) {
    return new CtrPull(image, hostsDir, user, plainHttp, namespace, Optional.of(value));
  }

  /** The command line for the socket at {@code address}, secrets included: only for exec. */
  List<String> command(String address) {
    List<String> args = new ArrayList<>(List.of("ctr", "--address", address));
    args.addAll(List.of("--namespace", namespace, "images", "pull"));
    hostsDir.ifPresent(d -> args.addAll(List.of("--hosts-dir", d)));
    user.ifPresent(u -> args.addAll(List.of("--user", u)));
    if (plainHttp) {
      args.add("--plain-http");
    }
    local.ifPresent(l -> args.add(l ? "--local" : "--local=false"));
    args.add(image);
    return args;
  }

  /** The command line for the default socket, secrets included: only for exec. */
  List<String> command() {
    return command(ContainerdContainer.SOCKET);
  }

  /** The command line with the password masked, for reports. */
  public String display() {
    return display(ContainerdContainer.SOCKET);
  }

  /** The command line for the socket at {@code address}, the password masked. */
  String display(String address) {
    return String.join(" ", command(address)).replaceAll("(--user [^: ]+:)\\S+", "$1***");
  }
}
