package dev.pullproof.helper.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullproof.helper.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scripts are read strictly: every mistake names the file and the key. */
class ScriptParserTest {
  @TempDir Path dir;

  private Script parse(String json) throws Exception {
    Path file = dir.resolve("helper.json");
    Files.writeString(file, json);
    return new ScriptParser(new Json()).read(file);
  }

  @Test
  void readsEveryAnswerKindWithItsModifiers() throws Exception {
    Script s =
        parse(
            """
            {"store": "creds.json", "log": "logs/calls.jsonl", "default": {"error": "nope", "exit": 4},
             "rules": [
              {"server": "a.test", "answer": {"username": "u", "secret": "p", "serverUrl": "https://a.test"}},
              {"server": "b.test", "answer": {"token": "t", "delay": "250ms"}},
              {"server": "c.test", "answer": {"empty": true, "exit": 5}},
              {"server": "d.test", "answer": {"hang": "30s"}},
              {"server": "e.test", "answer": {"signal": "TERM"}},
              {"server": "f.test", "answer": "malformed"},
              {"command": "erase", "server": "**", "answer": "proceed"},
              {"image": "*.corp/**", "sequence": [{"times": 2, "answer": "not-found"}, {"answer": "empty"}]}
            ]}
            """);
    assertThat(s.store()).isEqualTo(dir.resolve("creds.json"));
    assertThat(s.log()).contains(dir.resolve("logs/calls.jsonl"));
    assertThat(s.counters()).isEqualTo(dir.resolve("helper.json.counters.json"));
    assertThat(s.fallback()).isEqualTo(new Answer.Failure("nope", 4));
    assertThat(s.rules().get(0).steps().get(0).answer())
        .isEqualTo(new Answer.Credentials("u", "p", Optional.of("https://a.test"), false));
    assertThat(s.rules().get(1).steps().get(0).delay()).isEqualTo(Duration.ofMillis(250));
    assertThat(((Answer.Credentials) s.rules().get(1).steps().get(0).answer()).identityToken())
        .isTrue();
    assertThat(s.rules().get(2).steps().get(0).answer()).isEqualTo(new Answer.Empty(5));
    assertThat(s.rules().get(3).steps().get(0).answer())
        .isEqualTo(new Answer.Hang(Duration.ofSeconds(30)));
    assertThat(s.rules().get(4).steps().get(0).answer()).isEqualTo(new Answer.Crash("TERM"));
    Rule seq = s.rules().get(7);
    assertThat(seq.stepFor(0).answer()).isEqualTo(new Answer.NotFound());
    assertThat(seq.stepFor(1).answer()).isEqualTo(new Answer.NotFound());
    assertThat(seq.stepFor(2).answer()).isEqualTo(new Answer.Empty(0));
    assertThat(seq.stepFor(99).answer()).isEqualTo(new Answer.Empty(0));
  }

  @Test
  void theFirstMatchingRuleWinsAndServerPatternsMatchTheHostPart() throws Exception {
    Script s =
        parse(
            """
            {"rules": [
              {"server": "127.0.0.1:*", "answer": "empty"},
              {"server": "**", "answer": "not-found"}
            ]}
            """);
    assertThat(s.forServer("get", "https://127.0.0.1:5000/v1/").map(Rule::key))
        .contains("rules[0]");
    assertThat(s.forServer("get", "registry.test").map(Rule::key)).contains("rules[1]");
    assertThat(s.forServer("store", "registry.test")).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"rules\": [], \"colour\": 1}                                           | colour: unknown key",
        "{\"rules\": {}}                                                           | rules: must be an array",
        "{\"rules\": [{\"answer\": \"empty\"}]}                                    | rules[0]: needs \"server\"",
        "{\"rules\": [{\"server\": \"a\"}]}                                        | rules[0]: needs exactly one of \"answer\" and \"sequence\"",
        "{\"rules\": [{\"server\": \"a\", \"answer\": \"maybe\"}]}                 | rules[0].answer: unknown answer 'maybe'",
        "{\"rules\": [{\"server\": \"a\", \"answer\": {\"error\": \"x\", \"exit\": 300}}]} | rules[0].answer.exit: must be an integer 0..255",
        "{\"rules\": [{\"server\": \"a\", \"answer\": {\"username\": \"u\"}}]}     | rules[0].answer.secret: missing",
        "{\"rules\": [{\"server\": \"a\", \"answer\": {\"signal\": \"SEGV\"}}]}    | rules[0].answer.signal: signal must be one of",
        "{\"rules\": [{\"server\": \"a\", \"answer\": {\"token\": \"t\", \"error\": \"e\"}}]} | rules[0].answer: has both",
        "{\"rules\": [{\"server\": \"a\", \"answer\": {\"hang\": \"soon\"}}]}      | rules[0].answer.hang: expected a number and a unit",
        "{\"rules\": [{\"server\": \"a\", \"answer\": \"empty\", \"command\": \"push\"}]} | rules[0].command: must be one of get, store, erase, list",
        "{\"rules\": [{\"server\": \"a\", \"answer\": \"proceed\"}]}               | rules[0]: \"proceed\" is for store, erase and list",
        "{\"rules\": [{\"server\": \"a\", \"command\": \"store\", \"answer\": {\"token\": \"t\"}}]} | rules[0]: credentials answer only get",
        "{\"rules\": [{\"server\": \"a\", \"sequence\": [{\"answer\": \"empty\"}, {\"answer\": \"hang\"}]}]} | rules[0].sequence[0].times: missing",
        "{\"rules\": [{\"image\": \"a/*\", \"answer\": \"empty\", \"cacheKeyType\": \"Node\"}]} | rules[0].cacheKeyType: cacheKeyType must be Image, Registry or Global",
        "{\"rules\": [                                                             | not valid JSON"
      })
  void aBadScriptNamesTheFileAndTheKey(String json, String message) throws Exception {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(ScriptException.class)
        .hasMessageStartingWith("bad script " + dir.resolve("helper.json"))
        .hasMessageContaining(message);
  }

  @Test
  void aMissingScriptIsReportedAsSuch() {
    assertThatThrownBy(() -> new ScriptParser(new Json()).read(dir.resolve("none.json")))
        .hasMessage("bad script " + dir.resolve("none.json") + ": no such file");
  }
}
