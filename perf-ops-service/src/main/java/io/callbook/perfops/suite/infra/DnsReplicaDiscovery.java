package io.callbook.perfops.suite.infra;

import io.callbook.perfops.suite.domain.ReplicaDiscovery;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * One URL per address the host resolves to. A headless Service in Kubernetes resolves to every ready pod, so each
 * replica is scraped and commanded on its own; an IP literal or localhost stays one URL.
 */
@ApplicationScoped
public class DnsReplicaDiscovery implements ReplicaDiscovery {

    private static final Logger LOG = Logger.getLogger(DnsReplicaDiscovery.class);

    @Override
    public List<URI> replicas(URI configured) {
        String host = configured.getHost();
        if (host == null || host.equals("localhost") || Character.isDigit(host.charAt(0)) || host.startsWith("[")) {
            return List.of(configured);
        }
        try {
            return Arrays.stream(InetAddress.getAllByName(host))
                    .map(address -> withHost(configured, address.getHostAddress()))
                    .toList();
        } catch (UnknownHostException e) {
            LOG.debugf("%s does not resolve; no replica of it is running", host);
            return List.of();
        }
    }

    private static URI withHost(URI url, String address) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return URI.create(url.getScheme() + "://" + host + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath()));
    }
}
