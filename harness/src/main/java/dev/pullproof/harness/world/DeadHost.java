package dev.pullproof.harness.world;

/** A world host that does not serve: where it is, in the forms clients are configured with. */
public interface DeadHost extends AutoCloseable {
  String host();

  int port();

  default String hostAndPort() {
    return host() + ":" + port();
  }

  /** {@code https://host:port}: what a client would be configured with. */
  default String url() {
    return "https://" + hostAndPort();
  }

  @Override
  void close();
}
