package dev.pullproof.registry.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The token service's key pair: an EC P-256 key signing ES256 or an RSA key signing RS256, with a
 * key id (the RFC 7638 thumbprint unless the key names one). Verification pins both the algorithm
 * and the key id, so the token's own header never chooses how it is checked.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/jwt/">distribution: token
 *     implementation</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7638">RFC 7638</a>
 */
final class SigningKey {
  private final JWK publicJwk;
  private final String keyId;
  private final JWSAlgorithm algorithm;
  private final JWSSigner signer;
  private final JWSVerifier verifier;

  private SigningKey(JWK key) throws JOSEException {
    keyId = key.getKeyID() != null ? key.getKeyID() : key.computeThumbprint().toString();
    if (key instanceof ECKey ec && ec.isPrivate() && Curve.P_256.equals(ec.getCurve())) {
      algorithm = JWSAlgorithm.ES256;
      signer = new ECDSASigner(ec);
      verifier = new ECDSAVerifier(ec.toPublicJWK());
      publicJwk = new ECKey.Builder(ec.toPublicJWK()).keyID(keyId).algorithm(algorithm).build();
    } else if (key instanceof RSAKey rsa && rsa.isPrivate()) {
      algorithm = JWSAlgorithm.RS256;
      signer = new RSASSASigner(rsa);
      verifier = new RSASSAVerifier(rsa.toPublicJWK());
      publicJwk = new RSAKey.Builder(rsa.toPublicJWK()).keyID(keyId).algorithm(algorithm).build();
    } else {
      throw new IllegalArgumentException("signing key must be a private EC P-256 or RSA JWK");
    }
  }

  /** Wraps an injected private key. */
  static SigningKey of(JWK key) {
    try {
      return new SigningKey(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable signing key: " + e.getMessage(), e);
    }
  }

  /** Generates a fresh key for ES256 or RS256 (2048 bits). */
  static SigningKey generate(JWSAlgorithm algorithm) {
    try {
      if (JWSAlgorithm.ES256.equals(algorithm)) {
        return new SigningKey(new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate());
      }
      if (JWSAlgorithm.RS256.equals(algorithm)) {
        return new SigningKey(new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate());
      }
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
    }
    throw new IllegalArgumentException("algorithm must be ES256 or RS256: " + algorithm);
  }

  JWSAlgorithm algorithm() {
    return algorithm;
  }

  String keyId() {
    return keyId;
  }

  JWK publicJwk() {
    return publicJwk;
  }

  /** The compact serialization of the signed claims. */
  String sign(JWTClaimsSet claims) {
    JWSHeader header =
        new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(keyId).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing failed", e);
    }
    return jwt.serialize();
  }

  /** Checks the header names this key's algorithm and id, then the signature. */
  void verify(SignedJWT jwt) throws InvalidTokenException {
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    if (!algorithm.equals(alg)) {
      throw new InvalidTokenException("token algorithm " + alg + " is not " + algorithm);
    }
    if (!keyId.equals(jwt.getHeader().getKeyID())) {
      throw new InvalidTokenException("token key id " + jwt.getHeader().getKeyID() + " is unknown");
    }
    try {
      if (!jwt.verify(verifier)) {
        throw new InvalidTokenException("token signature does not verify");
      }
    } catch (JOSEException e) {
      throw new InvalidTokenException("token signature cannot be checked: " + e.getMessage(), e);
    }
  }
}
