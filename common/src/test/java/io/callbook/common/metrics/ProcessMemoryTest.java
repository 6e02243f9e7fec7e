package io.callbook.common.metrics;

import io.callbook.testsupport.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ProcessMemoryTest {

    @Test
    void theResidentMemoryIsOnTheMetricsPage() {
        String line = given().port(ManagementPort.get()).get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("process_resident_memory_bytes "))
                .findFirst().orElseThrow(() -> new AssertionError("process_resident_memory_bytes is missing"));

        assertTrue(Double.parseDouble(line.substring(line.indexOf(' ') + 1)) > 1_000_000, line);
    }

    @Test
    void vmRssIsReadInBytes(@TempDir Path dir) throws IOException {
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nVmPeak:\t 999 kB\nVmRSS:\t  2048 kB\n");

        assertEquals(2048 * 1024, ProcessMemory.residentBytes(status));
        assertEquals(-1, ProcessMemory.residentBytes(dir.resolve("absent")));
    }
}
