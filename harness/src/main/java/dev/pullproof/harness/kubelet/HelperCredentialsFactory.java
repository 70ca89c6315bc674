package dev.pullproof.harness.kubelet;

import dev.pullproof.harness.run.KubeletCredentials;
import dev.pullproof.helper.install.Installer;
import dev.pullproof.registry.temp.OwnedTemp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * The {@link KubeletCredentials.Factory} the CLI finds ({@code META-INF/services}): per run, the
 * fake helper installed as a kubelet provider in a fresh directory, exec'd as a real process.
 */
public final class HelperCredentialsFactory implements KubeletCredentials.Factory {
  private final Installer installer;
  private final PluginLauncher launcher;
  private final Clock clock;

  /** The helper from this JVM's classes, real processes, the system clock. */
  public HelperCredentialsFactory() {
    this(Installer.forThisJvm(), new ProcessPluginLauncher(), Clock.systemUTC());
  }

  public HelperCredentialsFactory(Installer installer, PluginLauncher launcher, Clock clock) {
    this.installer = installer;
    this.launcher = launcher;
    this.clock = clock;
  }

  @Override
  public KubeletCredentials create() {
    try {
      return new HelperCredentials(
          new HelperInstalls(installer, OwnedTemp.directory("pullproof-kubelet")), launcher, clock);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot make a directory for the kubelet credential provider (check TMPDIR): " + e, e);
    }
  }
}
