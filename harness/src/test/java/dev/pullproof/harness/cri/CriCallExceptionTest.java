package dev.pullproof.harness.cri;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kubelet's (gRPC-Go's) words for a refused call, whatever grpc-java calls the code. */
class CriCallExceptionTest {
  @ParameterizedTest
  @CsvSource({
    "UNKNOWN, Unknown",
    "NOT_FOUND, NotFound",
    "DEADLINE_EXCEEDED, DeadlineExceeded",
    "FAILED_PRECONDITION, FailedPrecondition",
    "UNIMPLEMENTED, Unimplemented",
    "CANCELLED, Canceled",
  })
  void rpcErrorSpellsTheCodeAsGrpcGoDoes(Status.Code code, String goName) {
    CriCallException e =
        new CriCallException(
            "runtime.v1.ImageService/PullImage",
            Status.fromCode(code)
                .withDescription("synthetic: context canceled")
                .asRuntimeException());

    assertThat(e.rpcError())
        .isEqualTo("rpc error: code = " + goName + " desc = synthetic: context canceled");
  }
}
