package io.callbook.loadtest.chaos;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The faults of {@code ./callbook bench chaos}, in the order they are injected, by their names on the command line. */
enum Fault {
    /** kill -9 of one service, started again at once (the launcher does not restart it). */
    KILL("kill"),
    /** SIGSTOP of PostgreSQL (the postmaster and every backend) for --pause, then SIGCONT. */
    POSTGRES("postgres"),
    REDIS("redis"),
    KAFKA("kafka"),
    /** SIGTERM of the Kafka broker, started again with its data once it is gone. */
    KAFKA_RESTART("kafka-restart");

    private final String option;

    Fault(String option) {
        this.option = option;
    }

    String option() {
        return option;
    }

    static Fault of(String option) {
        return Arrays.stream(values()).filter(fault -> fault.option.equals(option)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown fault '" + option + "' (" + names() + ")"));
    }

    static String names() {
        return Arrays.stream(values()).map(Fault::option).collect(Collectors.joining(", "));
    }

    /** A frozen process, resumed after the pause: PostgreSQL, Redis or Kafka. */
    boolean isPause() {
        return this == POSTGRES || this == REDIS || this == KAFKA;
    }

    /** The devstack's name of the frozen or restarted process. */
    String process() {
        return switch (this) {
            case POSTGRES -> "postgres";
            case REDIS -> "redis";
            case KAFKA, KAFKA_RESTART -> "kafka";
            case KILL -> throw new IllegalStateException("A killed service is found by its port");
        };
    }
}
