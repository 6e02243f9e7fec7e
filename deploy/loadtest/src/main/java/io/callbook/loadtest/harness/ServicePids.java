package io.callbook.loadtest.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Finds a Callbook service's JVM on this machine by the marker the devstack puts on its command line. */
public final class ServicePids {

    private ServicePids() {
    }

    /**
     * @param service e.g. "resolver-service": matches {@code -Dcallbook.process=resolver-service}
     * @param port    the HTTP port the bench talks to; tells apart several instances (tests start their own)
     */
    public static OptionalLong find(String service, int port) {
        List<Long> onPort = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(process.getFileName().toString());
                List<String> args = ProcFs.commandLine(pid);
                if (args.contains("-Dcallbook.process=" + service) && args.contains("-Dquarkus.http.port=" + port)) {
                    onPort.add(pid);
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty(); // no /proc: not Linux
        }
        return onPort.size() == 1 ? OptionalLong.of(onPort.get(0)) : OptionalLong.empty();
    }
}
