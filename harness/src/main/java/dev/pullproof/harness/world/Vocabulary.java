package dev.pullproof.harness.world;

import dev.pullproof.harness.scenario.Down;
import dev.pullproof.harness.scenario.FaultRoute;
import dev.pullproof.harness.scenario.ImageEntry;
import dev.pullproof.harness.scenario.ReplaySpec;
import dev.pullproof.harness.scenario.SpecErrorCode;
import dev.pullproof.harness.scenario.TlsSpec;
import dev.pullproof.harness.scenario.WrongProtocol;
import dev.pullproof.registry.content.ImageFormat;
import dev.pullproof.registry.fault.RouteKind;
import dev.pullproof.registry.protocol.ErrorCode;
import dev.pullproof.registry.record.Replay;
import dev.pullproof.registry.tls.TlsMode;
import dev.pullproof.registry.tls.WrongProtocolReply;
import java.util.List;

/**
 * The scenario's words for registry behaviour, in the fake registry's. Switches over the scenario's
 * enums, so a word added there does not compile until it is mapped; {@code VocabularyTest} checks
 * the other direction (every registry route and error code can be named).
 */
final class Vocabulary {
  private Vocabulary() {}

  static List<RouteKind> routes(FaultRoute route) {
    return switch (route) {
      case MANIFEST ->
          List.of(RouteKind.MANIFEST_HEAD, RouteKind.MANIFEST_GET, RouteKind.MANIFEST_WRITE);
      case VERSION_CHECK -> List.of(RouteKind.VERSION_CHECK);
      case TOKEN -> List.of(RouteKind.TOKEN);
      case MANIFEST_HEAD -> List.of(RouteKind.MANIFEST_HEAD);
      case MANIFEST_GET -> List.of(RouteKind.MANIFEST_GET);
      case MANIFEST_WRITE -> List.of(RouteKind.MANIFEST_WRITE);
      case BLOB -> List.of(RouteKind.BLOB);
      case UPLOAD -> List.of(RouteKind.UPLOAD);
      case TAGS -> List.of(RouteKind.TAGS);
      case CATALOG -> List.of(RouteKind.CATALOG);
      case REFERRERS -> List.of(RouteKind.REFERRERS);
    };
  }

  static ErrorCode error(SpecErrorCode code) {
    return switch (code) {
      case BLOB_UNKNOWN -> ErrorCode.BLOB_UNKNOWN;
      case BLOB_UPLOAD_INVALID -> ErrorCode.BLOB_UPLOAD_INVALID;
      case BLOB_UPLOAD_UNKNOWN -> ErrorCode.BLOB_UPLOAD_UNKNOWN;
      case DIGEST_INVALID -> ErrorCode.DIGEST_INVALID;
      case MANIFEST_BLOB_UNKNOWN -> ErrorCode.MANIFEST_BLOB_UNKNOWN;
      case MANIFEST_INVALID -> ErrorCode.MANIFEST_INVALID;
      case MANIFEST_UNKNOWN -> ErrorCode.MANIFEST_UNKNOWN;
      case NAME_INVALID -> ErrorCode.NAME_INVALID;
      case NAME_UNKNOWN -> ErrorCode.NAME_UNKNOWN;
      case SIZE_INVALID -> ErrorCode.SIZE_INVALID;
      case TAG_INVALID -> ErrorCode.TAG_INVALID;
      case RANGE_INVALID -> ErrorCode.RANGE_INVALID;
      case PAGINATION_NUMBER_INVALID -> ErrorCode.PAGINATION_NUMBER_INVALID;
      case UNAUTHORIZED -> ErrorCode.UNAUTHORIZED;
      case DENIED -> ErrorCode.DENIED;
      case UNSUPPORTED -> ErrorCode.UNSUPPORTED;
      case NOT_FOUND -> ErrorCode.NOT_FOUND;
      case TOOMANYREQUESTS -> ErrorCode.TOOMANYREQUESTS;
      case UNAVAILABLE -> ErrorCode.UNAVAILABLE;
      case UNKNOWN -> ErrorCode.UNKNOWN;
    };
  }

  static ImageFormat format(ImageEntry.Format format) {
    return switch (format) {
      case OCI -> ImageFormat.OCI;
      case DOCKER -> ImageFormat.DOCKER;
      case BOTH -> ImageFormat.BOTH;
    };
  }

  static TlsMode tls(TlsSpec.Mode mode) {
    return switch (mode) {
      case VALID -> TlsMode.TRUSTED;
      case UNKNOWN_CA -> TlsMode.UNKNOWN_CA;
      case EXPIRED -> TlsMode.EXPIRED;
      case WRONG_NAME -> TlsMode.WRONG_NAME;
    };
  }

  static Replay.Unrecorded unrecorded(ReplaySpec.Unrecorded policy) {
    return switch (policy) {
      case NOT_FOUND -> Replay.Unrecorded.NOT_FOUND;
      case FAIL -> Replay.Unrecorded.FAIL;
    };
  }

  static WrongProtocolReply wrongProtocol(WrongProtocol reply) {
    return switch (reply) {
      case ALERT -> WrongProtocolReply.TLS_ALERT;
      case HTTP_400 -> WrongProtocolReply.HTTP_400;
      case BARE -> WrongProtocolReply.BARE_BODY;
    };
  }

  /** How a down host that accepts connections ends them; {@link Down#REFUSED} accepts none. */
  static AcceptsThenCloses.Close close(Down down) {
    return switch (down) {
      case EOF -> AcceptsThenCloses.Close.EOF;
      case RESET -> AcceptsThenCloses.Close.RESET;
      case REFUSED -> throw new IllegalArgumentException("a refused host accepts nothing");
    };
  }
}
