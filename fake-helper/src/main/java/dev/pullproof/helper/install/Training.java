package dev.pullproof.helper.install;

import dev.pullproof.helper.Ending;
import dev.pullproof.helper.HelperArgs;
import dev.pullproof.helper.HelperRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The archive-training run ({@code fake-helper train DIR}): the calls a helper typically serves, in
 * one JVM, so the class-data sharing archive holds every class they load.
 */
public final class Training {
  private Training() {}

  public static int run(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path script = dir.resolve("training.json");
    Files.writeString(
        script,
        "{\"log\": \"training.jsonl\", \"rules\": ["
            + "{\"server\": \"training.test\", \"answer\": {\"username\": \"u\", \"secret\": \"s\"}},"
            + "{\"server\": \"seq.test\", \"sequence\": [{\"times\": 1, \"answer\": \"not-found\"},"
            + " {\"answer\": {\"error\": \"e\", \"delay\": \"1ms\"}}]}]}");
    HelperRun run = new HelperRun(Clock.systemUTC(), System.getenv(), Ending.real());
    List<String[]> calls =
        List.of(
            new String[] {"get", "training.test"},
            new String[] {"get", "seq.test"},
            new String[] {
              "store", "{\"ServerURL\":\"s.test\",\"Username\":\"u\",\"Secret\":\"s\"}"
            },
            new String[] {"get", "s.test"},
            new String[] {"list", ""},
            new String[] {
              "kubelet",
              "{\"apiVersion\":\"credentialprovider.kubelet.k8s.io/v1\","
                  + "\"kind\":\"CredentialProviderRequest\",\"image\":\"training.test/a:1\"}"
            });
    for (String[] call : calls) {
      HelperArgs args = HelperArgs.parse(List.of("--script", script.toString(), call[0]), Map.of());
      run.run(
          args,
          new ByteArrayInputStream(call[1].getBytes(StandardCharsets.UTF_8)),
          OutputStream.nullOutputStream(),
          OutputStream.nullOutputStream(),
          Instant.now());
    }
    return 0;
  }
}
