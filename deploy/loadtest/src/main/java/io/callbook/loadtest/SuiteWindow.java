package io.callbook.loadtest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Measures several services' CPU and memory, and the generator's, over exactly the window in which users run. */
final class SuiteWindow implements RunWindow.Listener {

    private final Map<String, MeasuredWindow> services = new LinkedHashMap<>();
    private final MeasuredWindow first;

    /** @param services name → JVM, empty when not found on this machine */
    SuiteWindow(Map<String, OptionalLong> services) {
        services.forEach((name, pid) -> this.services.put(name, new MeasuredWindow(pid)));
        if (this.services.isEmpty()) {
            throw new IllegalArgumentException("Name at least one service to measure");
        }
        first = this.services.values().iterator().next();
    }

    @Override
    public void opened() {
        services.values().forEach(MeasuredWindow::opened);
    }

    @Override
    public void closed() {
        services.values().forEach(MeasuredWindow::closed);
    }

    double seconds() {
        return first.seconds();
    }

    /** name → CPU and peak RSS over the window; unknown for a service whose JVM was not found */
    Map<String, ProcessUsage> services() {
        Map<String, ProcessUsage> usage = new LinkedHashMap<>();
        services.forEach((name, window) -> usage.put(name, window.service()));
        return usage;
    }

    ProcessUsage generator() {
        return first.generator();
    }
}
