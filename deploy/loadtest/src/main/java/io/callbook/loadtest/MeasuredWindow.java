package io.callbook.loadtest;

import java.util.OptionalLong;

/** Measures the resolver's and the generator's CPU and memory over exactly the window in which users run. */
final class MeasuredWindow implements RunWindow.Listener {

    private final OptionalLong resolverPid;
    private volatile long openedNanos;
    private volatile long closedNanos;
    private volatile ProcessSampler resolverSampler;
    private volatile ProcessSampler generatorSampler;
    private volatile ProcessUsage resolver = ProcessUsage.UNKNOWN;
    private volatile ProcessUsage generator = ProcessUsage.UNKNOWN;

    MeasuredWindow(OptionalLong resolverPid) {
        this.resolverPid = resolverPid;
    }

    @Override
    public void opened() {
        resolverPid.ifPresent(pid -> resolverSampler = ProcessSampler.start(pid));
        generatorSampler = ProcessSampler.start(ProcessHandle.current().pid());
        openedNanos = System.nanoTime();
    }

    @Override
    public void closed() {
        closedNanos = System.nanoTime();
        if (resolverSampler != null) {
            resolver = resolverSampler.stop();
        }
        if (generatorSampler != null) {
            generator = generatorSampler.stop();
        }
    }

    double seconds() {
        return closedNanos <= openedNanos ? 0 : (closedNanos - openedNanos) / 1e9;
    }

    ProcessUsage resolver() {
        return resolver;
    }

    ProcessUsage generator() {
        return generator;
    }
}
