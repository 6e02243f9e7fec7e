package io.callbook.loadtest.harness;

import java.util.List;

/**
 * What a run cost this machine.
 *
 * @param service   the processes under test together (one JVM, or e.g. nginx, php-fpm and Redis serving together)
 * @param parts     the same processes one by one
 * @param others    every other process of the suite found running (services, PostgreSQL, Redis, Kafka), each alone
 * @param generator the load generator's own JVM (this one): it shares the machine with the suite
 * @param machine   all cores together, whatever ran: more than the sum above means something else took CPU
 */
public record RunUsage(ProcessUsage service, List<NamedUsage> parts, List<NamedUsage> others, ProcessUsage generator,
                       ProcessUsage machine) {

    public static final RunUsage UNKNOWN = new RunUsage(ProcessUsage.UNKNOWN, List.of(), List.of(), ProcessUsage.UNKNOWN,
            ProcessUsage.UNKNOWN);

    public RunUsage {
        parts = List.copyOf(parts);
        others = List.copyOf(others);
    }
}
