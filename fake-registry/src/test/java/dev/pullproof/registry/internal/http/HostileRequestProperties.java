package dev.pullproof.registry.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.RawHttp;
import dev.pullproof.registry.journal.JournalEntry;
import dev.pullproof.registry.protocol.ErrorCode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile requests (request lines, header lines, bodies and their framing, upload
 * sequences) against a running registry: no 5xx, the spec's JSON error body on every error that may
 * carry a body, one journal entry per answer, and the server still answering afterwards. Bounded: a
 * fixed number of tries, a socket timeout per exchange, loopback only. The tally is printed when
 * the class is done.
 */
class HostileRequestProperties {
  private static final int TIMEOUT_MS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CODES =
      Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toSet());
  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final AtomicInteger SPEC_4XX = new AtomicInteger();
  private static final AtomicInteger FIVE_XX = new AtomicInteger();
  private static final AtomicInteger JOURNALED = new AtomicInteger();
  private static final AtomicInteger UNANSWERED = new AtomicInteger();
  private static FakeRegistry registry;

  @BeforeContainer
  static void start() throws Exception {
    // A short header timeout bounds any exchange the generators leave unfinished.
    registry = FakeRegistry.builder().headerTimeout(Duration.ofSeconds(2)).start();
    Images.push(new RawHttp(registry), "a", "latest");
  }

  @AfterContainer
  static void stop() {
    System.out.printf(
        "hostile input: %d tried, %d answered 4xx with a spec body, %d 5xx, %d journaled,"
            + " %d closed unanswered (journaled as status 0)%n",
        TRIED.get(), SPEC_4XX.get(), FIVE_XX.get(), JOURNALED.get(), UNANSWERED.get());
    registry.close();
  }

  // A new random seed each run (jqwik prints it with any failure; `seed = "..."` replays it).
  @Property(tries = 400, maxDiscardRatio = 1)
  void anyHostileRequestGetsASpecAnswerAndAJournalEntry(
      @ForAll("requests") HostileInput.Request request) throws Exception {
    exchange(request.toString(), request.bytes(), request.head(), request.mayGoUnanswered());
  }

  @Property(tries = 80)
  void anyUploadSequenceGetsSpecAnswers(@ForAll("uploads") List<UploadStep> steps)
      throws Exception {
    String location = "/v2/up/blobs/uploads/00000000-0000-0000-0000-000000000000";
    for (UploadStep step : steps) {
      List<RawExchange.Answer> answers =
          exchange(step.toString(), step.bytes(location), step.method().equals("HEAD"), false);
      String next = answers.isEmpty() ? null : answers.get(0).header("location");
      if (next != null && next.contains("/blobs/uploads/")) {
        location = next.replaceFirst("^https?://[^/]+", "");
      }
    }
  }

  @Provide
  Arbitrary<HostileInput.Request> requests() {
    return HostileInput.requests();
  }

  @Provide
  Arbitrary<List<UploadStep>> uploads() {
    return UploadStep.steps().list().ofMinSize(1).ofMaxSize(8);
  }

  /**
   * @param mayGoUnanswered the server may close without an answer; the journal must still hold the
   *     request, as unanswered (status 0)
   */
  private static List<RawExchange.Answer> exchange(
      String what, byte[] bytes, boolean head, boolean mayGoUnanswered) throws Exception {
    TRIED.incrementAndGet();
    // The previous health check may still be completing: its entry is not this exchange's.
    assertThat(registry.journal().awaitQuiet(Duration.ofSeconds(5))).isTrue();
    int before = registry.journal().all().size();
    List<RawExchange.Answer> answers =
        RawExchange.send(registry.port(), bytes, head, TIMEOUT_MS).stream()
            .filter(a -> a.status() >= 200) // 100 Continue is interim, not an answer
            .toList();
    if (answers.isEmpty() && mayGoUnanswered) {
      // Journaled as the connection closes, which the client may see first: wait (bounded).
      List<JournalEntry> entries = registry.journal().all();
      for (int i = 0; i < 50 && entries.size() == before; i++) {
        Thread.sleep(100);
        entries = registry.journal().all();
      }
      assertThat(entries.subList(before, entries.size()))
          .as("journal entries for " + what)
          .singleElement()
          .extracting(JournalEntry::status)
          .isEqualTo(0);
      UNANSWERED.incrementAndGet();
      JOURNALED.incrementAndGet();
      assertThat(new RawHttp(registry).get("/v2/").status()).as("still answering").isEqualTo(200);
      return answers;
    }
    assertThat(answers).as("answers to " + what).isNotEmpty();
    for (int i = 0; i < answers.size(); i++) {
      RawExchange.Answer a = answers.get(i);
      if (a.status() >= 500) {
        FIVE_XX.incrementAndGet();
      }
      assertThat(a.status()).as(what + " -> " + a).isBetween(200, 499);
      if (a.status() >= 400 && !(head && i == 0)) {
        JsonNode error = JSON.readTree(a.body()).path("errors").path(0);
        assertThat(a.header("content-type")).as(what + " -> " + a).startsWith("application/json");
        assertThat(error.path("code").asText()).as(what + " -> " + a).isIn(CODES);
        SPEC_4XX.incrementAndGet();
      }
    }
    assertThat(registry.journal().awaitQuiet(Duration.ofSeconds(5))).isTrue();
    int journaled = registry.journal().all().size() - before;
    assertThat(journaled).as("journal entries for " + what).isEqualTo(answers.size());
    JOURNALED.addAndGet(journaled);
    assertThat(new RawHttp(registry).get("/v2/").status()).as("still answering").isEqualTo(200);
    return answers;
  }
}
