package dev.pullproof.helper.install;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Installs launchers into a directory: {@code docker-credential-<name>} (the docker-credential
 * protocol) and optionally a kubelet credential-provider executable, both bound to one script and
 * an optional invocation log. The helper's classes and Jackson are copied as jars into {@code
 * .pullproof-helper/} there, so the launchers outlive a {@code mvn clean}, and a class-data sharing
 * archive is recorded for them by one training run (class sharing reads classes from jars only).
 */
public final class Installer {
  static final String LIB = ".pullproof-helper";
  private final Path java;
  private final List<Path> classpath;

  /** {@code classpath}: the helper's classes (a jar or a directory) and the JSON library jars. */
  public Installer(Path java, List<Path> classpath) {
    this.java = java;
    this.classpath = List.copyOf(classpath);
  }

  /**
   * An installer for launchers that run this JVM's java with the classes this JVM loaded the helper
   * and Jackson from (target/classes or the jars).
   */
  public static Installer forThisJvm() {
    return new Installer(
        Path.of(System.getProperty("java.home"), "bin", "java"), InstallCommand.helperClasspath());
  }

  /**
   * What was written. {@code archive} is empty when training the archive failed (launchers still
   * work).
   */
  public record Installed(
      Path dockerLauncher, Optional<Path> providerLauncher, Optional<Path> archive) {}

  public Installed install(
      Path dir,
      String name,
      Path script,
      Optional<String> provider,
      Optional<Path> log,
      boolean cds)
      throws IOException, InterruptedException {
    if (provider.isPresent() && !provider.get().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "provider must be letters, digits, '.', '_' or '-' (a file name), got " + provider.get());
    }
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "name must be letters, digits, '.', '_' or '-' (it becomes docker-credential-NAME), got "
              + name);
    }
    Path lib = Files.createDirectories(dir.resolve(LIB)).toAbsolutePath();
    String cp = String.join(":", copyClasspath(lib).stream().map(Path::toString).toList());
    Optional<Path> archive = cds ? train(lib, cp) : Optional.empty();
    List<String> args =
        new ArrayList<>(List.of("--name", name, "--script", script.toAbsolutePath().toString()));
    log.ifPresent(l -> args.addAll(List.of("--log", l.toAbsolutePath().toString())));
    Path docker = dir.resolve("docker-credential-" + name);
    write(
        docker,
        Launchers.text(
            "docker-credential-" + name + ": pullproof fake-helper, docker-credential protocol",
            java,
            archive,
            cp,
            args));
    Optional<Path> kubelet = Optional.empty();
    if (provider.isPresent()) {
      List<String> k = new ArrayList<>(args);
      k.add("kubelet");
      kubelet = Optional.of(dir.resolve(provider.get()));
      write(
          kubelet.get(),
          Launchers.text(
              provider.get() + ": pullproof fake-helper, kubelet credential provider",
              java,
              archive,
              cp,
              k));
    }
    return new Installed(docker, kubelet, archive);
  }

  private List<Path> copyClasspath(Path lib) throws IOException {
    List<Path> jars = new ArrayList<>();
    for (Path entry : classpath) {
      Path target;
      if (Files.isDirectory(entry)) {
        target = lib.resolve("fake-helper-classes.jar");
        jarDirectory(entry, target);
      } else {
        target = lib.resolve(entry.getFileName().toString());
        Files.copy(
            entry, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
      }
      jars.add(target);
    }
    return jars;
  }

  private static void jarDirectory(Path dir, Path jar) throws IOException {
    Path tmp = Files.createTempFile(jar.getParent(), "classes", ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp);
        JarOutputStream zip = new JarOutputStream(out);
        Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        zip.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    }
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Records the classes one get, one store and one kubelet call load into a dynamic CDS archive.
   */
  private Optional<Path> train(Path lib, String cp) throws IOException, InterruptedException {
    Path archive = lib.resolve("helper.jsa");
    Files.deleteIfExists(archive);
    // Inside the install directory: a run killed meanwhile leaves it where its owner sweeps.
    Path scratch = Files.createTempDirectory(lib, "training");
    try {
      return record(archive, scratch, lib, cp);
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private Optional<Path> record(Path archive, Path scratch, Path lib, String cp)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java.toString()));
    command.addAll(Launchers.jvmOptions());
    command.addAll(
        List.of(
            "-XX:ArchiveClassesAtExit=" + archive,
            "-cp",
            cp,
            Launchers.MAIN,
            "train",
            scratch.toString()));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(lib.resolve("training.log").toFile())
            .start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return Optional.empty();
    }
    return p.exitValue() == 0 && Files.exists(archive) && Files.size(archive) > 0
        ? Optional.of(archive)
        : Optional.empty();
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
