package io.callbook.webhook;

import io.callbook.devstack.Devstack;
import io.callbook.devstack.Ports;
import io.callbook.devstack.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The real resolver-service and booking-service, started from their packaged jars on the shared devstack (a database
 * each) once per test JVM, for the voice functions to call. Their addresses and pids are kept in system
 * properties: test resources and tests may live in different class loaders, and a restart of Quarkus for another
 * profile must find the running services instead of starting more.
 */
public class VoiceBackends implements QuarkusTestResourceLifecycleManager {

    public static final String RESOLVER_URL = "callbook.test.voice.resolver-url";
    public static final String BOOKING_URL = "callbook.test.voice.booking-url";
    public static final String BOOKING_PID = "callbook.test.voice.booking-pid";
    public static final String RESOLVER_PID = "callbook.test.voice.resolver-pid";
    /** This module's own port under test, fixed before booking-service starts so that it can call back (exports). */
    public static final String WEBHOOK_PORT = "callbook.test.voice.webhook-port";

    @Override
    public synchronized Map<String, String> start() {
        if (System.getProperty(RESOLVER_URL) == null) {
            Devstack stack = Devstack.shared();
            // Only resolver-service signs; booking-service verifies against its published keys, as in production.
            System.setProperty(WEBHOOK_PORT, Integer.toString(Ports.free()));
            int resolverPort = Ports.free();
            Map<String, String> resolverConfig = new HashMap<>(stack.serviceConfig("voiceresolver"));
            resolverConfig.putAll(stack.signingConfig());
            Map<String, String> bookingConfig = new HashMap<>(stack.serviceConfig("voicebooking"));
            bookingConfig.put("mp.jwt.verify.publickey.location",
                    "http://127.0.0.1:" + resolverPort + "/.well-known/jwks.json");
            bookingConfig.put("quarkus.rest-client.webhook.url", "http://127.0.0.1:" + System.getProperty(WEBHOOK_PORT));
            CompletableFuture<ServiceProcess> resolver = CompletableFuture.supplyAsync(() ->
                    start("resolver-service", "voice-resolver", resolverConfig, stack, resolverPort));
            CompletableFuture<ServiceProcess> booking = CompletableFuture.supplyAsync(() ->
                    start("booking-service", "voice-booking", bookingConfig, stack, Ports.free()));
            ServiceProcess resolverService = resolver.join();
            System.setProperty(RESOLVER_URL, resolverService.baseUrl());
            System.setProperty(RESOLVER_PID, Long.toString(resolverService.pid()));
            ServiceProcess bookingService = booking.join();
            System.setProperty(BOOKING_URL, bookingService.baseUrl());
            System.setProperty(BOOKING_PID, Long.toString(bookingService.pid()));
        }
        return Map.of("quarkus.rest-client.resolver.url", System.getProperty(RESOLVER_URL),
                "quarkus.rest-client.booking.url", System.getProperty(BOOKING_URL),
                "quarkus.http.test-port", System.getProperty(WEBHOOK_PORT));
    }

    private static ServiceProcess start(String module, String name, Map<String, String> config, Devstack stack, int port) {
        Path root = Path.of(System.getProperty("callbook.root", "..")).toAbsolutePath().normalize();
        return ServiceProcess.start(name, root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"),
                port, config, stack.logDir().resolve(name + ".log"));
    }

    public static String resolverUrl() {
        return System.getProperty(RESOLVER_URL);
    }

    public static String bookingUrl() {
        return System.getProperty(BOOKING_URL);
    }

    @Override
    public void stop() {
        // Shared by every test class and profile of this JVM; ServiceProcess stops them when the JVM exits.
    }
}
