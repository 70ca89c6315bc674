package dev.pullproof.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's nginx as a caching reverse proxy on loopback in front of a registry, as sites put one
 * before their registry: {@code proxy_cache} for successful GETs, the client's Host and
 * Authorization passed on. Started by the test with its own prefix, config and cache directory.
 *
 * @see <a
 *     href="https://nginx.org/en/docs/http/ngx_http_proxy_module.html">ngx_http_proxy_module</a>
 */
public final class NginxCache implements AutoCloseable {
  public static final String BINARY = "nginx";
  private final ServerProcess server;

  private NginxCache(ServerProcess server) {
    this.server = server;
  }

  /** A cache in {@code dir} in front of {@code upstream} ({@code http://host:port}). */
  public static NginxCache start(Path dir, String upstream) throws Exception {
    int port = ServerProcess.freePort();
    Files.createDirectories(dir.resolve("logs"));
    Files.createDirectories(dir.resolve("cache"));
    Path log = dir.resolve("logs/error.log");
    Files.writeString(
        dir.resolve("nginx.conf"),
        "user root;\n"
            + "worker_processes 1;\n"
            + "pid "
            + dir.resolve("nginx.pid")
            + ";\n"
            + "error_log "
            + log
            + " info;\n"
            + "events { worker_connections 64; }\n"
            + "http {\n"
            + "  access_log "
            + dir.resolve("logs/access.log")
            + ";\n"
            + "  client_body_temp_path "
            + dir.resolve("body")
            + ";\n"
            + "  proxy_temp_path "
            + dir.resolve("proxy")
            + ";\n"
            + "  proxy_cache_path "
            + dir.resolve("cache")
            + " keys_zone=registry:1m;\n"
            + "  server {\n"
            + "    listen 127.0.0.1:"
            + port
            + ";\n"
            + "    client_max_body_size 0;\n"
            + "    location /v2/ {\n"
            + "      proxy_pass "
            + upstream
            + ";\n"
            + "      proxy_set_header Host $http_host;\n"
            + "      proxy_cache registry;\n"
            + "      proxy_cache_key $request_method$request_uri$http_authorization;\n"
            + "      proxy_cache_valid 200 10m;\n"
            + "      add_header X-Cache-Status $upstream_cache_status;\n"
            + "    }\n"
            + "  }\n"
            + "}\n");
    ProcessBuilder command =
        new ProcessBuilder(
                Prerequisites.client(BINARY).toString(),
                "-p",
                dir.toString(),
                "-c",
                dir.resolve("nginx.conf").toString(),
                "-g",
                "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("logs/stdout.log").toFile());
    return new NginxCache(ServerProcess.start("nginx", command, "127.0.0.1:" + port, log));
  }

  public String hostAndPort() {
    return server.hostAndPort();
  }

  public String url() {
    return "http://" + server.hostAndPort();
  }

  public String log() throws IOException {
    return server.log();
  }

  @Override
  public void close() {
    server.close();
  }
}
