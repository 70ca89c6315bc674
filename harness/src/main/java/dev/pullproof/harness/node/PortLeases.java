package dev.pullproof.harness.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Machine-wide leases on the TCP ports a node's config fixes ({@link FixedPorts}): a node that
 * fixes a port another node of this or another pullproof process holds waits until that node is
 * gone. A lease is per port, whatever the address: a wildcard listener collides with every address
 * on that port.
 *
 * <p>Between processes, an exclusive lock on {@code <lock dir>/<port>.lock}; within this process, a
 * semaphore per port (file locks are per process). Each lock file keeps ONE channel open for the
 * process's life: Linux drops a process's fcntl locks on a file when any descriptor of that file is
 * closed, so closing a second channel would silently release a lease another node holds.
 */
public final class PortLeases {
  /** Said when a port is taken by something that holds no lease; never a verdict on the config. */
  public static final String COULD_NOT_CHECK = "could not check: ";

  private static final Map<Path, PortLock> LOCKS = new ConcurrentHashMap<>();

  private final Path lockDirectory;
  private final Duration wait;
  private final Clock clock;

  public PortLeases(Path lockDirectory, Duration wait, Clock clock) {
    this.lockDirectory = lockDirectory;
    this.wait = wait;
    this.clock = clock;
  }

  /** Locks in {@code <java.io.tmpdir>/pullproof-ports}; a node waits up to 5 minutes. */
  public static PortLeases shared(Clock clock) {
    return new PortLeases(
        Path.of(System.getProperty("java.io.tmpdir"), "pullproof-ports"),
        Duration.ofMinutes(5),
        clock);
  }

  /** Thrown when a fixed port cannot be had: the version could not be checked. */
  public static final class PortUnavailable extends IllegalStateException {
    PortUnavailable(String message) {
      super(COULD_NOT_CHECK + message);
    }
  }

  /**
   * Leases every port, in port order (two nodes fixing the same two ports cannot deadlock), then
   * checks that each can be bound as containerd binds it.
   *
   * @throws PortUnavailable when a port stays leased past the wait, or something else listens on it
   */
  public Lease lease(List<FixedPorts.Port> ports) throws InterruptedException {
    Lease lease = new Lease();
    try {
      Instant deadline = clock.instant().plus(wait);
      for (int port : new TreeSet<>(ports.stream().map(FixedPorts.Port::port).toList())) {
        lease.held.add(lock(port).acquire(deadline, clock, port));
      }
      for (FixedPorts.Port p : ports) {
        if (!bindable(p)) {
          throw new PortUnavailable(p.where() + " in use (" + p.key() + " fixes it)");
        }
      }
      return lease;
    } catch (RuntimeException | InterruptedException e) {
      lease.close();
      throw e;
    }
  }

  private PortLock lock(int port) {
    Path file = lockDirectory.resolve(port + ".lock");
    return LOCKS.computeIfAbsent(
        file.toAbsolutePath().normalize(),
        f -> {
          try {
            Files.createDirectories(lockDirectory);
            return new PortLock(
                FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot open port lock " + f, e);
          }
        });
  }

  /**
   * As containerd binds: Go's listeners set SO_REUSEADDR, so connections of a node just gone that
   * linger in TIME_WAIT do not block it, but any listener does.
   */
  static boolean bindable(FixedPorts.Port p) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      InetSocketAddress at =
          p.address().isEmpty()
              ? new InetSocketAddress(p.port())
              : new InetSocketAddress(InetAddress.getByName(p.address()), p.port());
      probe.bind(at);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The ports one node holds; closing releases them. */
  public static final class Lease implements AutoCloseable {
    private final List<Held> held = new ArrayList<>();

    @Override
    public void close() {
      held.sort(Comparator.comparingInt(Held::port).reversed());
      for (Held h : held) {
        h.release();
      }
      held.clear();
    }
  }

  private record Held(int port, PortLock lock, FileLock fileLock) {
    void release() {
      try {
        fileLock.release();
      } catch (IOException e) {
        // The channel stays open for the process's life; a failed release is freed when it exits.
      } finally {
        lock.inProcess.release();
      }
    }
  }

  private static final class PortLock {
    private final FileChannel channel;
    private final Semaphore inProcess = new Semaphore(1, true);

    PortLock(FileChannel channel) {
      this.channel = channel;
    }

    Held acquire(Instant deadline, Clock clock, int port) throws InterruptedException {
      long left = Duration.between(clock.instant(), deadline).toMillis();
      if (!inProcess.tryAcquire(Math.max(0, left), TimeUnit.MILLISECONDS)) {
        throw held(port);
      }
      try {
        while (true) {
          FileLock fileLock = channel.tryLock();
          if (fileLock != null) {
            return new Held(port, this, fileLock);
          }
          if (!clock.instant().isBefore(deadline)) {
            throw held(port);
          }
          Thread.sleep(100);
        }
      } catch (IOException e) {
        inProcess.release();
        throw new UncheckedIOException("cannot lock port " + port, e);
      } catch (RuntimeException | InterruptedException e) {
        inProcess.release();
        throw e;
      }
    }

    private PortUnavailable held(int port) {
      return new PortUnavailable(
          "port " + port + " in use: another containerd node has held it past the wait");
    }
  }
}
