package io.callbook.loadtest.harness;

/**
 * A process whose CPU a bench measures, by the name its table gives it.
 *
 * @param withDescendants also everything its children spend: PostgreSQL's backends, nginx's and php-fpm's workers
 * @param perOperation    its CPU per operation is worth a column (a service doing the work); infrastructure shows CPU % only
 */
public record WatchedProcess(String name, long pid, boolean withDescendants, boolean perOperation) {

    /** A Callbook service's JVM. */
    public static WatchedProcess service(String name, long pid) {
        return new WatchedProcess(name, pid, false, true);
    }

    /** One process of the infrastructure, e.g. Redis or the Kafka broker. */
    static WatchedProcess infrastructure(String name, long pid) {
        return new WatchedProcess(name, pid, false, false);
    }

    /** A server that works in child processes it forks, e.g. PostgreSQL. */
    static WatchedProcess infrastructureWithChildren(String name, long pid) {
        return new WatchedProcess(name, pid, true, false);
    }

    long cpuTicks() {
        return withDescendants ? ProcFs.treeTicks(pid) : ProcFs.ownTicks(pid);
    }

    long rssKb() {
        return withDescendants ? ProcFs.tree(pid).stream().mapToLong(stat -> ProcFs.rssKb(stat.pid())).sum()
                : ProcFs.rssKb(pid);
    }
}
