package dev.pullproof.registry.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark main (not a test; {@code ci/bench} runs it): requests per second against a running
 * registry from N parallel keep-alive clients for a fixed time, every answer checked.
 *
 * <ul>
 *   <li>{@code token}: GET /token with Basic credentials (USER:PASSWORD), a 200 with a token
 *   <li>{@code manifest}: GET /v2/REPOSITORY/manifests/TAG, a 200 (with a token first when
 *       credentials are given)
 * </ul>
 *
 * <p>Usage: {@code RequestRateBench token|manifest HOST:PORT CLIENTS SECONDS [USER:PASSWORD
 * [REPOSITORY:TAG [SERVICE]]]}. Prints {@code requests=..., per_second=..., errors=...}; exit 1
 * when an answer was not the expected one.
 */
public final class RequestRateBench {
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final String ACCEPT =
      "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json,"
          + " application/vnd.docker.distribution.manifest.v2+json";

  private RequestRateBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: RequestRateBench token|manifest HOST:PORT CLIENTS SECONDS [USER:PASSWORD"
              + " [REPOSITORY:TAG [SERVICE]]]");
      System.exit(2);
    }
    String kind = args[0];
    String host = args[1].substring(0, args[1].lastIndexOf(':'));
    int port = Integer.parseInt(args[1].substring(args[1].lastIndexOf(':') + 1));
    int clients = Integer.parseInt(args[2]);
    long nanos = (long) (Double.parseDouble(args[3]) * 1e9);
    String basic =
        args.length > 4
            ? "Basic "
                + Base64.getEncoder().encodeToString(args[4].getBytes(StandardCharsets.UTF_8))
            : null;
    String image = args.length > 5 ? args[5] : "library/app:1.0";
    String service = args.length > 6 ? args[6] : "pullproof";
    String repository = image.substring(0, image.lastIndexOf(':'));
    String tag = image.substring(image.lastIndexOf(':') + 1);
    String tokenPath = "/token?service=" + service + "&scope=repository:" + repository + ":pull";
    String manifestPath = "/v2/" + repository + "/manifests/" + tag;

    LongAdder done = new LongAdder();
    LongAdder errors = new LongAdder();
    List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch ready = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    long[] end = new long[1];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread t =
          new Thread(
              () -> {
                try (KeepAliveClient client = new KeepAliveClient(host, port)) {
                  String auth = null;
                  if (kind.equals("manifest") && basic != null) {
                    Matcher m = TOKEN.matcher(client.get(tokenPath, basic, null, true).body());
                    auth = m.find() ? "Bearer " + m.group(1) : null;
                  }
                  ready.countDown();
                  go.await();
                  while (System.nanoTime() < end[0]) {
                    boolean ok;
                    if (kind.equals("token")) {
                      KeepAliveClient.Answer a = client.get(tokenPath, basic, null, true);
                      ok = a.status() == 200 && TOKEN.matcher(a.body()).find();
                    } else {
                      KeepAliveClient.Answer a = client.get(manifestPath, auth, ACCEPT, false);
                      ok = a.status() == 200 && a.length() > 0;
                    }
                    done.increment();
                    if (!ok) {
                      errors.increment();
                    }
                  }
                } catch (Exception e) {
                  errors.increment();
                  if (firstErrors.size() < 5) {
                    firstErrors.add(e.toString());
                  }
                  ready.countDown();
                }
              });
      threads.add(t);
      t.start();
    }
    ready.await();
    long start = System.nanoTime();
    end[0] = start + nanos;
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "requests=%d%nper_second=%.0f%nerrors=%d%n",
        done.sum(), done.sum() / seconds, errors.sum());
    firstErrors.forEach(System.err::println);
    System.exit(errors.sum() == 0 ? 0 : 1);
  }
}
