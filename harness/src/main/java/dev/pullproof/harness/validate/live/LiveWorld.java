package dev.pullproof.harness.validate.live;

import dev.pullproof.harness.validate.NodeFiles;
import dev.pullproof.harness.validate.model.ImageRef;
import dev.pullproof.harness.world.NodeRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a node's files, the images it pulls and the user's per-host choices into a scenario file:
 * every host the config and the images name is impersonated (TLS from the world's CA where
 * containerd speaks HTTPS), the user's config.toml and hosts directory are placed unmodified, and
 * the CA and client files the hosts directory points at are replaced by the world's.
 */
public final class LiveWorld {
  private static final String ETC = "/etc/containerd/";

  private final Path config;
  private final Optional<Path> hostsDir;
  private final List<ImageRef> images;
  private final Map<String, HostBehaviour> choices;
  private final Credentials credentials;
  private final List<String> notes = new ArrayList<>();
  private final List<String> standIns = new ArrayList<>();
  private final Set<String> placed = new LinkedHashSet<>();
  private boolean caNoted;

  /**
   * @param choices by {@code host} or {@code host:port}; a host not named answers
   */
  public LiveWorld(
      Path config,
      Optional<Path> hostsDir,
      List<ImageRef> images,
      Map<String, HostBehaviour> choices,
      Credentials credentials) {
    this.config = config.toAbsolutePath();
    this.hostsDir = hostsDir.map(Path::toAbsolutePath);
    this.images = List.copyOf(images);
    this.choices = Map.copyOf(choices);
    this.credentials = credentials;
  }

  /** What the live check cannot reproduce of this node, said once in the report. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /**
   * The node files the config names that the user did not hand over, each with what stands in for
   * it (also among {@link #notes()}): {@code PATH (KEY at config.toml:LINE): STAND-IN}.
   */
  public List<String> standIns() {
    return List.copyOf(standIns);
  }

  /** The scenario file's text, for {@code versions}. */
  public String scenario(List<String> versions) throws IOException {
    placed.clear();
    standIns.clear();
    NodeConfig node = NodeConfig.read(config);
    List<HostsFile> hostsFiles = hostsFiles();
    Map<String, Endpoint> endpoints = endpoints(node, hostsFiles);
    StringBuilder toml = new StringBuilder();
    toml.append("name = \"validate\"\nsummary = \"")
        .append(escape(config.toString()))
        .append("\"\nversions = [")
        .append(String.join(", ", versions.stream().map(v -> "\"" + v + "\"").toList()))
        .append("]\ntimeout = \"2m\"\n\n");
    endpoints.forEach((name, e) -> registry(toml, name, e));
    toml.append("[containerd.files]\n");
    file(toml, "config.toml", "{ file = \"" + escape(config.toString()) + "\" }");
    placeHostsDir(toml, node, hostsFiles);
    node.tlsFiles().forEach((path, pem) -> placeTlsFile(toml, path, pem));
    placeStandIns(toml);
    for (ImageRef image : images) {
      toml.append("\n[[pull]]\nimage = \"").append(escape(image.original())).append("\"\n");
    }
    return toml.toString();
  }

  private List<HostsFile> hostsFiles() throws IOException {
    List<HostsFile> files = new ArrayList<>();
    if (hostsDir.isEmpty()) {
      return files;
    }
    try (Stream<Path> dirs = Files.list(hostsDir.get())) {
      for (Path dir : dirs.sorted().toList()) {
        Path file = dir.resolve("hosts.toml");
        if (Files.isRegularFile(file)) {
          files.add(HostsFile.read(file));
        }
      }
    }
    return files;
  }

  /** Every host containerd may contact, by the registry name the scenario gives it. */
  private Map<String, Endpoint> endpoints(NodeConfig node, List<HostsFile> hostsFiles) {
    Set<Endpoint> all = new LinkedHashSet<>();
    for (ImageRef image : images) {
      Optional<HostsFile> own =
          hostsFiles.stream().filter(h -> h.directory().equals(image.registry())).findFirst();
      all.add(own.flatMap(HostsFile::server).map(this::url).orElse(null));
      all.add(Endpoint.defaultFor(image.registry()));
    }
    for (HostsFile h : hostsFiles) {
      h.server().map(this::url).ifPresent(all::add);
      h.hostUrls().stream().map(this::url).forEach(all::add);
    }
    node.mirrorEndpoints().stream().map(this::url).forEach(all::add);
    // A registry.mirrors or registry.configs key is a registry host containerd may reach itself
    // (1.x CRI appends the registry's own endpoint to a mirror list); "*" names every registry.
    node.hosts().stream().filter(h -> !h.equals("*")).map(this::registry).forEach(all::add);
    all.remove(null);
    Map<String, Endpoint> byName = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Endpoint e : all) {
      if (!seen.add(e.hostAndPort())) {
        notes.add(e.hostAndPort() + " is named with both http and https; served as " + scheme(e));
        continue;
      }
      if (e.host().matches("[0-9.]+|.*:.*")) {
        notes.add(
            e.hostAndPort()
                + " is an IP address: it cannot be impersonated, so it was not served; what"
                + " containerd did with it is not this node's mirror's doing");
        continue;
      }
      byName.put(name(e, byName), e);
    }
    for (String chosen : choices.keySet()) {
      if (byName.values().stream()
          .noneMatch(e -> e.host().equals(chosen) || e.hostAndPort().equals(chosen))) {
        notes.add(
            "--host "
                + chosen
                + "="
                + choices.get(chosen).name().toLowerCase(java.util.Locale.ROOT)
                + " had no effect: no served host is "
                + chosen
                + " (served: "
                + String.join(", ", byName.values().stream().map(Endpoint::hostAndPort).toList())
                + ")");
      }
    }
    return byName;
  }

  private Endpoint registry(String name) {
    try {
      return Endpoint.defaultFor(name);
    } catch (IllegalArgumentException e) {
      notes.add("'" + name + "' is not a registry host: not served");
      return null;
    }
  }

  private Endpoint url(String url) {
    try {
      return Endpoint.ofUrl(url);
    } catch (IllegalArgumentException e) {
      notes.add(e.getMessage());
      return null;
    }
  }

  private void registry(StringBuilder toml, String name, Endpoint e) {
    HostBehaviour behaviour =
        choices.getOrDefault(
            e.hostAndPort(), choices.getOrDefault(e.host(), HostBehaviour.ANSWERS));
    toml.append("# ").append(e.hostAndPort()).append(": ").append(behaviour).append('\n');
    toml.append("[registries.").append(name).append("]\n");
    toml.append("host = \"").append(e.host()).append("\"\nport = ").append(e.port()).append('\n');
    if (e.tls()) {
      toml.append("tls = true\n");
    }
    if (behaviour == HostBehaviour.DOWN) {
      toml.append("down = \"refused\"\n\n");
      return;
    }
    if (behaviour == HostBehaviour.AUTH || behaviour == HostBehaviour.TOKEN) {
      toml.append(credentials.authLine(e, behaviour == HostBehaviour.TOKEN));
    }
    toml.append("images = [")
        .append(
            String.join(
                ", ",
                images.stream().map(i -> "\"" + i.repositoryAndTag() + "\"").distinct().toList()))
        .append("]\n\n");
  }

  /** The hosts directory where config_path points, with the world's TLS files in place. */
  private void placeHostsDir(StringBuilder toml, NodeConfig node, List<HostsFile> hostsFiles)
      throws IOException {
    if (hostsDir.isEmpty()) {
      return;
    }
    Optional<String> target = node.hostsDirectory();
    if (target.isEmpty() || !target.get().startsWith(ETC)) {
      notes.add(
          target
                  .map(t -> "config_path " + t + " is outside /etc/containerd: the hosts directory")
                  .orElse(
                      "config.toml sets no config_path: the CRI plugin does not read the hosts"
                          + " directory, so it")
              + " was not placed in the node");
      return;
    }
    String base = target.get().substring(ETC.length()).replaceAll("/+$", "");
    Map<String, String> tlsFiles = new LinkedHashMap<>();
    for (HostsFile h : hostsFiles) {
      // A relative path is relative to the hosts.toml's own directory, as containerd reads it.
      String own = ETC + base + "/" + h.directory() + "/";
      h.caFiles().forEach(f -> tlsFiles.put(absolute(own, f), "{{tls.ca_pem}}"));
      h.clientCerts().forEach(f -> tlsFiles.put(absolute(own, f), "{{tls.client_cert_pem}}"));
      h.clientKeys().forEach(f -> tlsFiles.put(absolute(own, f), "{{tls.client_key_pem}}"));
    }
    try (Stream<Path> walk = Files.walk(hostsDir.get())) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = hostsDir.get().relativize(f).toString();
        String nodePath = ETC + base + "/" + relative;
        if (!tlsFiles.containsKey(nodePath)) {
          file(toml, base + "/" + relative, "{ file = \"" + escape(f.toString()) + "\" }");
        }
      }
    }
    tlsFiles.forEach((nodePath, pem) -> placeTlsFile(toml, nodePath, pem));
  }

  /**
   * A stand-in for every node file config.toml names that is not placed yet: a real node ships
   * them, and without some (a base runtime spec) the CRI plugin does not load at all.
   */
  private void placeStandIns(StringBuilder toml) {
    NodeFiles files = new NodeFiles(config, hostsDir);
    for (NodeFiles.Reference ref : files.references()) {
      String path = ref.path().replaceAll("/+$", "");
      String at =
          ref.key() + " at " + config.getFileName() + (ref.line() > 0 ? ":" + ref.line() : "");
      if (ref.kind() == NodeFiles.Kind.DIRECTORY) {
        if (placed.stream().noneMatch(p -> p.startsWith(path + "/"))) {
          placeNodeFile(toml, path + "/" + STAND_IN_MARKER, "\"stand-in directory\\n\"");
          standIn(path + "/ (" + at + "): an empty directory");
        }
        continue;
      }
      if (placed.contains(path)) {
        continue;
      }
      switch (ref.kind()) {
        case RUNTIME_SPEC -> {
          placeNodeFile(toml, path, "'''\n" + NodeFiles.defaultRuntimeSpec() + "'''");
          standIn(path + " (" + at + "): containerd 1.7.24's default runtime spec (ctr oci spec)");
        }
        case CNI_TEMPLATE -> {
          placeNodeFile(toml, path, "\"" + escape(CNI_TEMPLATE) + "\"");
          standIn(path + " (" + at + "): an empty CNI network list");
        }
        case CA -> {
          placeNodeFile(toml, path, "\"{{tls.ca_pem}}\"");
          standIn(path + " (" + at + "): the run's CA");
        }
        case CERT -> {
          placeNodeFile(toml, path, "\"{{tls.client_cert_pem}}\"");
          standIn(path + " (" + at + "): the run's client certificate");
        }
        case KEY -> {
          placeNodeFile(toml, path, "\"{{tls.client_key_pem}}\"");
          standIn(path + " (" + at + "): the run's client key");
        }
        default -> throw new IllegalStateException("unplaced kind " + ref.kind());
      }
    }
  }

  /** Inside a stand-in directory: CNI, CDI and hosts lookups read only their own file names. */
  static final String STAND_IN_MARKER = ".pullproof-stand-in";

  private static final String CNI_TEMPLATE =
      "{\"cniVersion\": \"1.0.0\", \"name\": \"pullproof-stand-in\", \"plugins\": []}\n";

  private void standIn(String what) {
    standIns.add(what);
    notes.add("stand-in for " + what);
  }

  /** A node file at an absolute path: under /etc/containerd as a scenario file, else node-root. */
  private void placeNodeFile(StringBuilder toml, String nodePath, String value) {
    if (nodePath.startsWith(ETC + "pullproof/")) {
      notes.add(nodePath + " is where the live check keeps its own files: not placed");
      return;
    }
    file(
        toml,
        nodePath.startsWith(ETC) ? nodePath.substring(ETC.length()) : NodeRoot.key(nodePath),
        value);
  }

  private static String absolute(String dir, String path) {
    return path.startsWith("/") ? path : dir + path;
  }

  /** The world's CA or client file where the user's config expects its own. */
  private void placeTlsFile(StringBuilder toml, String nodePath, String pem) {
    if (pem.contains("ca_pem") && !caNoted) {
      caNoted = true;
      notes.add(
          "the world's one CA also stands in the node's system trust store, so a CA file that a"
              + " version ignores still verifies here: the static findings name such settings");
    }
    if (placed.contains(nodePath)) {
      return;
    }
    if (!nodePath.startsWith(ETC)) {
      standIn(nodePath + ": the run's " + (pem.contains("ca_pem") ? "CA" : "client TLS file"));
    }
    placeNodeFile(toml, nodePath, "\"" + pem + "\"");
  }

  private void file(StringBuilder toml, String path, String value) {
    placed.add(NodeRoot.absolute(path).orElse(ETC + path));
    toml.append('"').append(escape(path)).append("\" = ").append(value).append('\n');
  }

  private static String name(Endpoint e, Map<String, Endpoint> taken) {
    String base = e.host().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    base = Character.isLetter(base.charAt(0)) ? base : "h-" + base;
    String name = base;
    for (int i = 2; taken.containsKey(name); i++) {
      name = base + "-" + i;
    }
    return name;
  }

  private static String scheme(Endpoint e) {
    return e.tls() ? "https" : "http";
  }

  /** A TOML basic string's content: quotes, backslashes and line breaks escaped. */
  static String escape(String s) {
    return s.replace("\\", "\\\\")
        .replace("\"", "\\\"")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t");
  }
}
