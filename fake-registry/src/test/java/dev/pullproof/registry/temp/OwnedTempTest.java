package dev.pullproof.registry.temp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnedTempTest {
  @Test
  void sweepRemovesEntriesOfGoneOwnersOnly(@TempDir Path root) throws Exception {
    ProcessHandle self = ProcessHandle.current();
    long start = self.info().startInstant().orElseThrow().toEpochMilli();
    // A pid above the kernel's pid_max (4194304 at most) names no process.
    Path deadDir = Files.createDirectories(root.resolve("pullproof-world-tls-p4194305-s1-123"));
    Files.writeString(deadDir.resolve("ca.crt"), "x");
    Files.createDirectories(deadDir.resolve("nested/deeper"));
    Path deadFile = Files.writeString(root.resolve("pullproof-provider-p4194305-s1-9.out"), "x");
    // This process's pid with another start time: a reused pid, so the owner is gone.
    Path reused = Files.createDirectories(root.resolve("pullproof-blobs-p" + self.pid() + "-s1-7"));
    Path live =
        Files.createDirectories(
            root.resolve("pullproof-blobs-p" + self.pid() + "-s" + start + "-8"));
    Path untagged = Files.createDirectories(root.resolve("pullproof-blobs-123"));

    assertThat(OwnedTemp.sweep(root)).containsExactlyInAnyOrder(deadDir, deadFile, reused);

    assertThat(deadDir).doesNotExist();
    assertThat(deadFile).doesNotExist();
    assertThat(reused).doesNotExist();
    assertThat(live).exists();
    assertThat(untagged).exists();
    assertThat(OwnedTemp.ownedBy(root, self.pid())).containsExactly(live);
  }

  @Test
  void createdEntriesCarryThisProcessAsOwner() throws Exception {
    Path dir = OwnedTemp.directory("pullproof-test");
    Path file = OwnedTemp.file("pullproof-test", ".out");
    try {
      assertThat(OwnedTemp.ownedBy(OwnedTemp.root(), ProcessHandle.current().pid()))
          .contains(dir, file);
      assertThat(OwnedTemp.sweep(OwnedTemp.root())).doesNotContain(dir, file);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}
