package io.callbook.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Free and busy TCP ports on this machine. */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up), for a server that must bind the same port again after a
     * restart: a port from {@link #free()} is ephemeral, so any outgoing connection (to Kafka, PostgreSQL, ...) may take
     * it as its local port in between, and the second bind fails with "Address already in use".
     */
    public static int freeForRebinding() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            if (!isBusy(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between 20000 and 32000");
    }

    /** True when something listens on the port, on loopback or on any address. */
    public static boolean isBusy(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as servers bind: connections of a process that just stopped (TIME_WAIT) do not make the port busy
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            return true;
        }
        return accepts("127.0.0.1", port, 200);
    }

    public static boolean accepts(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
