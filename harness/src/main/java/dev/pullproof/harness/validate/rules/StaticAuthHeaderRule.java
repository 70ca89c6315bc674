package dev.pullproof.harness.validate.rules;

import dev.pullproof.harness.text.SecretMask;
import dev.pullproof.harness.toml.Severity;
import dev.pullproof.harness.validate.Finding;
import dev.pullproof.harness.validate.model.HostDir;
import dev.pullproof.harness.validate.model.HostEntry;
import dev.pullproof.harness.validate.model.Located;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.version.ContainerdVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code hosts-static-authorization}: a static {@code Authorization} header in hosts.toml. It works
 * against a Basic-auth registry on every version (writeup/static-header-basic-works). Against a
 * token registry (Docker Hub) 1.6 and 1.7 do not send it to the token endpoint, get an anonymous
 * token and fail with {@code insufficient_scope}; 2.x sends it and pulls
 * (writeup/static-header-token-reproduce). The value is a credential and is only shown masked.
 */
public final class StaticAuthHeaderRule implements Rule {
  public static final String ID = "hosts-static-authorization";

  // Shows a header's scheme without its credential; the node's secrets are scrubbed later.
  private static final SecretMask MASK = SecretMask.forFindings(List.of());

  @Override
  public List<Finding> check(NodeContext node) {
    List<Finding> out = new ArrayList<>();
    List<ContainerdVersion> ones = Families.where(node.targets(), ContainerdVersion::isOneX);
    List<ContainerdVersion> two = Families.twoX(node.targets());
    for (HostEntryAt at : HostEntryAt.all(node)) {
      HostDir dir = at.dir();
      HostEntry entry = at.entry();
      Optional<Located> header = entry.table().table("header");
      if (header.isEmpty()) {
        continue;
      }
      for (String name : header.get().keys()) {
        if (!name.equalsIgnoreCase("authorization")) {
          continue;
        }
        String shown = MASK.value(header.get().string(name).orElse(""));
        String base =
            "A static Authorization header ("
                + shown
                + ") for "
                + (entry.url().isEmpty() ? dir.name() : entry.url())
                + ": the credential sits in clear text on the node";
        String fix =
            "Give credentials as imagePullSecrets or a kubelet image credential provider; keep a"
                + " static header only for Basic-auth registries.";
        if (!ones.isEmpty()) {
          out.add(
              new Finding(
                  ID,
                  Severity.WARNING,
                  at.file(),
                  header.get().lineOf(name),
                  header.get().keyOf(name),
                  ones,
                  base
                      + ". It works against Basic auth; against a token registry such as Docker"
                      + " Hub containerd "
                      + Families.label(ones)
                      + " does not send it to the token endpoint, gets an anonymous token and"
                      + " fails with 'insufficient_scope'.",
                  fix));
        }
        if (!two.isEmpty()) {
          out.add(
              new Finding(
                  ID,
                  Severity.INFO,
                  at.file(),
                  header.get().lineOf(name),
                  header.get().keyOf(name),
                  two,
                  base + ". 2.x also sends it with the token request, so it works there.",
                  fix));
        }
      }
    }
    return out;
  }
}
