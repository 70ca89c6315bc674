package dev.pullproof.harness.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out whole loopback addresses (127.0.0.2 and up), one per fake host, so a world can
 * impersonate real names on their real ports (443 as root) while other runs do the same.
 *
 * <p>Two guards keep parallel runs apart: an exclusive file lock per address in a shared lock
 * directory (held by the {@link LoopbackAddress} until it is closed, and released by the operating
 * system if the process dies), which separates JVMs and allocators that use this class, taken
 * through one channel per lock file that stays open for the process's life (LockFiles: closing any
 * channel of a file drops all of the process's locks on it); and a trial bind of each port the
 * caller needs (without SO_REUSEADDR), which skips addresses where anything else already listens or
 * where the port's earlier connections still linger in TIME_WAIT.
 */
public final class LoopbackAllocator {
  /** 127.0.0.2 is the first address handed out; 127.0.0.1 stays the machine's own. */
  public static final int FIRST = 2;

  private final Path lockDirectory;
  private final int count;

  /**
   * @param lockDirectory where the per-address lock files live; every party that must not collide
   *     uses the same directory
   * @param count how many addresses to consider, from 127.0.0.2 upwards (at most 65534)
   */
  public LoopbackAllocator(Path lockDirectory, int count) {
    if (lockDirectory == null) {
      throw new IllegalArgumentException("lockDirectory is required");
    }
    if (count < 1 || count > 65534) {
      throw new IllegalArgumentException("count must be 1 to 65534, got " + count);
    }
    this.lockDirectory = lockDirectory;
    this.count = count;
  }

  /** Locks in {@code <java.io.tmpdir>/pullproof-loopback}, addresses 127.0.0.2 to 127.0.3.255. */
  public static LoopbackAllocator shared() {
    return new LoopbackAllocator(
        Path.of(System.getProperty("java.io.tmpdir"), "pullproof-loopback"), 1022);
  }

  /**
   * The first address no other allocator holds and on which each of {@code ports} can be bound now.
   *
   * @param ports ports the caller will bind on the address (e.g. 443); none for "any port"
   * @throws IllegalStateException when every address is taken
   */
  public LoopbackAddress lease(int... ports) {
    try {
      Files.createDirectories(lockDirectory);
      for (int i = 0; i < count; i++) {
        InetAddress address = nth(i);
        LoopbackAddress leased = tryLease(address, ports);
        if (leased != null) {
          return leased;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use lock directory " + lockDirectory, e);
    }
    throw new IllegalStateException(
        "no free loopback address among "
            + count
            + " from 127.0.0.2 (locks in "
            + lockDirectory
            + "): close leases or raise the count");
  }

  private LoopbackAddress tryLease(InetAddress address, int[] ports) {
    FileChannel channel =
        LockFiles.channel(lockDirectory.resolve(address.getHostAddress() + ".lock"));
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot lock " + address.getHostAddress() + " in " + lockDirectory, e);
    }
    if (lock == null) {
      return null;
    }
    if (!allBindable(address, ports)) {
      release(lock);
      return null;
    }
    return new LoopbackAddress(address, lock);
  }

  /** Releases the lock only: closing its channel would drop this process's other leases too. */
  static void release(FileLock lock) {
    try {
      lock.release();
    } catch (IOException e) {
      // The channel stays open; a lock that cannot be released dies with the process.
    }
  }

  private static boolean allBindable(InetAddress address, int[] ports) {
    for (int port : ports) {
      try (ServerSocket probe = new ServerSocket()) {
        // As strict as the strictest binder (NothingListening binds without SO_REUSEADDR): a port
        // whose earlier connections linger in TIME_WAIT fails such a bind, so skip the address.
        probe.setReuseAddress(false);
        probe.bind(new InetSocketAddress(address, port));
      } catch (IOException inUse) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress nth(int index) {
    int host = FIRST + index;
    try {
      return InetAddress.getByAddress(
          new byte[] {127, 0, (byte) (host >> 8), (byte) (host & 0xff)});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One open channel per lock file for the life of the process. Linux drops every fcntl lock a
   * process holds on a file when any descriptor of that file closes, so a lease probing an address
   * this process already holds must not open and close a second channel: it would silently unlock
   * the first lease for other processes. This is state of the process by nature, hence static.
   */
  private static final class LockFiles {
    private static final Map<Path, FileChannel> OPEN = new ConcurrentHashMap<>();

    private LockFiles() {}

    /** The process's channel for {@code file}, opened (created) on first use and never closed. */
    static FileChannel channel(Path file) {
      return OPEN.computeIfAbsent(
          file.toAbsolutePath().normalize(),
          path -> {
            try {
              return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
              throw new UncheckedIOException("cannot open lock file " + path, e);
            }
          });
    }
  }
}
