package io.callbook.perfops.dashboard.domain;

import io.callbook.perfops.dashboard.api.DashboardTestProfile;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(DashboardTestProfile.class)
class OpsLoginTest {

    @Inject
    OpsLogin login;

    @Test
    void opsAndPlatformAdminTokensOpenASessionUntilTheyExpire() {
        String token = TestTokens.ops();
        OpsSession session = login.verify("  Bearer " + token + "\n");
        assertEquals(token, session.token(), "pasted with its scheme and line break, stored bare");
        assertTrue(session.groups().contains("ops"));
        assertTrue(session.expiresAt().isAfter(Instant.now()));
        assertTrue(login.verify(TestTokens.platformAdmin()).groups().contains("platform-admin"));
    }

    @Test
    void everyOtherTokenIsRefusedWithItsReason() {
        UUID company = UUID.randomUUID();
        assertRefused(LoginRefused.Reason.MISSING, null);
        assertRefused(LoginRefused.Reason.MISSING, "Bearer ");
        assertRefused(LoginRefused.Reason.INVALID, "a.b.c");
        assertRefused(LoginRefused.Reason.INVALID, TestTokens.signedWithAnotherKey(company));
        assertRefused(LoginRefused.Reason.EXPIRED, TestTokens.expired(company));
        assertRefused(LoginRefused.Reason.TENANT, TestTokens.tenantAdmin(company));
        assertRefused(LoginRefused.Reason.TENANT, TestTokens.sign(Jwt.issuer("callbook").subject("scoped-ops")
                .groups(Set.of("ops")).audience(TestTokens.ALL_SERVICES).claim("tenant", company.toString()).expiresIn(600)));
        assertRefused(LoginRefused.Reason.NOT_OPS, TestTokens.sign(Jwt.issuer("callbook").subject("nobody")
                .groups(Set.of("agent")).audience(TestTokens.ALL_SERVICES).expiresIn(600)));
    }

    private void assertRefused(LoginRefused.Reason reason, String token) {
        assertEquals(reason, assertThrows(LoginRefused.class, () -> login.verify(token)).reason());
    }
}
