package io.callbook.webhook;

import io.callbook.devstack.Devstack;
import io.callbook.testsupport.ServiceProductionConfigurationTests;

import java.util.Map;

class ProductionConfigurationIT extends ServiceProductionConfigurationTests {

    @Override
    protected String database() {
        return "webhook_prod";
    }

    /** Voice functions call these only when a call comes; nothing listens there. */
    @Override
    protected Map<String, String> ownSettings(Devstack stack) {
        return Map.of("quarkus.rest-client.resolver.url", "http://127.0.0.1:9",
                "quarkus.rest-client.booking.url", "http://127.0.0.1:9",
                "callbook.webhook.voice.agent-exchange-secret",
                stack.agentExchangeConfig().get("callbook.webhook.voice.agent-exchange-secret"));
    }
}
