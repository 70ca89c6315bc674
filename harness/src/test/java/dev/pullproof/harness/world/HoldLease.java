package dev.pullproof.harness.world;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run as a second JVM by the allocator test: leases addresses, prints them, holds them until EOF.
 */
public final class HoldLease {
  private HoldLease() {}

  /** Args: the lock directory, then optionally how many addresses to lease (default 1). */
  public static void main(String[] args) throws Exception {
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    LoopbackAllocator allocator = new LoopbackAllocator(Path.of(args[0]), 20);
    List<LoopbackAddress> leases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      leases.add(allocator.lease());
    }
    System.out.println(String.join(" ", leases.stream().map(LoopbackAddress::host).toList()));
    System.out.flush();
    while (System.in.read() != -1) {
      // Hold the leases until the parent closes our stdin.
    }
    leases.forEach(LoopbackAddress::close);
  }
}
