package io.callbook.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Measures a Linux process from {@code /proc}: CPU from the utime+stime ticks of {@code /proc/<pid>/stat} at the start
 * and end of the window, RSS as the peak of {@code VmRSS} in {@code /proc/<pid>/status} sampled every second.
 */
public final class ProcessSampler {

    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private final long pid;
    private final long startNanos;
    private final long startTicks;
    private final Thread rssSampler;
    private volatile long peakRssKb;

    private ProcessSampler(long pid) {
        this.pid = pid;
        this.peakRssKb = rssKb(pid);
        this.startNanos = System.nanoTime();
        this.startTicks = cpuTicks(pid);
        this.rssSampler = Thread.ofPlatform().daemon().name("rss-sampler-" + pid).start(this::sampleRss);
    }

    /** Starts measuring; call {@link #stop()} at the end of the window. */
    public static ProcessSampler start(long pid) {
        return new ProcessSampler(pid);
    }

    public ProcessUsage stop() {
        long ticks = cpuTicks(pid);
        long nanos = System.nanoTime() - startNanos;
        rssSampler.interrupt();
        if (ticks < 0 || startTicks < 0 || nanos <= 0) {
            return ProcessUsage.UNKNOWN; // the process is gone
        }
        double cpuSeconds = (ticks - startTicks) / (double) TICKS_PER_SECOND;
        long rss = Math.max(peakRssKb, rssKb(pid));
        return new ProcessUsage(cpuSeconds * 100.0 / (nanos / 1e9), rss / 1024);
    }

    private void sampleRss() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                TimeUnit.SECONDS.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            peakRssKb = Math.max(peakRssKb, rssKb(pid));
        }
    }

    /** utime + stime in clock ticks, or -1 when the process cannot be read. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces and parentheses: count fields after its closing ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of proc(5)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String value = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(value);
        } catch (IOException | RuntimeException e) {
            return 100; // USER_HZ on every mainstream Linux
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
