package dev.pullproof.registry.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.auth.TokenService;
import dev.pullproof.registry.auth.Users;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.content.PublishedImage;
import dev.pullproof.registry.fault.Fault;
import dev.pullproof.registry.fault.FaultRule;
import dev.pullproof.registry.fault.RouteKind;
import dev.pullproof.registry.internal.http.RegistryServer;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.RepositoryName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 200 clients at once against one registry with token auth, each mixing manifest GETs, blob GETs,
 * token requests and requests a fault rule answers with 503, for a bounded time. Every answer must
 * be the planned one, the journal must hold exactly the requests sent (in total and per kind), the
 * registry's threads must stay within its fixed pool, and after the clients are gone the JVM must
 * hold no more file descriptors than before and, once the registry is closed, none of its threads.
 * Threads are counted by the registry's name only: other tests of the same JVM (jqwik's engine
 * among them) keep threads of their own that say nothing about the registry.
 *
 * <p>Bounded for CI: 10 s by default. The full run is 60 s: {@code mvn -B -o test -pl fake-registry
 * -Dtest=RegistryLoadTest -Dpullproof.load.seconds=60} (or {@code PULLPROOF_LOAD_SECONDS=60});
 * {@code pullproof.load.clients} changes the 200.
 */
@Tag("load")
class RegistryLoadTest {
  private enum Kind {
    MANIFEST,
    BLOB,
    TOKEN,
    FAULTED
  }

  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final String ACCEPT =
      "application/vnd.oci.image.manifest.v1+json,"
          + " application/vnd.docker.distribution.manifest.v2+json";
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
  private static final int LAYER_BYTES = 256 * 1024;
  private static final int WORKERS = 64;
  // The fixed worker pool, at most 4 I/O threads and the accept thread.
  private static final int MAX_THREADS = WORKERS + 4 + 1;

  /** The layer's size as stored (compressed), which each blob GET must deliver. */
  private static volatile long layerSize;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void twoHundredClientsGetTheirPlannedAnswersAndLeaveNothingBehind() throws Exception {
    int clients = Integer.getInteger("pullproof.load.clients", 200);
    Duration duration = Duration.ofSeconds(setting("pullproof.load.seconds", 10));
    try (FakeRegistry registry =
        FakeRegistry.builder()
            .workerThreads(WORKERS)
            // Every request is counted against the plan: keep them all.
            .journalCapacity(Integer.MAX_VALUE)
            .tokenAuth(
                TokenService.builder().service("registry.test").build(),
                Users.of("alice", "s3cret"))
            .fault(
                FaultRule.builder()
                    .route(RouteKind.MANIFEST_GET)
                    .repository("faulty/*")
                    .fault(Fault.status(503))
                    .build())
            .start()) {
      PublishedImage image =
          new ImagePublisher(registry.content())
              .publish(
                  RepositoryName.of("library/app"),
                  "1.0",
                  ImageSpec.builder().layers(LAYER_BYTES).build());
      var descriptor = image.representations().get(0).platforms().get(0).layers().get(0);
      layerSize = descriptor.size();
      String layer = "/v2/library/app/blobs/" + descriptor.digest();

      // Warm-up at full concurrency: the server's worker pool grows to what the load needs; the
      // baseline is what stays after that.
      run(registry, layer, clients, Duration.ofSeconds(2));
      registry.journal().awaitQuiet(Duration.ofSeconds(30));
      registry.journal().clear();
      int threadsBefore = registryThreads();
      long fdsBefore = settledFds(Long.MAX_VALUE);

      Result result = run(registry, layer, clients, duration);

      assertThat(result.errors()).as("unplanned answers (first 20)").isEmpty();
      assertThat(registry.journal().awaitQuiet(Duration.ofSeconds(30))).isTrue();
      List<JournalEntry> journal = registry.journal().all();
      Map<Kind, Long> sent = result.counts();
      System.out.printf(
          "load: %d clients, %d s: %d requests (%s), %.0f per second%n",
          clients,
          duration.toSeconds(),
          result.total(),
          sent,
          result.total() / (double) duration.toSeconds());
      assertThat(sent.values()).as("every kind was exercised").allMatch(n -> n > 0);
      assertThat(journal).as("journal entries").hasSize((int) result.total());
      assertThat(count(journal, e -> "token".equals(e.routeKind())))
          .isEqualTo(sent.get(Kind.TOKEN));
      assertThat(count(journal, e -> e.fault() != null && e.status() == 503))
          .isEqualTo(sent.get(Kind.FAULTED));
      assertThat(
              count(
                  journal,
                  e -> "manifest".equals(e.routeKind()) && e.fault() == null && e.status() == 200))
          .isEqualTo(sent.get(Kind.MANIFEST));
      assertThat(count(journal, e -> "blob".equals(e.routeKind()) && e.status() == 200))
          .isEqualTo(sent.get(Kind.BLOB));

      int threadsAfter = registryThreads();
      long fdsAfter = settledFds(fdsBefore);
      System.out.printf(
          "load: registry threads %d before, %d after (pool %d + I/O + accept); file descriptors"
              + " %d before, %d after%n",
          threadsBefore, threadsAfter, WORKERS, fdsBefore, fdsAfter);
      assertThat(threadsAfter)
          .as("registry threads after the run")
          .isLessThanOrEqualTo(MAX_THREADS);
      assertThat(fdsAfter).as("open file descriptors after the run").isLessThanOrEqualTo(fdsBefore);
    }
    assertThat(settledRegistryThreads()).as("registry threads once it is closed").isZero();
    assertThat(threadsNamed("load-client-")).as("client threads left").isZero();
  }

  private record Result(Map<Kind, Long> counts, List<String> errors) {
    long total() {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static Result run(FakeRegistry registry, String layer, int clients, Duration duration)
      throws InterruptedException {
    Map<Kind, LongAdder> counts = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      counts.put(k, new LongAdder());
    }
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    String host = registry.hostAndPort().substring(0, registry.hostAndPort().lastIndexOf(':'));
    int port = registry.port();
    long[] end = new long[1];
    for (int c = 0; c < clients; c++) {
      int id = c;
      Thread t =
          new Thread(
              () -> {
                try (KeepAliveClient client = new KeepAliveClient(host, port)) {
                  go.await();
                  String bearer = "Bearer " + token(client, counts, errors);
                  for (long i = id; System.nanoTime() < end[0]; i++) {
                    Kind kind = Kind.values()[(int) (i % Kind.values().length)];
                    counts.get(kind).increment();
                    try {
                      check(client, kind, bearer, layer, errors);
                    } catch (IOException e) {
                      errors.add(kind + ": " + e);
                      client.close();
                    }
                  }
                } catch (Exception e) {
                  errors.add("client " + id + ": " + e);
                }
              },
              "load-client-" + c);
      threads.add(t);
      t.start();
    }
    end[0] = System.nanoTime() + duration.toNanos();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    Map<Kind, Long> totals = new EnumMap<>(Kind.class);
    counts.forEach((k, v) -> totals.put(k, v.sum()));
    return new Result(totals, errors.stream().limit(20).toList());
  }

  private static String token(
      KeepAliveClient client, Map<Kind, LongAdder> counts, ConcurrentLinkedQueue<String> errors)
      throws IOException {
    counts.get(Kind.TOKEN).increment();
    KeepAliveClient.Answer a =
        client.get(
            "/token?service=registry.test&scope=repository:library/app:pull", BASIC, null, true);
    Matcher m = TOKEN.matcher(a.body());
    if (a.status() != 200 || !m.find()) {
      errors.add("token: " + a.status() + " " + a.body());
      return "none";
    }
    return m.group(1);
  }

  private static void check(
      KeepAliveClient client,
      Kind kind,
      String bearer,
      String layer,
      ConcurrentLinkedQueue<String> errors)
      throws IOException {
    KeepAliveClient.Answer a;
    switch (kind) {
      case MANIFEST:
        a = client.get("/v2/library/app/manifests/1.0", bearer, ACCEPT, false);
        expect(a.status() == 200 && a.length() > 0, kind, a, errors);
        break;
      case BLOB:
        a = client.get(layer, bearer, null, false);
        expect(a.status() == 200 && a.length() == layerSize, kind, a, errors);
        break;
      case TOKEN:
        a =
            client.get(
                "/token?service=registry.test&scope=repository:library/app:pull",
                BASIC,
                null,
                true);
        expect(a.status() == 200 && TOKEN.matcher(a.body()).find(), kind, a, errors);
        break;
      default:
        a = client.get("/v2/faulty/app/manifests/1.0", bearer, ACCEPT, false);
        expect(a.status() == 503, kind, a, errors);
        break;
    }
  }

  private static void expect(
      boolean ok, Kind kind, KeepAliveClient.Answer a, ConcurrentLinkedQueue<String> errors) {
    if (!ok) {
      errors.add(kind + ": status " + a.status() + ", " + a.length() + " body bytes");
    }
  }

  private static long count(
      List<JournalEntry> journal, java.util.function.Predicate<JournalEntry> p) {
    return journal.stream().filter(p).count();
  }

  /** The registry's live threads (its worker's name prefix); at most {@link #MAX_THREADS}. */
  private static int registryThreads() {
    return threadsNamed(RegistryServer.THREAD_NAME + " ");
  }

  /** The registry's thread count once it is zero, or after 15 s. */
  private static int settledRegistryThreads() throws InterruptedException {
    int n = registryThreads();
    for (int i = 0; i < 150 && n > 0; i++) {
      Thread.sleep(100);
      n = registryThreads();
    }
    return n;
  }

  private static int threadsNamed(String prefix) {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
            .count();
  }

  /** The open file descriptor count once it is at most {@code target}, or after 15 s. */
  private static long settledFds(long target) throws IOException, InterruptedException {
    long n = 0;
    for (int i = 0; i < 150; i++) {
      try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
        n = fds.count();
      }
      if (n <= target && i >= 10) {
        return n;
      }
      Thread.sleep(100);
    }
    return n;
  }

  private static long setting(String property, long fallback) {
    String value = System.getProperty(property);
    if (value == null) {
      value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
    }
    return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
  }
}
