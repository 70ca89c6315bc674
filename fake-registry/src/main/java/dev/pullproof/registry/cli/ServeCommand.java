package dev.pullproof.registry.cli;

import dev.pullproof.registry.FakeRegistry;
import dev.pullproof.registry.journal.JournalJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves a fake registry until interrupted; prints its URL once it listens. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve a fake registry.")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--host", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "Port; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port = 5000;

  @Option(names = "--journal", description = "Write the request journal as JSON here on exit.")
  Path journal;

  @Override
  public Integer call() throws Exception {
    FakeRegistry registry = FakeRegistry.builder().host(host).port(port).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (journal != null) {
                    JournalJson.write(registry.journal().all(), journal);
                  }
                  registry.close();
                  stopped.countDown();
                }));
    System.out.println("fake registry listening on " + registry.url());
    System.out.flush();
    stopped.await();
    return 0;
  }
}
