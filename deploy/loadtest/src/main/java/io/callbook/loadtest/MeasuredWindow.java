package io.callbook.loadtest;

import java.util.OptionalLong;

/** Measures the service's and the generator's CPU and memory over exactly the window in which users run. */
final class MeasuredWindow implements RunWindow.Listener {

    private final OptionalLong servicePid;
    private volatile long openedNanos;
    private volatile long closedNanos;
    private volatile ProcessSampler serviceSampler;
    private volatile ProcessSampler generatorSampler;
    private volatile ProcessUsage service = ProcessUsage.UNKNOWN;
    private volatile ProcessUsage generator = ProcessUsage.UNKNOWN;

    MeasuredWindow(OptionalLong servicePid) {
        this.servicePid = servicePid;
    }

    @Override
    public void opened() {
        servicePid.ifPresent(pid -> serviceSampler = ProcessSampler.start(pid));
        generatorSampler = ProcessSampler.start(ProcessHandle.current().pid());
        openedNanos = System.nanoTime();
    }

    @Override
    public void closed() {
        closedNanos = System.nanoTime();
        if (serviceSampler != null) {
            service = serviceSampler.stop();
        }
        if (generatorSampler != null) {
            generator = generatorSampler.stop();
        }
    }

    double seconds() {
        return closedNanos <= openedNanos ? 0 : (closedNanos - openedNanos) / 1e9;
    }

    ProcessUsage service() {
        return service;
    }

    ProcessUsage generator() {
        return generator;
    }
}
