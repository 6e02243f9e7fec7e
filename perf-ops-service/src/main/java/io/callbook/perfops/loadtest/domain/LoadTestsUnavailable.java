package io.callbook.perfops.loadtest.domain;

/** No bench command here (no {@code callbook.ops.loadtest.root} or {@code .command}): e.g. in Kubernetes. */
public class LoadTestsUnavailable extends RuntimeException {

    public LoadTestsUnavailable() {
        super("Load tests are not available here", null, false, false);
    }
}
