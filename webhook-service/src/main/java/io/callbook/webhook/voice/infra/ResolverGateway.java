package io.callbook.webhook.voice.infra;

import io.callbook.webhook.voice.domain.VoiceDirectory;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;
import java.util.UUID;

/**
 * Resolves dialled numbers through resolver-service, as the tenant's agent: another company's number is unknown to
 * that token, so it comes back empty like a number nobody has. Answers (empty ones too) are kept briefly, since one
 * call asks for its number again with every function; failures are not kept. Timeout and circuit breaker:
 * {@code io.callbook.webhook.voice.infra.ResolverGateway/Timeout/value} and {@code .../CircuitBreaker/...}.
 */
@ApplicationScoped
@Timeout(400)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
public class ResolverGateway implements VoiceDirectory {

    private final ResolverClient resolver;
    private final ServiceTokens tokens;

    public ResolverGateway(@RestClient ResolverClient resolver, ServiceTokens tokens) {
        this.resolver = resolver;
        this.tokens = tokens;
    }

    @Override
    @CacheResult(cacheName = "voice-resolutions")
    public Optional<DialledBranch> resolve(UUID companyId, String number) {
        try {
            ResolverClient.Resolution r = resolver.resolve(number, tokens.authorization(companyId));
            return Optional.of(new DialledBranch(r.number(), r.companyId(), r.companyName(), r.branchId(), r.branchName(),
                    r.timeZone(), r.locale(), r.active()));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404 || status == 422) { // nobody's number, or not a number at all (e.g. "anonymous")
                return Optional.empty();
            }
            throw e;
        }
    }
}
