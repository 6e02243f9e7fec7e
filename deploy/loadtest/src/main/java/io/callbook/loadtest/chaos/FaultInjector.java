package io.callbook.loadtest.chaos;

import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.Pause;
import io.callbook.loadtest.harness.SuiteService;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Does one {@link Fault} to the local suite and returns when it is over: a frozen process resumed, a killed service
 * or a restarted broker serving again.
 */
final class FaultInjector {

    /** A service JVM or the broker starts in seconds on a quiet machine; on a busy 2-core one, more than a minute. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final SuiteProcessControl suite;
    private final KillTarget killed;
    private final Duration pause;
    private final PrintStream out;

    FaultInjector(SuiteProcessControl suite, KillTarget killed, Duration pause, PrintStream out) {
        this.suite = suite;
        this.killed = killed;
        this.pause = pause;
        this.out = out;
    }

    /**
     * The service {@link Fault#KILL} hits.
     *
     * @param name    as the table calls it, e.g. "webhook"
     * @param process the devstack's name for its record, e.g. "service-webhook-service"
     * @param log     the name of its log file in the stack's logs folder, without ".log"
     * @param url     where it answers once it is back
     * @param pid     finds its JVM; 0 when none runs
     */
    record KillTarget(String name, String process, String log, String url, LongSupplier pid) {

        /** A service of the local suite, found by its marker and port. */
        static KillTarget of(SuiteService service, String url) {
            return new KillTarget(service.shortName(), "service-" + service.module(), service.module(), url,
                    () -> SuiteProcessControl.servicePid(service.module(), URI.create(url).getPort()));
        }
    }

    /**
     * What a fault did, on the clock of {@link System#nanoTime()}, as the requests are recorded.
     *
     * @param newPid the process started again (a killed service, the restarted broker); 0 for a pause
     */
    record Injected(Fault fault, String label, long startNanos, long endNanos, long newPid) {

        Duration length() {
            return Duration.ofNanos(endNanos - startNanos);
        }
    }

    Injected inject(Fault fault) {
        return switch (fault) {
            case KILL -> kill();
            case POSTGRES, REDIS, KAFKA -> freeze(fault);
            case KAFKA_RESTART -> restartKafka();
        };
    }

    /** Checks up front that every process a fault needs is there, so the bench fails before the load, not during it. */
    void check(Iterable<Fault> faults) {
        for (Fault fault : faults) {
            long pid = fault == Fault.KILL ? killed.pid().getAsLong() : suite.pid(fault.process());
            if (pid <= 0) {
                throw new IllegalStateException("Fault " + fault.option() + ": no " + (fault == Fault.KILL
                        ? killed.name() + " at " + killed.url() : fault.process())
                        + " of this repository's suite runs (./callbook status)");
            }
        }
    }

    private Injected kill() {
        long pid = killed.pid().getAsLong();
        SuiteProcessControl.Launch launch = suite.launchOf(pid);
        long start = System.nanoTime();
        log("kill -9 %s (pid %d)", killed.name(), pid);
        SuiteProcessControl.kill(pid);
        long newPid = suite.restart(killed.process(), launch, killed.log());
        log("%s started again (pid %d), waiting for it to answer ...", killed.name(), newPid);
        ApiClient service = ApiClient.anonymous(killed.url());
        await(service::isReady, killed.name() + " answering again");
        long end = System.nanoTime();
        log("%s answers again, %s after the kill", killed.name(), DurationText.format(Duration.ofNanos(end - start)));
        return new Injected(Fault.KILL, "kill -9 " + killed.name() + " + restart", start, end, newPid);
    }

    private Injected freeze(Fault fault) {
        long pid = suite.pid(fault.process());
        long start = System.nanoTime();
        log("SIGSTOP %s (pid %d%s) for %s", fault.process(), pid, fault == Fault.POSTGRES ? " and its backends" : "",
                DurationText.format(pause));
        suite.stop(pid);
        try {
            Pause.sleep(pause, "a process is stopped");
        } finally {
            suite.resume(pid);
        }
        long end = System.nanoTime();
        log("SIGCONT %s", fault.process());
        return new Injected(fault, "SIGSTOP " + fault.process() + " " + DurationText.format(pause), start, end, 0);
    }

    private Injected restartKafka() {
        long pid = suite.pid("kafka");
        SuiteProcessControl.Launch launch = suite.launchOf(pid);
        int port = suite.port("kafka.port");
        long start = System.nanoTime();
        log("restarting the Kafka broker (SIGTERM to pid %d)", pid);
        SuiteProcessControl.terminate(pid);
        long newPid = suite.restart("kafka", launch, "kafka");
        log("Kafka broker started again (pid %d), waiting for port %d ...", newPid, port);
        await(() -> listens(port), "the Kafka broker listening again");
        long end = System.nanoTime();
        log("Kafka broker listens again, %s after SIGTERM", DurationText.format(Duration.ofNanos(end - start)));
        return new Injected(Fault.KAFKA_RESTART, "restart Kafka", start, end, newPid);
    }

    private void log(String format, Object... args) {
        out.printf("  [chaos] " + format + "%n", args);
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not " + what + " within " + DurationText.format(START_TIMEOUT));
            }
            Pause.sleep(Duration.ofMillis(250), "waiting for " + what);
        }
    }
}
