package io.callbook.common.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;

/** How this process names itself in ops replies. */
@ApplicationScoped
public class ThisReplica {

    private final String service;
    private final String id;
    private final String host;
    private final List<String> addresses;

    public ThisReplica(@ConfigProperty(name = "quarkus.application.name") String service,
                       @ConfigProperty(name = "quarkus.uuid") String id) {
        this.service = service;
        this.id = id;
        this.host = hostName();
        this.addresses = localAddresses();
    }

    public String service() {
        return service;
    }

    /** New on every start, like the consumer group of this replica's ops commands. */
    public String id() {
        return id;
    }

    public String host() {
        return host;
    }

    /** Non-loopback addresses: a pod's IP is what a headless Service resolves to. */
    public List<String> addresses() {
        return addresses;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static List<String> localAddresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                    .map(InetAddress::getHostAddress)
                    .sorted()
                    .toList();
        } catch (SocketException e) {
            return List.of();
        }
    }
}
