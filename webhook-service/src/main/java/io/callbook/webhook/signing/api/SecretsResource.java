package io.callbook.webhook.signing.api;

import io.callbook.common.security.Roles;
import io.callbook.webhook.signing.domain.SecretReencryption;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' step of a secrets-key rotation (see SecretsConfig). */
@Path("/v1/ops/secrets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Secrets at rest", description = "Rotation of the key that encrypts stored provider and endpoint secrets")
public class SecretsResource {

    private final SecretReencryption reencryption;

    public SecretsResource(SecretReencryption reencryption) {
        this.reencryption = reencryption;
    }

    @POST
    @Path("re-encrypt")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.OPS})
    @Operation(summary = "Re-encrypt every stored secret with the current key",
            description = """
                    After a new key became current (`callbook.secrets.key-id` and `key`, the old key moved to \
                    `old-keys`). `remaining` counts values still not under the current key: drop an old key only \
                    when it is 0. Safe to repeat and to run beside traffic.""")
    public SecretReencryption.Result reencrypt() {
        return reencryption.run();
    }
}
