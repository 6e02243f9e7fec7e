package io.callbook.devstack;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Main class of the broker JVM: formats the KRaft log dir when it is new, then runs {@code kafka.Kafka}. Doing both in
 * one JVM saves a second JVM start (~1.5 s). This class runs on the broker's class path alone (KafkaBroker copies its
 * class file out), so it may use nothing but the JDK and reaches Kafka through reflection.
 *
 * <p>Arguments: {@code <server.properties> <cluster id>}.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        String config = args[0];
        String clusterId = args[1];
        Properties properties = new Properties();
        try (InputStream in = new FileInputStream(config)) {
            properties.load(in);
        }
        Path logDir = Path.of(properties.getProperty("log.dirs"));
        try {
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                Object rc = Class.forName("kafka.tools.StorageTool")
                        .getMethod("execute", String[].class, PrintStream.class)
                        .invoke(null, new String[] {"format", "-t", clusterId, "-c", config, "--standalone"}, System.out);
                if (!Integer.valueOf(0).equals(rc)) {
                    System.err.println("Formatting " + logDir + " failed with " + rc);
                    System.exit(1);
                }
            }
            Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) new String[] {config});
        } catch (InvocationTargetException e) {
            e.getCause().printStackTrace();
            System.exit(1);
        }
    }
}
