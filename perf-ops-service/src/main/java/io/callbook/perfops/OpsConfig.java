package io.callbook.perfops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What perf-ops-service watches and how often it acts; several features read it. */
@ConfigMapping(prefix = "callbook.ops")
public interface OpsConfig {

    /** The suite's services by short name: resolver, booking, webhook, perf-ops. */
    Map<String, Service> services();

    /** A run (optimize, analyze, ...) that takes longer than this is stopped and reported as failed. */
    @WithDefault("10m")
    Duration runTimeout();

    /**
     * Finding keys (e.g. {@code index:booking:appointment(branch_id)}) the team has looked at and accepted: they are
     * reported but never count as new advice, so {@code --fail-on-new-advice} in CI fails only on what is really new.
     */
    Optional<List<String>> acceptedFindings();

    Schedule schedule();

    /** Quartz-style crons; "off" turns one off. Read by the @Scheduled methods through property expressions. */
    interface Schedule {

        @WithDefault("Europe/Berlin")
        String timeZone();

        @WithDefault("0 0/30 * * * ?")
        String warmCaches();

        @WithDefault("0 0 * * * ?")
        String poolCheck();

        @WithDefault("0 0 4 * * ?")
        String analysis();
    }

    interface Service {

        /**
         * Base URLs of its replicas' management interface (where {@code /q/metrics} is), e.g.
         * {@code http://127.0.0.1:9081}. A URL whose host resolves to several addresses (a headless Service in
         * Kubernetes) stands for one replica per address. None: perf-ops reaches the service only through its database.
         */
        Optional<List<String>> urls();

        /** Its database; empty for a service without one. */
        Optional<String> jdbcUrl();

        /** Defaults to perf-ops-service's own database user, which must be allowed to read pg_stat_* there. */
        Optional<String> username();

        Optional<String> password();
    }
}
