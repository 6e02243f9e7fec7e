package io.callbook.testsupport;

import io.callbook.devstack.Devstack;
import io.callbook.devstack.Ports;
import io.quarkus.test.common.DevServicesContext;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus test at this JVM's shared devstack (started once, however many test classes and profiles use it).
 * The same resource serves a {@code @QuarkusIntegrationTest}: Quarkus then passes this configuration to the packaged
 * service's process as {@code -D} options on its command line, the devstack's throw-away database password and
 * secrets key among them (test-only values; the local run and Kubernetes pass secrets through the environment or files).
 * A packaged service also gets a free management port: Quarkus gives it a test port only for its HTTP port, so it would
 * otherwise take the production port (9000), one port for every integration test running on the machine.
 *
 * <pre>{@code
 * @WithTestResource(value = CallbookTestStack.class, initArgs = @ResourceArg(name = "service", value = "resolver"))
 * }</pre>
 * Init args: {@code service} (required) and {@code database} (defaults to the service name without dashes).
 */
public class CallbookTestStack implements QuarkusTestResourceLifecycleManager, DevServicesContext.ContextAware {

    private String service;
    private String database;
    private boolean packaged;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get("service");
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("CallbookTestStack needs the init arg 'service', e.g. resolver");
        }
        database = initArgs.getOrDefault("database", service.toLowerCase().replaceAll("[^a-z0-9_]", ""));
    }

    @Override
    public void setIntegrationTestContext(DevServicesContext context) {
        packaged = true;
    }

    @Override
    public Map<String, String> start() {
        Devstack stack = Devstack.shared();
        Map<String, String> config = new HashMap<>(stack.serviceConfig(database));
        // The signing key is resolver-service's alone; webhook-service exchanges its secret there for agent tokens.
        if (service.equals("resolver")) {
            config.putAll(stack.signingConfig());
        } else if (service.equals("webhook")) {
            config.putAll(stack.agentExchangeConfig());
        }
        if (packaged) {
            config.put("quarkus.management.port", Integer.toString(Ports.free()));
        }
        return config;
    }

    @Override
    public void stop() {
        // The stack outlives this test class and profile; a JVM shutdown hook stops it.
    }
}
