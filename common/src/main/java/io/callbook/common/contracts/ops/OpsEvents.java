package io.callbook.common.contracts.ops;

/**
 * Topic and event types of ops commands (sent by perf-ops-service) and of the replies every replica of every service
 * sends. Commands and replies share the topic; a reply's CloudEvents subject, its Kafka key and its data's
 * {@code commandId} are the command's id. Commands are ephemeral: a replica reads only what arrives while it runs
 * (a consumer group of its own, latest offset), never an old command, and ignores one past its {@code replyBy}.
 */
public final class OpsEvents {

    public static final String TOPIC = "callbook.ops.v1";

    /** Command: every replica warms its caches; data {@link WarmCaches}. */
    public static final String WARM_CACHES = "io.callbook.ops.command.warm-caches";
    /** Reply of one replica to {@link #WARM_CACHES}; data {@link CachesWarmed}. */
    public static final String CACHES_WARMED = "io.callbook.ops.reply.caches-warmed";

    private OpsEvents() {
    }

    /** Whether an event of this type is a command (services act on it) rather than a reply (only perf-ops reads it). */
    public static boolean isCommand(String eventType) {
        return eventType != null && eventType.startsWith("io.callbook.ops.command.");
    }
}
