package io.callbook.webhook.outbound.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps outbound webhooks away from our own network (SSRF): an endpoint must be http(s) and every address its host
 * resolves to must be public, unless the host is explicitly allowed. Checked when an endpoint is registered and again
 * before each delivery, because DNS can change in between.
 */
@ApplicationScoped
public class EndpointAddressPolicy {

    private final Set<String> allowed;

    public EndpointAddressPolicy(OutboundConfig config) {
        this.allowed = config.allowedPrivateHosts().orElse(Set.of());
    }

    /** @throws EndpointNotAllowed naming what is wrong with the URL */
    public URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw refused("'" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refused("Endpoints must be http or https URLs");
        }
        String host = uri.getHost();
        if (host == null || uri.getUserInfo() != null) {
            throw refused("The URL needs a host and no user info");
        }
        if (allowed.contains(host.toLowerCase(Locale.ROOT))) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw refused("The host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw refused("The host " + host + " resolves to a private, loopback or link-local address ("
                        + address.getHostAddress() + ")");
            }
        }
        return uri;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        // IPv6 unique local (fc00::/7) and IPv4 carrier-grade NAT (100.64.0.0/10) are private too.
        return (bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc)
                || (bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64);
    }

    private static EndpointNotAllowed refused(String detail) {
        return new EndpointNotAllowed(detail);
    }
}
