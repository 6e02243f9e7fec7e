package io.callbook.webhook.outbound.domain;

import java.net.InetAddress;
import java.net.URI;

/**
 * An endpoint URL together with the address its host resolved to when {@link EndpointAddressPolicy} checked it: the
 * sender connects to exactly this address, never resolving the host again.
 */
public record CheckedEndpoint(URI url, InetAddress address) {

    public boolean https() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    /** The host as written, for the Host header, SNI and the certificate check (IPv6 literals without brackets). */
    public String host() {
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public int port() {
        return url.getPort() >= 0 ? url.getPort() : https() ? 443 : 80;
    }
}
