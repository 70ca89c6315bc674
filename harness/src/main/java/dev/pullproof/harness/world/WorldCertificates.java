package dev.pullproof.harness.world;

import dev.pullproof.harness.scenario.ScenarioParser;
import dev.pullproof.registry.temp.OwnedTemp;
import dev.pullproof.registry.tls.CertificateAuthority;
import dev.pullproof.registry.tls.IssuedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CA per world and a client certificate it issued (for mTLS), written twice: as files for the
 * node's {@code /etc/containerd} and into a directory on this machine laid out as skopeo's and
 * docker's certificate directories expect ({@code ca.crt}, {@code client.cert}, {@code
 * client.key}).
 */
record WorldCertificates(
    CertificateAuthority ca,
    IssuedCertificate client,
    Path directory,
    TlsFiles files,
    Map<String, String> nodeFiles) {

  /** Where {@link World#files()} go in the node. */
  static final String NODE_DIRECTORY = "/etc/containerd/";

  /** The world CA's path in {@link World#files()}. */
  static final String CA_FILE = ScenarioParser.RESERVED + "ca.crt";

  static WorldCertificates create(Clock clock) {
    CertificateAuthority ca = CertificateAuthority.create("pullproof world CA", clock);
    IssuedCertificate client = ca.issueClient("pullproof node");
    try {
      Path dir = OwnedTemp.directory("pullproof-world-tls");
      ca.writeCertificate(dir.resolve("ca.crt"));
      client.writePem(dir.resolve("client.cert"), dir.resolve("client.key"));
      Map<String, String> nodeFiles = new LinkedHashMap<>();
      for (String name : new String[] {"ca.crt", "client.cert", "client.key"}) {
        nodeFiles.put(ScenarioParser.RESERVED + name, Files.readString(dir.resolve(name)));
      }
      TlsFiles files =
          new TlsFiles(
              NODE_DIRECTORY + CA_FILE,
              NODE_DIRECTORY + ScenarioParser.RESERVED + "client.cert",
              NODE_DIRECTORY + ScenarioParser.RESERVED + "client.key",
              nodeFiles.get(CA_FILE),
              nodeFiles.get(ScenarioParser.RESERVED + "client.cert"),
              nodeFiles.get(ScenarioParser.RESERVED + "client.key"));
      return new WorldCertificates(ca, client, dir, files, Map.copyOf(nodeFiles));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the world's TLS files: " + e.getMessage(), e);
    }
  }
}
