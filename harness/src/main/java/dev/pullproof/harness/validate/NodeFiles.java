package dev.pullproof.harness.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * The node's own files, as the user copied them: {@code config.toml} and, when given, the directory
 * its {@code config_path} names ({@code certs.d}). They are only read, never written.
 */
public record NodeFiles(Path config, Optional<Path> hostsDir) {
  public NodeFiles {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(hostsDir, "hostsDir (use Optional.empty())");
  }

  /** What a node file named by config.toml is, and what containerd does without it. */
  public enum Kind {
    /**
     * Read when the CRI plugin starts: {@code loadBaseOCISpecs} in pkg/cri/server/service.go
     * (1.6.20, 1.7.24; also pkg/cri/sbserver) and plugins/cri/runtime/plugin.go (2.1.9).
     */
    RUNTIME_SPEC(
        "an OCI runtime spec (JSON)",
        "without it the CRI plugin does not load ('failed to load base OCI spec from file')"),
    /**
     * CNI's bin/conf dirs, CDI's spec dirs. (config_path is not one: a missing hosts directory is
     * no hosts.toml to containerd, and the hosts directory is handed over on its own.)
     */
    DIRECTORY(
        "a directory",
        "without it containerd logs errors (for CNI: 'failed to load cni during init') and pods"
            + " get no network; image pulls do not read it"),
    /** CNI's conf_template, rendered when the kubelet sends a pod CIDR. */
    CNI_TEMPLATE("a CNI config template", "read only when the kubelet sends the pod CIDR"),
    CA("a CA certificate (PEM)", "without it every TLS connection that needs it fails"),
    CERT("a certificate (PEM)", "without it every TLS connection that needs it fails"),
    KEY("a private key (PEM)", "without it every TLS connection that needs it fails");

    private final String what;
    private final String withoutIt;

    Kind(String what, String withoutIt) {
      this.what = what;
      this.withoutIt = withoutIt;
    }

    public String what() {
      return what;
    }

    public String withoutIt() {
      return withoutIt;
    }
  }

  /**
   * A file or directory config.toml names on the node.
   *
   * @param key the dotted TOML key
   * @param line 1-based, 0 when unknown
   */
  public record Reference(String path, Kind kind, String key, int line) {}

  /**
   * Keys that name node files, by their last segment, from docs/cri/config.md of 1.6.20, 1.7.24 and
   * 2.1.9 (CRI, under any plugin id a version uses) and docs/man/containerd-config.toml.5.md
   * ({@code [grpc] tcp_tls_*}).
   */
  private static final Map<String, Kind> KEYS =
      Map.ofEntries(
          Map.entry("base_runtime_spec", Kind.RUNTIME_SPEC),
          Map.entry("bin_dir", Kind.DIRECTORY),
          Map.entry("bin_dirs", Kind.DIRECTORY),
          Map.entry("conf_dir", Kind.DIRECTORY),
          Map.entry("cni_conf_dir", Kind.DIRECTORY),
          Map.entry("cdi_spec_dirs", Kind.DIRECTORY),
          Map.entry("conf_template", Kind.CNI_TEMPLATE),
          Map.entry("ca_file", Kind.CA),
          Map.entry("cert_file", Kind.CERT),
          Map.entry("key_file", Kind.KEY),
          Map.entry("tls_cert_file", Kind.CERT),
          Map.entry("tls_key_file", Kind.KEY),
          Map.entry("tcp_tls_ca", Kind.CA),
          Map.entry("tcp_tls_cert", Kind.CERT),
          Map.entry("tcp_tls_key", Kind.KEY));

  /** Every node file config.toml names, in file order; an unparsable file names what it can. */
  public List<Reference> references() {
    TomlParseResult toml;
    try {
      toml = Toml.parse(config);
    } catch (IOException e) {
      return List.of();
    }
    return referencesIn(toml);
  }

  /** Every node file a parsed config.toml names, in file order. */
  public static List<Reference> referencesIn(TomlTable root) {
    List<Reference> out = new ArrayList<>();
    walk(root, root, List.of(), out);
    return out;
  }

  private static void walk(TomlTable root, TomlTable table, List<String> at, List<Reference> out) {
    for (String name : table.keySet()) {
      List<String> path = new ArrayList<>(at);
      path.add(name);
      Object value = table.get(List.of(name));
      if (value instanceof TomlTable child) {
        walk(root, child, path, out);
        continue;
      }
      Kind kind = KEYS.get(name);
      if (kind == null) {
        continue;
      }
      List<String> values = new ArrayList<>();
      if (value instanceof String s) {
        values.add(s);
      } else if (value instanceof TomlArray array) {
        for (int i = 0; i < array.size(); i++) {
          if (array.get(i) instanceof String s) {
            values.add(s);
          }
        }
      }
      TomlPosition position = root.inputPositionOf(path);
      String key = String.join(".", path.stream().map(NodeFiles::quoted).toList());
      for (String v : values) {
        if (v.startsWith("/")) {
          out.add(new Reference(v, kind, key, position == null ? 0 : position.line()));
        }
      }
    }
  }

  private static String quoted(String segment) {
    return segment.matches("[A-Za-z0-9_-]+") ? segment : "\"" + segment + "\"";
  }

  /**
   * containerd 1.7.24's default OCI runtime spec, as {@code ctr oci spec} printed it in the node
   * image: the stand-in for a {@code base_runtime_spec} the user did not hand over.
   */
  public static String defaultRuntimeSpec() {
    try (InputStream in = NodeFiles.class.getResourceAsStream("default-runtime-spec.json")) {
      return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
