package dev.pullproof.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code registry serve} exits as documented: 0 when signalled to stop, 2 for bad usage. */
class ServeExitCodesTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "--port 70000",
        "--port -1",
        "--image noTag",
        "--image Upper/case:1",
        "--auth magic",
        "--user nocolon",
        "--no-such-option",
        "--header-timeout 0"
      })
  void everyBadUsageExitsTwo(String arguments) {
    String[] args = ("serve --port 0 " + arguments).split(" ");
    assertThat(RegistryCli.run(args)).as("exit code of serve " + arguments).isEqualTo(2);
  }

  @ParameterizedTest(name = "SIG{0}")
  @ValueSource(strings = {"INT", "TERM"})
  void aSignalStopsItWithExitZeroAndTheJournalWritten(String signal, @TempDir Path dir)
      throws Exception {
    Path journal = dir.resolve("journal.json");
    Process serve =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    RegistryCli.class.getName(),
                    "serve",
                    "--port",
                    "0",
                    "--journal",
                    journal.toString()))
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first).as("serve's first line").contains("listening on");
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(serve.pid())).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(serve.waitFor(20, TimeUnit.SECONDS))
          .as("serve stopped after SIG" + signal)
          .isTrue();
      assertThat(serve.exitValue()).as("exit code after SIG" + signal).isZero();
      assertThat(Files.exists(journal)).as("journal written on SIG" + signal).isTrue();
    } finally {
      serve.destroyForcibly();
    }
  }
}
