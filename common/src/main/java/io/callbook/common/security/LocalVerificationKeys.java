package io.callbook.common.security;

import java.security.PublicKey;
import java.util.Optional;

/**
 * The token keys a service holds itself, by key id. Only resolver-service has them (it signs); it verifies its own
 * tokens with them instead of fetching its own JWKS over the network. Every other service verifies against the JWKS
 * that resolver-service publishes ({@code mp.jwt.verify.publickey.location}).
 */
public interface LocalVerificationKeys {

    /** @return the public key published under this id, empty for an unknown id */
    Optional<PublicKey> publicKey(String keyId);
}
