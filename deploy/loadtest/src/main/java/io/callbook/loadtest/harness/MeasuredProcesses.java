package io.callbook.loadtest.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run measures.
 *
 * @param service the processes under test: their sum fills the service's columns (no process: n/a)
 * @param others  every other process worth watching, each in the others column
 */
public record MeasuredProcesses(List<WatchedProcess> service, List<WatchedProcess> others) {

    public MeasuredProcesses {
        service = List.copyOf(service);
        others = List.copyOf(others);
    }

    /** The same processes with these under test; they leave the others. */
    public MeasuredProcesses underTest(List<WatchedProcess> processes) {
        List<WatchedProcess> all = new ArrayList<>(service);
        all.addAll(others);
        List<Long> pids = processes.stream().map(WatchedProcess::pid).toList();
        return new MeasuredProcesses(processes, all.stream().filter(process -> !pids.contains(process.pid())).toList());
    }
}
