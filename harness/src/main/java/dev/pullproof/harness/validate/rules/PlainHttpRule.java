package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.HostDir;
import dev.pullproof.harness.validate.model.HostEntry;
import dev.pullproof.harness.validate.model.NodeContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hosts-plain-http}: a {@code server} or host URL with {@code http://}. containerd speaks
 * plain HTTP to it (that is how a plain-HTTP registry is made to work: hosts/dir-without-port-fix).
 * INFO in general; a WARNING when the URL has no port but the directory names one: containerd then
 * connects to port 80, not the registry's port.
 */
public final class PlainHttpRule implements Rule {
  public static final String ID = "hosts-plain-http";

  @Override
  public List<Finding> check(NodeContext node) {
    List<Finding> out = new ArrayList<>();
    for (HostEntryAt at : HostEntryAt.all(node)) {
      HostDir dir = at.dir();
      HostEntry entry = at.entry();
      if (!entry.url().startsWith("http://")) {
        continue;
      }
      int port = port(entry.url());
      String dirPort = dirPort(dir.name());
      String key = entry.topLevel() ? "server" : entry.table().key();
      if (port < 0 && !dirPort.isEmpty() && !dirPort.equals("80")) {
        out.add(
            new Finding(
                ID,
                Severity.WARNING,
                at.file(),
                entry.urlLine(),
                key,
                node.targets(),
                entry.url()
                    + " has no port while the directory is "
                    + dir.name()
                    + ": containerd connects to port 80, not "
                    + dirPort
                    + ".",
                "Write the port: " + entry.url().replaceAll("/+$", "") + ":" + dirPort + "."));
      } else {
        out.add(
            new Finding(
                ID,
                Severity.INFO,
                at.file(),
                entry.urlLine(),
                key,
                node.targets(),
                entry.url()
                    + " is plain HTTP: containerd sends requests, and any authorization header or"
                    + " token, unencrypted.",
                "Fine for a registry that only speaks HTTP on a trusted network; prefer https"
                    + " with ca = \"ca.crt\"."));
      }
    }
    return out;
  }

  private static int port(String url) {
    try {
      return URI.create(url).getPort();
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private static String dirPort(String name) {
    if (name.endsWith("_") && name.lastIndexOf('_', name.length() - 2) > 0) {
      return name.substring(name.lastIndexOf('_', name.length() - 2) + 1, name.length() - 1);
    }
    int colon = name.lastIndexOf(':');
    return colon > 0 ? name.substring(colon + 1) : "";
  }
}
