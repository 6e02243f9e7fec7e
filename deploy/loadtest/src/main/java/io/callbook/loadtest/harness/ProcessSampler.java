package io.callbook.loadtest.harness;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Measures CPU from {@code /proc} clock ticks at the start of a window and whenever asked after it, and optionally the
 * peak RSS, sampled every second until {@link #stop()}.
 */
public final class ProcessSampler {

    private final LongSupplier cpuTicks;
    private final LongSupplier rssKb;
    private final long startNanos;
    private final long startTicks;
    private final Thread rssSampler;
    private volatile long peakRssKb;
    private volatile boolean stopped;

    /** @param rssKb null: no memory figure */
    private ProcessSampler(String name, LongSupplier cpuTicks, LongSupplier rssKb) {
        this.cpuTicks = cpuTicks;
        this.rssKb = rssKb;
        this.peakRssKb = rssKb == null ? -1 : rssKb.getAsLong();
        this.startNanos = System.nanoTime();
        this.startTicks = cpuTicks.getAsLong();
        this.rssSampler = rssKb == null ? null : Thread.ofPlatform().daemon().name("rss-sampler-" + name).start(this::sampleRss);
    }

    /** CPU and RSS of a process under test. */
    static ProcessSampler start(WatchedProcess process) {
        return new ProcessSampler(process.name(), process::cpuTicks, process::rssKb);
    }

    static ProcessSampler cpuOnly(WatchedProcess process) {
        return new ProcessSampler(process.name(), process::cpuTicks, null);
    }

    /** The load generator itself: this JVM alone, not the peers' servers it starts as its children. */
    static ProcessSampler generator() {
        long pid = ProcessHandle.current().pid();
        return new ProcessSampler("generator", () -> ProcFs.ownTicks(pid), null);
    }

    /** All cores of the machine: shows what else ran besides the processes measured. */
    static ProcessSampler machine() {
        return new ProcessSampler("machine", ProcFs::machineBusyTicks, null);
    }

    /** Ends RSS sampling; the usage from the start until now. */
    public ProcessUsage stop() {
        ProcessUsage usage = sinceStart();
        stopped = true;
        if (rssSampler != null) {
            rssSampler.interrupt();
        }
        return usage;
    }

    /** The usage from the start until now; also after {@link #stop()}, when RSS is that of the sampled time. */
    public ProcessUsage sinceStart() {
        long ticks = cpuTicks.getAsLong();
        long nanos = System.nanoTime() - startNanos;
        if (ticks < 0 || startTicks < 0 || nanos <= 0) {
            return ProcessUsage.UNKNOWN; // the process is gone
        }
        long rss = rssKb == null || stopped ? peakRssKb : Math.max(peakRssKb, rssKb.getAsLong());
        return ProcessUsage.of(ticks - startTicks, ProcFs.TICKS_PER_SECOND, nanos, rss);
    }

    private void sampleRss() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                TimeUnit.SECONDS.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            peakRssKb = Math.max(peakRssKb, rssKb.getAsLong());
        }
    }
}
