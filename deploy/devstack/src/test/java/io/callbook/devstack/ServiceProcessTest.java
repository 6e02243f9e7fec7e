package io.callbook.devstack;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceProcessTest {

    @Test
    void passwordsAndKeysTravelInTheEnvironmentNotOnTheCommandLine() {
        assertTrue(ServiceProcess.isSecret("quarkus.datasource.password"));
        assertTrue(ServiceProcess.isSecret("callbook.secrets.key"));
        assertTrue(ServiceProcess.isSecret("callbook.auth.bootstrap-api-key"));
        assertTrue(ServiceProcess.isSecret("callbook.tokens.agent-exchange-secret"));
        assertTrue(ServiceProcess.isSecret("callbook.webhook.voice.agent-exchange-secret"));
        assertFalse(ServiceProcess.isSecret("callbook.tokens.key-dir"), "a key's folder is no secret");
        assertFalse(ServiceProcess.isSecret("quarkus.datasource.jdbc.url"));
        assertFalse(ServiceProcess.isSecret("callbook.ops.services.booking.jdbc-url"));
    }

    @Test
    void environmentNamesAreTheOnesMicroProfileConfigReads() {
        assertEquals("QUARKUS_DATASOURCE_PASSWORD", ServiceProcess.environmentName("quarkus.datasource.password"));
        assertEquals("CALLBOOK_AUTH_BOOTSTRAP_API_KEY", ServiceProcess.environmentName("callbook.auth.bootstrap-api-key"));
        assertEquals("CALLBOOK_SECRETS_KEY", ServiceProcess.environmentName("callbook.secrets.key"));
    }

    @Test
    void aServiceRunsWithTheImagesFlagsAndTheCallersComeLast() {
        List<String> flags = ServiceProcess.jvmFlags("256m", List.of("-XX:TieredStopAtLevel=4"));

        assertEquals("-Xmx256m", flags.getFirst());
        assertTrue(flags.contains("-XX:+ExitOnOutOfMemoryError"), flags.toString());
        assertTrue(flags.containsAll(ServiceProcess.NETTY_ALLOCATOR_FLAGS), flags.toString());
        assertEquals("-XX:TieredStopAtLevel=4", flags.getLast(), "a flag of -Dcallbook.service.jvm-options wins");
    }
}
