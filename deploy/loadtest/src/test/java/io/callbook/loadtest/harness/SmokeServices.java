package io.callbook.loadtest.harness;

import io.callbook.devstack.Devstack;
import io.callbook.devstack.Ports;
import io.callbook.devstack.ServiceProcess;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The packaged services the smoke tests start on the shared test stack, each with a database and a Redis database of
 * its own.
 */
public final class SmokeServices {

    private static final Map<String, Integer> REDIS_DATABASES = new HashMap<>();

    private SmokeServices() {
    }

    /** A platform-admin API key in the resolver's format, for callbook.auth.bootstrap-api-key. */
    public static String newBootstrapKey() {
        return "cbk_" + randomText(8) + "_" + randomText(32);
    }

    public static ServiceProcess startResolver(String name, String database, String bootstrapKey, Path logFile) {
        return startResolver(name, database, bootstrapKey, logFile, Map.of());
    }

    /** @param extra more settings, e.g. where to export spans */
    public static ServiceProcess startResolver(String name, String database, String bootstrapKey, Path logFile,
                                               Map<String, String> extra) {
        Map<String, String> config = config(database);
        config.put("callbook.auth.bootstrap-api-key", bootstrapKey);
        config.putAll(Devstack.shared().signingConfig());
        config.putAll(extra);
        return start("resolver-service", name, config, logFile);
    }

    public static ServiceProcess startBooking(String name, String database, Path logFile) {
        return startBooking(name, database, logFile, Map.of());
    }

    public static ServiceProcess startBooking(String name, String database, Path logFile, Map<String, String> extra) {
        Map<String, String> config = config(database);
        config.putAll(extra);
        return start("booking-service", name, config, logFile);
    }

    /**
     * Its voice functions call these two. The smoke tests check that every step gets its real answer, not how fast:
     * the voice time budgets (900 ms in production, where the caller is waiting) are widened so that a slow, busy CI
     * machine and a cold JVM answer for real; the benches measure the real budgets.
     */
    public static ServiceProcess startWebhook(String name, String database, Path logFile, ServiceProcess resolver,
                                       ServiceProcess booking) {
        return startWebhook(name, database, logFile, resolver, booking, Map.of());
    }

    public static ServiceProcess startWebhook(String name, String database, Path logFile, ServiceProcess resolver,
                                              ServiceProcess booking, Map<String, String> extra) {
        Map<String, String> config = config(database);
        config.put("quarkus.rest-client.resolver.url", resolver.baseUrl());
        config.put("quarkus.rest-client.booking.url", booking.baseUrl());
        config.putAll(Devstack.shared().agentExchangeConfig());
        config.putAll(GENEROUS_VOICE_BUDGETS);
        config.putAll(extra);
        return start("webhook-service", name, config, logFile);
    }

    /** A service perf-ops-service watches: its short name (resolver, booking, webhook), its process and its database. */
    public record Watched(String name, ServiceProcess process, String database) {
    }

    /**
     * perf-ops-service watching the services given, as the local run configures it: each one's management URL (where
     * its /q/metrics is) and database
     * ({@code callbook.ops.services.<name>.urls / jdbc-url}), and itself at the management port its process gets. A
     * service that is not given is one where nothing answers (perf-ops reports it as unreachable). Load tests stay
     * off: no {@code callbook.ops.loadtest.root}.
     */
    public static ServiceProcess startPerfOps(String name, String database, Path logFile, List<Watched> watched) {
        Map<String, String> config = config(database);
        config.put("callbook.ops.services.perf-ops.urls", "http://127.0.0.1:${quarkus.management.port}");
        for (String service : List.of("resolver", "booking", "webhook")) {
            config.put("callbook.ops.services." + service + ".urls", "http://127.0.0.1:9");
            config.put("callbook.ops.services." + service + ".jdbc-url", Devstack.shared().jdbcUrl(database));
        }
        for (Watched service : watched) {
            config.put("callbook.ops.services." + service.name() + ".urls", service.process().managementUrl());
            config.put("callbook.ops.services." + service.name() + ".jdbc-url", Devstack.shared().jdbcUrl(service.database()));
        }
        return start("perf-ops-service", name, config, logFile);
    }

    /**
     * Milliseconds, but the longest wait for a worker thread, a duration; the names are the ones webhook-service's
     * application.properties documents. Four times the real budgets or more, and still under the 5 s the bench's
     * readiness probe waits for a fallback (one test stops booking-service to see it).
     */
    static final Map<String, String> GENEROUS_VOICE_BUDGETS = Map.of(
            "io.callbook.webhook.voice.domain.VoiceFunctions/call/Timeout/value", "4000",
            "io.callbook.webhook.voice.domain.InboundCalls/answer/Timeout/value", "4000",
            "io.callbook.webhook.voice.infra.ResolverGateway/Timeout/value", "3000",
            "io.callbook.webhook.voice.infra.BookingGateway/Timeout/value", "3000",
            "quarkus.rest-client.resolver.read-timeout", "3000",
            "quarkus.rest-client.booking.read-timeout", "3000",
            "callbook.webhook.voice.max-queue-wait", "PT4S");

    /**
     * The stack's Redis outlives a test class: on a shared Redis database a resolver answered from the cache another
     * test's resolver filled (the same numbers, other companies), depending on the order the classes ran in.
     */
    private static Map<String, String> config(String database) {
        Map<String, String> config = new HashMap<>(Devstack.shared().serviceConfig(database));
        config.put("quarkus.redis.hosts", Devstack.shared().redisUrl() + "/" + redisDatabase(database));
        return config;
    }

    /** The devstack's Redis has 64 databases; 0 is the other tests'. */
    private static synchronized int redisDatabase(String database) {
        Integer index = REDIS_DATABASES.get(database);
        if (index == null) {
            index = REDIS_DATABASES.size() + 1;
            if (index > 63) {
                throw new IllegalStateException("More smoke-test databases than Redis has: " + REDIS_DATABASES.keySet());
            }
            REDIS_DATABASES.put(database, index);
        }
        return index;
    }

    /**
     * One at a time: each start records its process in the stack's state file, and two records at once (a test that
     * starts two services in parallel) collide on the file's temporary copy ("Cannot write devstack state").
     */
    private static synchronized ServiceProcess start(String module, String name, Map<String, String> config, Path logFile) {
        Path root = Path.of(System.getProperty("callbook.root", "../..")).toAbsolutePath().normalize();
        return ServiceProcess.start(name, root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"), Ports.free(),
                config, logFile);
    }

    private static String randomText(int length) {
        SecureRandom random = new SecureRandom();
        return random.ints(length, 0, 36).mapToObj(i -> Character.toString(Character.forDigit(i, 36)))
                .collect(Collectors.joining());
    }
}
