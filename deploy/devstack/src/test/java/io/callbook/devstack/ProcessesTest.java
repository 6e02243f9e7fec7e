package io.callbook.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessesTest {

    @Test
    void aLogPastItsSizeIsMovedAsideOnceAndOnlyTheLastOneIsKept(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("webhook-service.log");
        Path previous = dir.resolve("webhook-service.log.1");

        Files.writeString(log, "0123456789");
        Processes.keepSmall(log, 10);
        assertEquals("0123456789", Files.readString(log), "at its size a log stays");
        assertFalse(Files.exists(previous));

        Files.writeString(log, "first run, longer");
        Processes.keepSmall(log, 10);
        assertFalse(Files.exists(log), "the next start writes a new log");
        assertEquals("first run, longer", Files.readString(previous));

        Files.writeString(log, "second run, longer");
        Processes.keepSmall(log, 10);
        assertEquals("second run, longer", Files.readString(previous), "only the one before is kept");
    }

    @Test
    void aStartedProcessWritesToAFreshLogWhenTheOldOneWasTooLarge(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("tool.log");
        try (RandomAccessFile sparse = new RandomAccessFile(log.toFile(), "rw")) {
            sparse.setLength(Processes.LOG_ROTATION_BYTES + 1);
        }
        Process echo = Processes.startDetached(List.of("echo", "started"), dir, log);
        assertEquals(0, echo.waitFor());
        assertEquals("started\n", Files.readString(log));
        assertTrue(Files.size(dir.resolve("tool.log.1")) > Processes.LOG_ROTATION_BYTES);
    }

    @Test
    void noLogYetIsNothingToMove(@TempDir Path dir) throws IOException {
        Processes.keepSmall(dir.resolve("absent.log"), 10);
        assertFalse(Files.exists(dir.resolve("absent.log.1")));
    }
}
