package io.callbook.devstack;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** A single-node Kafka (KRaft, broker + controller) in its own JVM, from the jars listed by kafka-runtime. */
final class KafkaBroker {

    static final String CLASSPATH_RESOURCE = "io/callbook/devstack/kafka.classpath";

    /** Small heap: with a 4 MB log-cleaner buffer the broker needs ~40 MB. C1 only and AppCDS: ~1 s faster start. */
    static final String DEFAULT_JVM_OPTIONS =
            "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true";

    /** Tells our broker JVM apart from any other process (pids get recycled). */
    static final String PROCESS_MARKER = "-Dcallbook.process=kafka";

    private KafkaBroker() {
    }

    /** Writes server.properties and log4j2.properties into the broker's folder; returns server.properties. */
    static Path writeConfig(Path kafkaDir, int port, int controllerPort) throws IOException {
        Files.createDirectories(kafkaDir);
        String server = String.join("\n",
                "# Written by Callbook devstack on every start.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + kafkaDir.resolve("data").toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "share.coordinator.state.topic.num.partitions=5",
                "group.initial.rebalance.delay.ms=0",
                // the default 128 MB dedupe buffer alone would triple the broker's memory
                "log.cleaner.dedupe.buffer.size=4194304",
                // The controller writes a no-op record this often (default 500 ms) so that other nodes can tell it
                // is alive; a single node has none, and each write is a metadata-log append, flush and load.
                "metadata.max.idle.interval.ms=5000",
                "num.network.threads=2",
                "num.io.threads=4",
                "");
        Files.writeString(kafkaDir.resolve("server.properties"), server);
        String log4j = String.join("\n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=[%d] %p %m (%c)%n",
                "logger.started.name=kafka.server.KafkaRaftServer",
                "logger.started.level=INFO",
                "");
        Files.writeString(kafkaDir.resolve("log4j2.properties"), log4j);
        return kafkaDir.resolve("server.properties");
    }

    /** Starts the broker JVM and returns its pid once it answers an ApiVersions request. */
    static long start(Path kafkaDir, int port, int controllerPort, String jvmOptions, Path logFile, Path cacheDir)
            throws IOException {
        Path serverProperties = writeConfig(kafkaDir, port, controllerPort);
        String classpath = launcherJar(cacheDir) + ":" + brokerClasspath();
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable().toString());
        command.add(PROCESS_MARKER); // first, so it is found however long the command line
        command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
        command.add("-XX:+AutoCreateSharedArchive");
        command.add("-XX:SharedArchiveFile=" + sharedArchive(cacheDir));
        command.add("-Xlog:cds=off"); // CDS explains in detail which classes it skips; not worth the log lines
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Kafka unmaps index buffers through Unsafe
        }
        command.add("-Dlog4j2.configurationFile=" + kafkaDir.resolve("log4j2.properties").toAbsolutePath());
        command.add("-cp");
        command.add(classpath);
        command.add(KafkaBrokerMain.class.getName());
        command.add(serverProperties.toAbsolutePath().toString());
        command.add(newClusterId());
        Process process = Processes.startDetached(command, kafkaDir, logFile);
        awaitReady(process, port, logFile, Duration.ofSeconds(90));
        return process.pid();
    }

    static void stop(long pid, boolean graceful) {
        Processes.stop(pid, graceful ? "TERM" : "KILL", Duration.ofSeconds(30));
    }

    /**
     * True once the broker answers ApiVersions (v0, raw protocol). Kafka binds its port early but only serves requests
     * once it has registered with its controller and is unfenced; a request sent before then is answered then.
     */
    static boolean answersApiVersions(int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout((int) timeout.toMillis());
            byte[] clientId = "callbook-devstack".getBytes(StandardCharsets.UTF_8);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(2 + 2 + 4 + 2 + clientId.length);
            out.writeShort(18); // ApiVersions
            out.writeShort(0);  // version 0
            out.writeInt(7);    // correlation id
            out.writeShort(clientId.length);
            out.write(clientId);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int size = in.readInt();
            int correlationId = in.readInt();
            short errorCode = in.readShort();
            return size > 6 && correlationId == 7 && errorCode == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static String brokerClasspath() throws IOException {
        try (InputStream in = resource(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is not on the class path: build deploy/kafka-runtime");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private static void awaitReady(Process process, int port, Path logFile, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + " (port " + port + "):\n"
                        + Processes.tail(logFile, 30));
            }
            if (answersApiVersions(port, Duration.ofSeconds(5))) {
                return;
            }
            Processes.sleep(50);
        }
        Processes.stop(process.pid(), "KILL", Duration.ofSeconds(5));
        throw new IllegalStateException("Kafka was not ready on port " + port + " within " + timeout + ":\n"
                + Processes.tail(logFile, 30));
    }

    /**
     * The launcher class, copied out of our own jar into a jar of its own, so the broker JVM needs none of devstack's
     * other classes. A jar rather than a folder: the JVM's class data sharing archive accepts only jars on the path.
     */
    private static Path launcherJar(Path cacheDir) throws IOException {
        String name = KafkaBrokerMain.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = resource(name)) {
            if (in == null) {
                throw new IllegalStateException("Cannot read " + name);
            }
            bytes = in.readAllBytes();
        }
        Path jar = cacheDir.resolve("kafka-launcher-" + sha256(bytes).substring(0, 12) + ".jar");
        if (!Files.exists(jar)) {
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, "kafka-launcher", ".tmp");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
                JarEntry entry = new JarEntry(name);
                entry.setTime(0); // same bytes every time, so the CDS archive stays valid
                out.putNextEntry(entry);
                out.write(bytes);
                out.closeEntry();
            }
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return jar.toAbsolutePath();
    }

    /**
     * One CDS archive per JDK and class path; the JVM rebuilds it by itself if it does not match. It is written when
     * the broker exits normally, so the first stop must be a graceful one.
     */
    static Path sharedArchive(Path cacheDir) throws IOException {
        String key = Runtime.version() + "|" + launcherJar(cacheDir) + ":" + brokerClasspath();
        return cacheDir.resolve("kafka-" + Runtime.version().feature() + "-"
                + sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 12) + ".jsa").toAbsolutePath();
    }

    private static String newClusterId() {
        byte[] bytes = new byte[16];
        SecureRandom random = new SecureRandom();
        String id;
        do { // Kafka's own ids never start with '-', which command-line parsers would take for an option
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static InputStream resource(String name) {
        ClassLoader loader = KafkaBroker.class.getClassLoader();
        return loader.getResourceAsStream(name);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
