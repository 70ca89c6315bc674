package dev.pullproof.harness.cri;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A plaintext gRPC channel to a unix domain socket, through the epoll transport that
 * grpc-netty-shaded carries for Linux. One event loop thread: CRI calls are few and small.
 */
final class UnixSocketChannel implements AutoCloseable {
  private final EventLoopGroup loop;
  private final ManagedChannel channel;

  private UnixSocketChannel(EventLoopGroup loop, ManagedChannel channel) {
    this.loop = loop;
    this.channel = channel;
  }

  static UnixSocketChannel open(Path socket) {
    if (!Epoll.isAvailable()) {
      throw new IllegalStateException(
          "cannot reach "
              + socket
              + ": netty's epoll transport is unavailable here ("
              + Epoll.unavailabilityCause()
              + "); a unix socket needs Linux on x86_64 or aarch64");
    }
    EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    ManagedChannel channel =
        NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
            .eventLoopGroup(loop)
            .channelType(EpollDomainSocketChannel.class)
            .overrideAuthority("localhost")
            .usePlaintext()
            .maxInboundMessageSize(64 * 1024 * 1024)
            .build();
    return new UnixSocketChannel(loop, channel);
  }

  ManagedChannel channel() {
    return channel;
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
