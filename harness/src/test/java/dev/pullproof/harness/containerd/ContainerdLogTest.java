package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.output.OutputFrame;

class ContainerdLogTest {

  @Test
  void linesSplitAcrossFramesAreJoined() {
    ContainerdLog log = new ContainerdLog();
    log.accept(frame("level=info msg=\"one\"\nlevel=info "));
    log.accept(frame("msg=\"two\"\n"));

    assertThat(log.lines()).containsExactly("level=info msg=\"one\"", "level=info msg=\"two\"");
  }

  @Test
  void criLoadFailuresAreThePluginLinesThatNameCri() {
    ContainerdLog log = new ContainerdLog();
    // Lines as containerd 2.1 printed them for config_path together with mirrors.
    log.accept(frame("level=info msg=\"loading plugin\" id=io.containerd.cri.v1.images\n"));
    log.accept(
        frame(
            "level=warning msg=\"failed to load plugin\" error=\"invalid cri image config:"
                + " `mirrors` cannot be set when `config_path` is provided\""
                + " id=io.containerd.cri.v1.images type=io.containerd.cri.v1\n"));
    log.accept(frame("level=error msg=\"unrelated\"\n"));

    assertThat(log.criLoadFailures()).singleElement().asString().contains("config_path");
  }

  @Test
  void withoutAPluginLineTheErrorLinesAreTheReason() {
    ContainerdLog log = new ContainerdLog();
    log.accept(frame("level=info msg=\"fine\"\nlevel=error msg=\"broken\"\n"));

    assertThat(log.criLoadFailures()).containsExactly("level=error msg=\"broken\"");
  }

  private static OutputFrame frame(String text) {
    return new OutputFrame(OutputFrame.OutputType.STDERR, text.getBytes());
  }
}
