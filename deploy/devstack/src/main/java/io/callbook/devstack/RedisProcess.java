package io.callbook.devstack;

import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/** The redis-server bundled in embedded-redis, run by us as a plain process so it can be stopped and restarted by pid. */
final class RedisProcess {

    private RedisProcess() {
    }

    /** Copies the binary for this OS out of the embedded-redis jar once into the cache folder. */
    static Path binary(Path cacheDir) throws IOException {
        String resource = ExecutableProvider.newProvidedVersionsMap().get(OsArchitecture.detectOSandArchitecture());
        if (resource == null) {
            throw new IllegalStateException("embedded-redis has no redis-server for this OS/architecture");
        }
        Path target = cacheDir.resolve("redis").resolve(resource.substring(resource.lastIndexOf('/') + 1));
        if (Files.isExecutable(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = ExecutableProvider.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + resource + " missing from embedded-redis");
            }
            Path tmp = Files.createTempFile(target.getParent(), "redis-server", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            tmp.toFile().setExecutable(true);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    /** Starts redis-server and returns its pid once it answers PING. */
    static long start(Path binary, int port, Path dataDir, boolean appendOnly, Path logFile) throws IOException {
        Files.createDirectories(dataDir);
        List<String> command = List.of(binary.toString(),
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                // More than the default 16: smoke tests give each packaged service a Redis database of its own.
                "--databases", "64",
                "--dir", dataDir.toString(),
                "--save", "",
                "--appendonly", appendOnly ? "yes" : "no",
                "--daemonize", "no",
                "--logfile", "");
        Process process = Processes.startDetached(command, dataDir, logFile);
        awaitPong(process, port, logFile, Duration.ofSeconds(20));
        return process.pid();
    }

    static void stop(long pid, boolean graceful) {
        Processes.stop(pid, graceful ? "TERM" : "KILL", Duration.ofSeconds(10));
    }

    /** A RESP PING over a raw socket; true on "+PONG". */
    static boolean ping(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[7];
            int read = socket.getInputStream().readNBytes(reply, 0, reply.length);
            return read == 7 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitPong(Process process, int port, Path logFile, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ping(port)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + " on port " + port
                        + ":\n" + Processes.tail(logFile, 20));
            }
            Processes.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within " + timeout
                + ":\n" + Processes.tail(logFile, 20));
    }
}
