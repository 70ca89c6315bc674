package dev.pullproof.harness.world;

import java.nio.file.Path;

/** Run as a second JVM by the allocator test: leases an address, prints it, holds it until EOF. */
public final class HoldLease {
  private HoldLease() {}

  public static void main(String[] args) throws Exception {
    try (LoopbackAddress lease = new LoopbackAllocator(Path.of(args[0]), 10).lease()) {
      System.out.println(lease.host());
      System.out.flush();
      while (System.in.read() != -1) {
        // Hold the lease until the parent closes our stdin.
      }
    }
  }
}
