package dev.pullproof.harness.scenario;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Something a scenario does on the node besides pulling, whose answer is an observation: a {@code
 * ctr} command, or a CRI {@code RunPodSandbox} (which makes containerd pull the sandbox image
 * itself, without the kubelet's credentials).
 */
public sealed interface NodeStep {
  /** How the step reads in reports, e.g. {@code ctr plugins ls}. */
  String display();

  /**
   * {@code ctr --address SOCKET --namespace k8s.io ARGS...} in the node.
   *
   * @param args what follows the global flags, e.g. {@code ["plugins", "ls"]}
   */
  record Ctr(List<String> args) implements NodeStep {
    private static final Pattern SAFE = Pattern.compile("[^\\s\\x00]+");

    public Ctr {
      args = List.copyOf(args);
      if (args.isEmpty()) {
        throw new IllegalArgumentException(
            "ctr needs a subcommand, e.g. [\"plugins\", \"ls\"] or [\"deprecations\", \"list\"]");
      }
      for (String a : args) {
        if (!SAFE.matcher(a).matches()) {
          throw new IllegalArgumentException(
              "ctr arguments are words without spaces, got '" + a + "'");
        }
      }
      if (args.get(0).startsWith("--address") || args.get(0).startsWith("--namespace")) {
        throw new IllegalArgumentException(
            "the harness gives --address and --namespace itself; start with the subcommand");
      }
    }

    @Override
    public String display() {
      return "ctr " + String.join(" ", args);
    }
  }

  /**
   * A CRI {@code RunPodSandbox}, as the kubelet sends it when a pod is scheduled: containerd pulls
   * its sandbox image (1.x {@code sandbox_image}, 2.x {@code pinned_images.sandbox}) first.
   *
   * @param hostNetwork the pod shares the node's network (no CNI needed, as the node has none)
   */
  record PodSandbox(String name, String namespace, String uid, boolean hostNetwork)
      implements NodeStep {
    public PodSandbox {
      for (String v : new String[] {name, namespace, uid}) {
        if (v == null || !v.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
          throw new IllegalArgumentException(
              "pod name, namespace and uid are lower-case DNS labels, got '" + v + "'");
        }
      }
    }

    @Override
    public String display() {
      return "RunPodSandbox " + namespace + "/" + name + (hostNetwork ? " (host network)" : "");
    }
  }
}
