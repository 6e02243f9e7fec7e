package io.callbook.resolver.api;

import io.callbook.resolver.domain.SigningKeys;
import io.callbook.resolver.domain.TokenConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The public keys tokens are verified with (RFC 7517), each under its {@code kid}. Every service fetches this set
 * and keeps it for the max-age given here; a token with a kid it does not know makes it fetch the set again.
 */
@Path("/.well-known/jwks.json")
@Tag(name = "Tokens", description = "Exchange an API key for a short-lived bearer token")
public class JwksResource {

    private final SigningKeys keys;
    private final TokenConfig config;

    public JwksResource(SigningKeys keys, TokenConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public keys that verify Callbook tokens (JWKS)")
    public Response jwks() {
        List<Map<String, String>> published = keys.published().entrySet().stream()
                .map(key -> jwk(key.getKey(), key.getValue())).toList();
        return Response.ok(Map.of("keys", published))
                .header("Cache-Control", "public, max-age=" + config.jwksMaxAge().toSeconds()).build();
    }

    private static Map<String, String> jwk(String keyId, RSAPublicKey key) {
        return Map.of("kty", "RSA", "use", "sig", "alg", "RS256", "kid", keyId,
                "n", base64Url(key.getModulus()), "e", base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        // The sign byte BigInteger adds to a modulus with its top bit set is not part of the JWK value.
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
