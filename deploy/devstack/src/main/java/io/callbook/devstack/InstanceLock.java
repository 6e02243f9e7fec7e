package io.callbook.devstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * One local run per state folder. An OS file lock decides (it dies with its process, so a crash leaves no stale
 * lock); the pid file beside it only names the holder in the message.
 */
final class InstanceLock implements AutoCloseable {

    private static final String LOCK_FILE = "callbook.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final Path pidFile;

    private InstanceLock(FileChannel channel, FileLock lock, Path pidFile) {
        this.channel = channel;
        this.lock = lock;
        this.pidFile = pidFile;
    }

    /** The lock, or empty when another process holds it. */
    static java.util.Optional<InstanceLock> tryAcquire(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this very JVM
        }
        if (lock == null) {
            channel.close();
            return java.util.Optional.empty();
        }
        Path pidFile = dir.resolve("callbook.pid");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        return java.util.Optional.of(new InstanceLock(channel, lock, pidFile));
    }

    /**
     * Whether a run holds the lock now. Asks the OS, not the pid file, which a killed run leaves behind; a lock taken
     * here is released at once.
     */
    static boolean isHeld(Path dir) {
        if (!Files.isRegularFile(dir.resolve(LOCK_FILE))) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true; // held by this very JVM
        } catch (IOException e) {
            return false;
        }
    }

    /** The pid written by the current holder, if it is still alive. */
    static OptionalLong holder(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve("callbook.pid")).trim());
            return Processes.isAlive(pid) ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(pidFile);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS releases the lock when we exit anyway
        }
    }
}
