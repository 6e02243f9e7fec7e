package io.callbook.loadtest.harness;

import java.net.URI;

/** The services of {@code ./callbook up} on their usual ports; the short name is the tables'. */
public enum SuiteService {
    RESOLVER("resolver-service", "resolver", 8081),
    BOOKING("booking-service", "booking", 8082),
    WEBHOOK("webhook-service", "webhook", 8083),
    PERF_OPS("perf-ops-service", "perf-ops", 8084);

    private final String module;
    private final String shortName;
    private final int port;

    SuiteService(String module, String shortName, int port) {
        this.module = module;
        this.shortName = shortName;
        this.port = port;
    }

    public String module() {
        return module;
    }

    public String shortName() {
        return shortName;
    }

    public int port() {
        return port;
    }

    /** Where the local suite serves it: every bench's default URL. */
    public String localUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Whether the URL is this service of the local suite, which a bench may start itself. */
    public boolean isLocal(String url) {
        String host = URI.create(url).getHost();
        return CommonOptions.port(url) == port && ("127.0.0.1".equals(host) || "localhost".equals(host));
    }
}
