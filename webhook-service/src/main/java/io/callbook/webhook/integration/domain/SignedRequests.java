package io.callbook.webhook.integration.domain;

import io.callbook.common.api.ProblemException;
import io.callbook.common.api.RequiredParameters;
import io.callbook.webhook.signing.domain.CalSignature;
import io.callbook.webhook.signing.domain.RetellSignature;
import io.callbook.webhook.signing.domain.SignatureCheck;
import io.callbook.webhook.tenant.domain.CompanyInactive;
import io.callbook.webhook.tenant.domain.Tenants;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * Authenticates what a provider sends: the integration named in the URL must be active, and the signature over the
 * raw body must have been made with its secret, and its company must be served (not suspended or deleted). Webhooks
 * and the voice agent's inbound hook and functions alike. The company is checked after the signature, so only the
 * provider itself learns that a company is suspended.
 */
@ApplicationScoped
public class SignedRequests {

    private final Integrations integrations;
    private final Tenants tenants;
    private final RetellSignature retell = new RetellSignature(Clock.systemUTC());

    public SignedRequests(Integrations integrations, Tenants tenants) {
        this.integrations = integrations;
        this.tenants = tenants;
    }

    /**
     * @throws ProblemException 400 when the request names no integration
     * @throws InvalidSignature for an unknown or inactive integration or a signature that does not verify
     * @throws CompanyInactive  when the integration's company is suspended or deleted
     */
    public Integration verify(Provider provider, UUID integrationId, byte[] body, String signature) {
        RequiredParameters.required(integrationId, "integration", "name the integration: ?integration=<id>");
        Integrations.Verifiable integration = integrations.forWebhook(integrationId, provider)
                .orElseThrow(() -> new InvalidSignature("unknown or inactive integration"));
        SignatureCheck check = provider == Provider.VOICE
                ? retell.verify(body, signature, integration.key())
                : CalSignature.verify(body, signature, integration.key());
        if (!check.valid()) {
            throw new InvalidSignature(check.failure());
        }
        tenants.requireServed(integration.integration().companyId);
        return integration.integration();
    }
}
