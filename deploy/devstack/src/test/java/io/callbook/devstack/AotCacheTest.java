package io.callbook.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AotCacheTest {

    @TempDir
    Path home;

    @Test
    void aStartWithOtherCompilersThanTheTrainingsTrainsAgain() throws IOException {
        assumeTrue(Runtime.version().feature() >= 25, "the JDK's AOT cache with method profiles needs JDK 25");
        Path jar = Files.writeString(home.resolve("quarkus-run.jar"), "a build");
        AotCache caches = new AotCache(home);
        Path cache = home.resolve("aot").resolve("booking-service.aot");

        assertTrue(AotCache.trains(caches.flags("booking-service", jar, List.of())), "the build's first start trains");
        Files.writeString(cache, "what the training JVM wrote when it stopped");
        assertEquals(List.of("-XX:AOTCache=" + cache), caches.flags("booking-service", jar, List.of("-Dsome.setting=1")),
                "another option leaves the cache as it is");
        assertTrue(AotCache.trains(caches.flags("booking-service", jar, List.of("-XX:TieredStopAtLevel=4"))),
                "C2: a cache trained under the suite's C1 only is trained again");
    }

    @Test
    void theCompilersAreTheSuitesOwnUnlessAnOptionChoosesThem() {
        assertEquals("default", AotCache.compilers(List.of("-Xmx128m", "-Dcallbook.warm-up.passes=300")));
        assertEquals("-XX:TieredStopAtLevel=1", AotCache.compilers(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1")));
        assertEquals("-XX:-TieredCompilation", AotCache.compilers(List.of("-XX:-TieredCompilation")));
    }
}
