package io.callbook.common.ratelimit;

import io.callbook.common.security.CachingJwtParser;
import io.callbook.common.security.Hashes;
import io.callbook.common.security.VerifiedCaller;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which client a request counts for. A bearer token whose signature, issuer and expiry check out stands for its
 * subject within its tenant, however often it is re-issued; a token that does not verify counts as no token, so a
 * made-up {@code Authorization} header never chooses a bucket. Without a verified token the client is the address the
 * request came from: the socket's peer, or, only when that peer is one of the configured trusted proxies, the
 * right-most address in {@code X-Forwarded-For} that is not a trusted proxy (everything left of it the client wrote
 * itself). An IPv6 client counts by its /64, which one subscriber usually holds whole.
 */
@ApplicationScoped
public class RateLimitClients {

    private static final String BEARER = "bearer ";

    private final CachingJwtParser tokens;
    private final List<AddressRange> trustedProxies;

    public RateLimitClients(CachingJwtParser tokens, RateLimitConfig config) {
        this.tokens = tokens;
        this.trustedProxies = config.clientAddress().trustedProxies().orElse(List.of()).stream()
                .map(AddressRange::parse).toList();
    }

    /** @param tenant the verified token's tenant, for the tenant's quota */
    public record Client(String key, Optional<UUID> tenant) {
    }

    public Client of(String authorization, HttpServerRequest http) {
        Optional<VerifiedCaller> caller = verified(authorization);
        if (caller.isPresent()) {
            VerifiedCaller verified = caller.get();
            String who = verified.tenant().map(UUID::toString).orElse("-") + "/" + verified.subject();
            return new Client("s-" + Hashes.sha256Hex(who).substring(0, 24), verified.tenant());
        }
        return new Client("ip-" + address(http), Optional.empty());
    }

    private Optional<VerifiedCaller> verified(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        try {
            return Optional.of(tokens.caller(tokens.parse(authorization.substring(BEARER.length()).strip())));
        } catch (ParseException | RuntimeException notVerified) {
            return Optional.empty();
        }
    }

    private String address(HttpServerRequest http) {
        SocketAddress remote = http.remoteAddress();
        byte[] peer = remote == null ? null : AddressRange.literal(remote.hostAddress());
        if (peer == null) {
            return "unknown";
        }
        if (!trusted(peer)) {
            return text(peer);
        }
        List<String> forwarded = http.headers().getAll("X-Forwarded-For");
        byte[] client = peer;
        for (int header = forwarded.size() - 1; header >= 0; header--) {
            String[] hops = forwarded.get(header).split(",");
            for (int hop = hops.length - 1; hop >= 0; hop--) {
                byte[] address = AddressRange.literal(hops[hop]);
                if (address == null) {
                    // Not written by a proxy we trust; the last trusted hop is the best we know.
                    return text(client);
                }
                client = address;
                if (!trusted(address)) {
                    return text(address);
                }
            }
        }
        return text(client);
    }

    private boolean trusted(byte[] address) {
        for (AddressRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static String text(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        return HexFormat.of().formatHex(address, 0, 8) + "/64";
    }
}
