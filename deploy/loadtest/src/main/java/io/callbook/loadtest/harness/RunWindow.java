package io.callbook.loadtest.harness;

/**
 * Tells the bench when a simulation starts sending and when its last user is done, so that throughput, CPU and memory
 * are measured over exactly that window rather than over Gatling's start-up and report writing.
 */
public final class RunWindow {

    /** Called on Gatling's threads; must return quickly. */
    public interface Listener {
        void opened();

        void closed();
    }

    private static volatile Listener listener;

    private RunWindow() {
    }

    static void listen(Listener newListener) {
        listener = newListener;
    }

    static void stopListening() {
        listener = null;
    }

    static void opened() {
        Listener current = listener;
        if (current != null) {
            current.opened();
        }
    }

    static void closed() {
        Listener current = listener;
        if (current != null) {
            current.closed();
        }
    }
}
