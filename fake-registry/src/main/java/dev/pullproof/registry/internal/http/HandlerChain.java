package dev.pullproof.registry.internal.http;

import dev.pullproof.registry.auth.Authenticator;
import dev.pullproof.registry.content.RegistryContent;
import dev.pullproof.registry.journal.Journal;
import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import java.time.Clock;
import java.util.List;

/**
 * The registry's request pipeline, each handler wrapping the next, outermost first:
 *
 * <ol>
 *   <li>{@link JournalHandler}: records the exchange when it completes;
 *   <li>{@link BlockingHandler}: moves to a worker thread, blocking mode;
 *   <li>{@link ErrorHandler}: renders every RegistryException thrown further in;
 *   <li>{@link RouteParsingHandler}: the typed route every later handler reads;
 *   <li>{@code faults}: the fault rules, which may answer, delay or wrap the response;
 *   <li>{@code beforeAuth}: e.g. Docker Hub's abuse limit;
 *   <li>{@link MethodCheckHandler} and {@link AuthHandler};
 *   <li>{@code afterAuth}: e.g. a replay answering from its recording, Docker Hub's pull limit, a
 *       mirror filling its content;
 *   <li>{@link EndpointHandler}: one handler per endpoint, the token endpoint among them.
 * </ol>
 *
 * @param tokenPath where {@code tokenEndpoint} is mounted, or null with no token endpoint
 * @param faults the fault rules' step
 * @param beforeAuth steps between faults and the method check, the first outermost
 * @param afterAuth steps between authentication and the endpoint, the first outermost
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#endpoints">
 *     distribution-spec: endpoints</a>
 */
public record HandlerChain(
    Journal journal,
    Clock clock,
    Authenticator authenticator,
    String tokenPath,
    HttpHandler tokenEndpoint,
    HandlerWrapper faults,
    List<HandlerWrapper> beforeAuth,
    List<HandlerWrapper> afterAuth) {
  /** Larger header blocks are answered 431; Undertow itself closes at {@code 4x} this. */
  public static final int MAX_HEADER_BYTES = 16 * 1024;

  public HandlerChain {
    beforeAuth = List.copyOf(beforeAuth);
    afterAuth = List.copyOf(afterAuth);
  }

  /**
   * The whole chain over {@code content}; {@code workerThreads} also bounds pooled buffers.
   *
   * @param lenientManifests accept manifest pushes whose non-distributable layers or index children
   *     are absent
   */
  public HttpHandler build(RegistryContent content, int workerThreads, boolean lenientManifests) {
    HttpHandler endpoints =
        new EndpointHandler(content, workerThreads, lenientManifests, tokenEndpoint);
    HttpHandler authenticated = wrap(afterAuth, endpoints);
    HttpHandler checked = new MethodCheckHandler(new AuthHandler(authenticator, authenticated));
    HttpHandler routed =
        new RouteParsingHandler(new RouteParser(tokenPath), faults.wrap(wrap(beforeAuth, checked)));
    return new JournalHandler(journal, clock, new BlockingHandler(new ErrorHandler(routed)));
  }

  private static HttpHandler wrap(List<HandlerWrapper> wrappers, HttpHandler inner) {
    HttpHandler handler = inner;
    for (int i = wrappers.size() - 1; i >= 0; i--) {
      handler = wrappers.get(i).wrap(handler);
    }
    return handler;
  }
}
