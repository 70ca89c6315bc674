package dev.pullproof.harness.validate;

import dev.pullproof.harness.toml.TomlFile;
import dev.pullproof.harness.validate.model.ConfigFile;
import dev.pullproof.harness.validate.model.HostsTree;
import dev.pullproof.harness.validate.model.ImageRef;
import dev.pullproof.harness.validate.model.NodeContext;
import dev.pullproof.harness.validate.rules.Rule;
import dev.pullproof.harness.validate.rules.Rules;
import dev.pullproof.harness.version.ContainerdVersion;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a node's containerd config.toml and hosts directory without running containerd: every rule
 * in {@link Rules#all()}, for the target version families. What each rule says containerd does
 * comes from containerd's sources for 1.6.20, 1.7.24 and 2.1.9 and from the scenario catalogue
 * (scenarios/*), which observed it. Files are only read. No finding's text contains a credential
 * from the files.
 */
public final class StaticChecks {
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(f -> f.file().toString())
          .thenComparingInt(Finding::line)
          .thenComparing(Finding::rule)
          .thenComparing(Finding::key);

  private final List<Rule> rules;

  public StaticChecks() {
    this(Rules.all());
  }

  StaticChecks(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Runs every rule.
   *
   * @param images image references the node must pull ({@code nginx}, {@code
   *     registry.example:5000/team/app:1.0}); their registries decide which host directories apply
   * @param targets the containerd families to judge for, at least one
   * @return the findings, worst first, then by file and line
   * @throws IllegalArgumentException for an empty target list, a string that is no image reference,
   *     or a hosts dir that is not a directory
   */
  public List<Finding> check(
      NodeFiles files, List<String> images, List<ContainerdVersion> targets) {
    files
        .hostsDir()
        .filter(d -> !Files.isDirectory(d))
        .ifPresent(
            d -> {
              throw new IllegalArgumentException(
                  "hosts dir " + d + ": not a directory (give the copy of the node's certs.d)");
            });
    NodeContext node =
        new NodeContext(
            new ConfigFile(TomlFile.read(files.config())),
            files.hostsDir().map(HostsTree::read),
            images.stream().map(ImageRef::parse).toList(),
            targets);
    SecretScrubber scrubber = SecretScrubber.of(node);
    List<Finding> out = new ArrayList<>();
    for (Rule rule : rules) {
      for (Finding f : rule.check(node)) {
        out.add(f.withText(scrubber::scrub));
      }
    }
    out.sort(ORDER);
    return List.copyOf(out);
  }
}
