package io.callbook.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Ports, pids and settings of a running stack, in {@code state.properties} in the stack's folder. It is the one
 * source of truth, so a Devstack instance in any class loader (or JVM) can control the same processes.
 */
public final class StackState {

    public static final String FILE_NAME = "state.properties";

    private final Path file;
    private final Properties values;

    private StackState(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    public static StackState create(Path dir) {
        return new StackState(dir.resolve(FILE_NAME), new Properties());
    }

    public static StackState load(Path file) {
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read devstack state " + file, e);
        }
        return new StackState(file, values);
    }

    public Path file() {
        return file;
    }

    public Path dir() {
        return file.getParent();
    }

    public synchronized String get(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("Devstack state " + file + " has no " + key);
        }
        return value;
    }

    public synchronized String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public synchronized java.util.Set<String> keys() {
        return new java.util.TreeSet<>(values.stringPropertyNames());
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    public long getLong(String key, long fallback) {
        String value = get(key, null);
        return value == null ? fallback : Long.parseLong(value);
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key));
    }

    /** Sets a value and writes the file at once (atomically), so other class loaders see the change. */
    public synchronized StackState put(String key, Object value) {
        values.setProperty(key, String.valueOf(value));
        save();
        return this;
    }

    /** Re-reads the file: another class loader may have restarted a process since. */
    public synchronized StackState refresh() {
        if (Files.exists(file)) {
            values.clear();
            values.putAll(load(file).values);
        }
        return this;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            // A file of its own per write: two instances of this state (two class loaders) may save at once.
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                values.store(writer, "Callbook devstack: ports and pids of the running stack");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write devstack state " + file, e);
        }
    }
}
