package io.callbook.loadtest.harness;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Measures the processes of a run, the generator and the whole machine over exactly the window in which users run.
 */
public final class MeasuredWindow implements RunWindow.Listener {

    private final MeasuredProcesses processes;
    private volatile long openedNanos;
    private volatile long closedNanos;
    private volatile List<ProcessSampler> serviceSamplers;
    private volatile List<ProcessSampler> otherSamplers;
    private volatile ProcessSampler generatorSampler;
    private volatile ProcessSampler machineSampler;
    private volatile RunUsage usage = RunUsage.UNKNOWN;

    public MeasuredWindow(MeasuredProcesses processes) {
        this.processes = processes;
    }

    @Override
    public void opened() {
        serviceSamplers = processes.service().stream().map(ProcessSampler::start).toList();
        otherSamplers = processes.others().stream().map(ProcessSampler::cpuOnly).toList();
        generatorSampler = ProcessSampler.generator();
        machineSampler = ProcessSampler.machine();
        openedNanos = System.nanoTime();
    }

    @Override
    public void closed() {
        closedNanos = System.nanoTime();
        if (serviceSamplers != null) {
            usage = usage(ProcessSampler::stop);
        }
    }

    public double seconds() {
        return closedNanos <= openedNanos ? 0 : (closedNanos - openedNanos) / 1e9;
    }

    public RunUsage usage() {
        return usage;
    }

    /** CPU from the window's opening until now: for work that goes on after the last request (webhook processing). */
    RunUsage usageUntilNow() {
        return serviceSamplers == null ? RunUsage.UNKNOWN : usage(ProcessSampler::sinceStart);
    }

    private RunUsage usage(Function<ProcessSampler, ProcessUsage> read) {
        List<NamedUsage> parts = named(processes.service(), serviceSamplers, read);
        ProcessUsage service = parts.stream().map(NamedUsage::usage).reduce(ProcessUsage::plus).orElse(ProcessUsage.UNKNOWN);
        return new RunUsage(service, parts, named(processes.others(), otherSamplers, read), read.apply(generatorSampler),
                read.apply(machineSampler));
    }

    private static List<NamedUsage> named(List<WatchedProcess> watched, List<ProcessSampler> samplers,
                                          Function<ProcessSampler, ProcessUsage> read) {
        return IntStream.range(0, watched.size())
                .mapToObj(i -> new NamedUsage(watched.get(i).name(), read.apply(samplers.get(i)), watched.get(i).perOperation()))
                .toList();
    }
}
