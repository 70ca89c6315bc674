package dev.pullproof.harness.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pullproof.harness.version.ContainerdVersion;
import dev.pullproof.harness.version.DebianPackage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContainerdImageTest {

  @Test
  void theImageIsLabelledWithTheFamilyItsSourceAndBothExactVersions() {
    PreparedRelease release =
        new PreparedRelease(
            ContainerdVersion.V1_6,
            new DebianPackage("bookworm"),
            "1.6.20~ds1-1+deb12u3",
            "2.36-9+deb12u14",
            Path.of("/cache/containerd/1.6/image"));

    assertThat(ContainerdImage.dockerfile(release))
        .isEqualTo(
            "FROM scratch\n"
                + "COPY image/ /\n"
                + "LABEL dev.pullproof.containerd.family=\"1.6\""
                + " dev.pullproof.containerd.suite=\"bookworm\""
                + " dev.pullproof.containerd.version=\"1.6.20~ds1-1+deb12u3\""
                + " dev.pullproof.libc6.version=\"2.36-9+deb12u14\"\n"
                + "ENTRYPOINT [\"/usr/bin/containerd\"]\n");
  }
}
