package dev.pullproof.registry.cli;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.FakeRegistryBuilder;
import dev.pullproof.registry.auth.Grants;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.ImageFormat;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.content.OciLayoutImporter;
import dev.pullproof.registry.content.PublishedImage;
import dev.pullproof.registry.fault.Fault;
import dev.pullproof.registry.fault.FaultRule;
import dev.pullproof.registry.fault.RouteKind;
import dev.pullproof.registry.journal.Journal;
import dev.pullproof.registry.protocol.RepositoryName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * Serves a fake registry until interrupted; prints its URL and content once it listens. Public so
 * that {@code pullproof registry serve} in the harness can mix these options in; {@link
 * RegistryCli} runs it alone.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve a fake registry until Ctrl-C.",
    footer = {
      "",
      "Examples:",
      "  serve --image library/app:1.0 --layer-size 4MiB",
      "  serve --auth token --user alice:s3cret --public 'library/*' --image library/app:1.0",
      "  serve --oci-layout ./layout=team/app --journal journal.json"
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "Port; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port = 5000;

  @Option(names = "--auth", description = "none, basic or token (default ${DEFAULT-VALUE}).")
  String auth = "none";

  @Option(names = "--user", paramLabel = "NAME:PASSWORD", description = "A user (repeatable).")
  List<String> users = new ArrayList<>();

  @Option(
      names = "--public",
      paramLabel = "GLOB",
      description = "Repositories anyone may pull with token auth (repeatable), e.g. 'library/*'.")
  List<String> publicRepositories = new ArrayList<>();

  @Option(
      names = "--image",
      paramLabel = "NAME:TAG",
      description = "Publish a synthetic image (repeatable).")
  List<String> images = new ArrayList<>();

  @Option(
      names = "--layer-size",
      converter = ByteSize.class,
      description = "Size of each synthetic image's layer (default 1MiB).")
  long layerSize = 1 << 20;

  @Option(names = "--multi-arch", description = "Synthetic images get linux/amd64 and linux/arm64.")
  boolean multiArch;

  @Option(
      names = "--format",
      description = "Synthetic images as OCI, DOCKER or BOTH (default ${DEFAULT-VALUE}).")
  ImageFormat format = ImageFormat.OCI;

  @Option(
      names = "--oci-layout",
      paramLabel = "DIR=NAME",
      description = "Import an OCI image layout directory into a repository (repeatable).")
  List<String> layouts = new ArrayList<>();

  @Option(
      names = "--journal",
      description =
          "Write every request to this JSON file as it is answered (complete on exit), however"
              + " many the journal keeps in memory.")
  Path journal;

  @Option(
      names = "--journal-capacity",
      paramLabel = "N",
      description =
          "Journal entries kept in memory (default ${DEFAULT-VALUE}); older ones are counted, and"
              + " written to --journal when given.")
  int journalCapacity = Journal.DEFAULT_CAPACITY;

  @Option(
      names = "--noop-fault-rule",
      description =
          "Install a fault rule that matches every blob GET and lets it through untouched, to"
              + " measure the rule engine's cost (ci/bench-registry).")
  boolean noopFaultRule;

  @Option(
      names = "--header-timeout",
      paramLabel = "SECONDS",
      description =
          "Close a connection whose request head is not complete this long after its first byte (default ${DEFAULT-VALUE}).")
  long headerTimeoutSeconds = FakeRegistryBuilder.DEFAULT_HEADER_TIMEOUT.toSeconds();

  @Option(
      names = "--idle-timeout",
      paramLabel = "SECONDS",
      description =
          "Close a keep-alive connection idle this long between requests (default ${DEFAULT-VALUE}).")
  long idleTimeoutSeconds = FakeRegistryBuilder.DEFAULT_IDLE_TIMEOUT.toSeconds();

  @Option(
      names = "--lenient-manifests",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Accept manifest pushes whose non-distributable layers or index children are absent"
              + " (default); --no-lenient-manifests refuses them with MANIFEST_BLOB_UNKNOWN.")
  boolean lenientManifests = true;

  @Override
  public Integer call() throws Exception {
    FakeRegistryBuilder builder;
    try {
      builder =
          FakeRegistry.builder()
              .host(host)
              .port(port)
              .headerTimeout(Duration.ofSeconds(headerTimeoutSeconds))
              .idleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
              .lenientManifests(lenientManifests)
              .journalCapacity(journalCapacity);
      if (journal != null) {
        builder.journalFile(journal);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    configureAuth(builder);
    if (noopFaultRule) {
      builder.fault(
          FaultRule.builder()
              .name("noop")
              .route(RouteKind.BLOB)
              .method("GET")
              .fault(Fault.none())
              .build());
    }
    FakeRegistry registry = builder.start();
    // SIGINT and SIGTERM are the normal way to stop: handled here, not by the JVM's default
    // (which exits 130 / 143), so the journal is written and the exit code is 0.
    CountDownLatch signalled = new CountDownLatch(1);
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(new Signal(name), signal -> signalled.countDown());
    }
    try {
      seed(registry);
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    System.out.println(
        "fake registry listening on "
            + registry.url()
            + " (auth: "
            + auth
            + (noopFaultRule ? ", no-op fault rule on blob GETs" : "")
            + ")");
    System.out.flush();
    signalled.await();
    stop(registry);
    return 0;
  }

  private void configureAuth(FakeRegistryBuilder builder) {
    Map<String, String> passwords = new LinkedHashMap<>();
    for (String user : users) {
      int colon = user.indexOf(':');
      if (colon <= 0) {
        throw new ParameterException(spec.commandLine(), "--user must be NAME:PASSWORD");
      }
      passwords.put(user.substring(0, colon), user.substring(colon + 1));
    }
    Users all = Users.of(passwords);
    switch (auth) {
      case "none" -> {}
      case "basic" -> builder.basicAuth(all);
      case "token" -> {
        Grants.Builder grants = Grants.builder();
        publicRepositories.forEach(grants::publicRepository);
        passwords.keySet().forEach(u -> grants.allow(u, "*", "pull", "push", "delete"));
        builder.tokenAuth(
            TokenService.builder().service("fake-registry").build(), all, grants.build());
      }
      default ->
          throw new ParameterException(spec.commandLine(), "--auth must be none, basic or token");
    }
  }

  private void seed(FakeRegistry registry) {
    ImagePublisher publisher = new ImagePublisher(registry.content());
    for (String image : images) {
      int colon = image.lastIndexOf(':');
      if (colon <= 0 || image.indexOf('/', colon) >= 0) {
        throw new ParameterException(spec.commandLine(), "--image must be NAME:TAG, got " + image);
      }
      ImageSpec.Builder imageSpec = ImageSpec.builder().layer(layerSize).format(format);
      if (multiArch) {
        imageSpec.multiArch();
      }
      PublishedImage published =
          publisher.publish(
              RepositoryName.of(image.substring(0, colon)),
              image.substring(colon + 1),
              imageSpec.build());
      System.out.println("  " + image + " " + published.digest());
    }
    for (String layout : layouts) {
      int eq = layout.lastIndexOf('=');
      if (eq <= 0) {
        throw new ParameterException(spec.commandLine(), "--oci-layout must be DIR=NAME");
      }
      var imported =
          new OciLayoutImporter(registry.content())
              .importLayout(
                  Path.of(layout.substring(0, eq)), RepositoryName.of(layout.substring(eq + 1)));
      System.out.println("  " + imported.repository() + " tags " + imported.tags().keySet());
    }
  }

  private void stop(FakeRegistry registry) {
    // Closing completes the journal file; the summary says what memory kept and where the rest is.
    registry.journal().awaitQuiet(Duration.ofSeconds(2));
    registry.close();
    System.out.println("journal: " + registry.journal().summary());
  }
}
