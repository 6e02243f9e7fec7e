package io.callbook.common.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The process's resident memory (RSS), which is what a container's memory limit and the RSS target are measured
 * against; JVM heap figures miss metaspace, thread stacks, code cache and direct buffers. Linux only: where
 * {@code /proc/self/status} is absent the gauge is not registered.
 */
@Singleton
public class ProcessMemory implements MeterBinder {

    private static final Path STATUS = Path.of("/proc/self/status");

    @Override
    public void bindTo(MeterRegistry registry) {
        if (residentBytes(STATUS) < 0) {
            return;
        }
        Gauge.builder("process.resident.memory.bytes", () -> Math.max(0, residentBytes(STATUS)))
                .description("Resident set size of the process in bytes")
                .register(registry);
    }

    /** @return the {@code VmRSS} of a /proc status file in bytes, or -1 where there is none */
    static long residentBytes(Path status) {
        try {
            List<String> lines = Files.readAllLines(status);
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    String value = line.substring("VmRSS:".length()).trim();
                    int space = value.indexOf(' ');
                    long kib = Long.parseLong(space < 0 ? value : value.substring(0, space));
                    return kib * 1024;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
