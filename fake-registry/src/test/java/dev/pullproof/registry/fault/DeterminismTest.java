package dev.pullproof.registry.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.content.ImagePublisher;
import dev.pullproof.registry.content.ImageSpec;
import dev.pullproof.registry.content.PublishedImage;
import dev.pullproof.registry.protocol.RepositoryName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same rules and seeds with the same requests in the same order give the same journal, run
 * after run: seeded faults are reproducible, not merely random.
 */
class DeterminismTest {
  private static final int RUNS = 10;

  @Test
  void tenRunsGiveIdenticalJournalsOfStatusAndFault() throws Exception {
    List<List<String>> journals = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      journals.add(oneRun());
    }

    assertThat(journals.get(0))
        .as("the run exercises faults and clean answers alike")
        .anyMatch(line -> line.contains("fault"))
        .anyMatch(line -> !line.contains("fault"));
    for (int run = 1; run < RUNS; run++) {
      assertThat(journals.get(run)).as("run " + run).isEqualTo(journals.get(0));
    }
  }

  private static List<String> oneRun() throws Exception {
    try (FakeRegistry registry =
        FakeRegistry.builder()
            .fault(
                FaultRule.builder()
                    .route(RouteKind.MANIFEST_GET)
                    .chance(0.4, 2026)
                    .fault(Fault.status(503), Fault.status(429))
                    .build())
            .fault(
                FaultRule.builder()
                    .route(RouteKind.BLOB)
                    .method("GET")
                    .chance(0.3, 7)
                    .fault(new Fault.Truncate(100), new Fault.Reset(0), new Fault.Corrupt(5))
                    .build())
            .fault(
                FaultRule.builder()
                    .route(RouteKind.VERSION_CHECK)
                    .everyKth(3)
                    .fault(new Fault.Close())
                    .build())
            .start()) {
      PublishedImage image =
          new ImagePublisher(registry.content())
              .publish(
                  RepositoryName.of("library/app"),
                  "1.0",
                  ImageSpec.builder().layers(4096).build());
      String layer =
          "/v2/library/app/blobs/"
              + image.representations().get(0).platforms().get(0).layers().get(0).digest();
      for (int i = 0; i < 12; i++) {
        Probe.get(registry, "/v2/", 10_000);
        Probe.send(registry, "HEAD", "/v2/library/app/manifests/1.0", Map.of(), 10_000);
        Probe.get(registry, "/v2/library/app/manifests/1.0", 10_000);
        Probe.get(registry, layer, 10_000);
      }
      registry.journal().awaitQuiet(Duration.ofSeconds(10));
      // Sequence order is request order; completion order may differ when a fault cuts one.
      return registry.journal().all().stream()
          .sorted(java.util.Comparator.comparingLong(e -> e.sequence()))
          .map(
              e ->
                  e.method()
                      + " "
                      + e.path()
                      + " -> "
                      + e.status()
                      + (e.fault() == null ? "" : " fault " + e.fault()))
          .toList();
    }
  }
}
