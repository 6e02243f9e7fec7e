package io.callbook.webhook.outbound.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether we may call a tenant's webhook endpoint, and at which address, so that tenants cannot make us call
 * into our own network or the cloud's (SSRF). Checked when an endpoint is registered or changed, and again before
 * every delivery, which then connects to the address checked ({@link CheckedEndpoint}) without resolving the host a
 * second time: a DNS answer that changes between check and connect (DNS rebinding) cannot redirect it.
 *
 * <p>The rules:
 * <ul>
 *   <li>The URL is {@code https} ({@code http} too only with {@code http-allowed}, never in production), has a host
 *       and no user info, and its port is 443 or 80 (the scheme's default when it names none).</li>
 *   <li>The host is resolved once, and every address it resolves to must be an ordinary public unicast address. Refused
 *       IPv4: 0.0.0.0/8 (this network), 10/8, 172.16/12, 192.168/16 (private), 100.64/10 (shared/CGNAT, with the
 *       100.100.100.200 metadata address), 127/8 (loopback), 169.254/16 (link-local, with the 169.254.169.254 metadata
 *       address), 192.0.0/24 (IETF protocol assignments, with the 192.0.0.192 metadata address), 192.0.2/24,
 *       198.51.100/24, 203.0.113/24 (documentation), 192.88.99/24 (6to4 relays), 198.18/15 (benchmarking), 224/4
 *       (multicast), 240/4 (reserved and broadcast).</li>
 *   <li>Refused IPv6: :: and ::1, ::/96 (IPv4-compatible), ::ffff:0:0/96 (IPv4-mapped, whatever IPv4 address it
 *       holds), ::ffff:0:0:0/96 (IPv4-translated), 64:ff9b::/96 and 64:ff9b:1::/48 (NAT64), 100::/64 (discard),
 *       2001::/23 (IETF protocol assignments, with Teredo 2001::/32), 2001:db8::/32 and 3fff::/20 (documentation),
 *       2002::/16 (6to4), 5f00::/16 (SRv6), fc00::/7 (unique local, with the fd00:ec2::254 metadata address),
 *       fe80::/10 (link-local), fec0::/10 (site-local), ff00::/8 (multicast), and anything else outside 2000::/3,
 *       the global unicast space.</li>
 *   <li>With {@code loopback-allowed} (tests only), loopback addresses pass, on any port.</li>
 * </ul>
 * A refusal tells the tenant what is wrong without naming the addresses a host resolved to (so our network cannot be
 * mapped through it); the operator's log line names them.
 */
@ApplicationScoped
public class EndpointAddressPolicy {

    private static final Logger LOG = Logger.getLogger(EndpointAddressPolicy.class);

    static final String IPV4_MAPPED = "IPv4-mapped IPv6 ::ffff:0:0/96";

    private static final List<Range> BLOCKED = List.of(
            Range.of("0.0.0.0/8", "this network"),
            Range.of("10.0.0.0/8", "private"),
            Range.of("100.64.0.0/10", "shared address space (CGNAT)"),
            Range.of("127.0.0.0/8", "loopback"),
            Range.of("169.254.0.0/16", "link-local"),
            Range.of("172.16.0.0/12", "private"),
            Range.of("192.0.0.0/24", "IETF protocol assignments"),
            Range.of("192.0.2.0/24", "documentation"),
            Range.of("192.88.99.0/24", "6to4 relay anycast"),
            Range.of("192.168.0.0/16", "private"),
            Range.of("198.18.0.0/15", "benchmarking"),
            Range.of("198.51.100.0/24", "documentation"),
            Range.of("203.0.113.0/24", "documentation"),
            Range.of("224.0.0.0/4", "multicast"),
            Range.of("240.0.0.0/4", "reserved"),
            Range.of("::/128", "unspecified"),
            Range.of("::1/128", "loopback"),
            Range.of("::/96", "IPv4-compatible IPv6"),
            Range.of("::ffff:0:0:0/96", "IPv4-translated IPv6"),
            Range.of("64:ff9b::/96", "NAT64"),
            Range.of("64:ff9b:1::/48", "local-use NAT64"),
            Range.of("100::/64", "discard-only"),
            Range.of("2001:db8::/32", "documentation"),
            Range.of("2001::/23", "IETF protocol assignments (Teredo)"),
            Range.of("2002::/16", "6to4"),
            Range.of("3fff::/20", "documentation"),
            Range.of("5f00::/16", "SRv6"),
            Range.of("fc00::/7", "unique local"),
            Range.of("fe80::/10", "link-local"),
            Range.of("fec0::/10", "site-local"),
            Range.of("ff00::/8", "multicast"));

    private final boolean httpAllowed;
    private final boolean loopbackAllowed;

    public EndpointAddressPolicy(OutboundConfig config) {
        this.httpAllowed = config.httpAllowed();
        this.loopbackAllowed = config.loopbackAllowed();
    }

    /** @throws EndpointNotAllowed saying what is wrong with the URL, in words a tenant may read */
    public CheckedEndpoint check(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new EndpointNotAllowed("'" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(httpAllowed && scheme.equals("http"))) {
            throw new EndpointNotAllowed(httpAllowed ? "Endpoints must be http or https URLs" : "Endpoints must be https URLs");
        }
        String host = uri.getHost();
        if (host == null || uri.getUserInfo() != null) {
            throw new EndpointNotAllowed("The URL needs a host and no user info");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            throw new EndpointNotAllowed("The host " + host + " cannot be resolved");
        }
        boolean ipv6Literal = host.startsWith("[");
        for (InetAddress address : addresses) {
            if (loopbackAllowed && address.isLoopbackAddress()) {
                continue;
            }
            // Java reads an IPv4-mapped literal as the IPv4 address inside it; the literal form itself is refused.
            Optional<String> blocked = ipv6Literal && address instanceof Inet4Address
                    ? Optional.of(IPV4_MAPPED) : blockedRange(address);
            if (blocked.isPresent()) {
                LOG.infof("Webhook endpoint %s refused: %s resolves to %s (%s)", uri, host, address.getHostAddress(),
                        blocked.get());
                throw new EndpointNotAllowed("The host " + host + " resolves to an address that is not allowed "
                        + "(private, loopback, link-local, metadata or another special-purpose range)");
            }
        }
        CheckedEndpoint endpoint = new CheckedEndpoint(uri, addresses[0]);
        boolean localReceiver = loopbackAllowed && endpoint.address().isLoopbackAddress();
        if (!localReceiver && endpoint.port() != 443 && endpoint.port() != 80) {
            throw new EndpointNotAllowed("Endpoints must use port 443 or 80");
        }
        return endpoint;
    }

    /** The special-purpose range an address lies in, if any (see the class's rules). */
    static Optional<String> blockedRange(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Range range : BLOCKED) {
            if (range.contains(bytes)) {
                return Optional.of(range.name() + " " + range.cidr());
            }
        }
        if (bytes.length == 16 && (bytes[0] & 0xe0) != 0x20) {
            return Optional.of("outside global unicast 2000::/3");
        }
        return Optional.empty();
    }

    private record Range(String cidr, String name, byte[] network, int prefixLength) {

        static Range of(String cidr, String name) {
            int slash = cidr.indexOf('/');
            try {
                // Literals only: no name is ever looked up here.
                byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                return new Range(cidr, name, network, Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            if (!Arrays.equals(address, 0, full, network, 0, full)) {
                return false;
            }
            int rest = prefixLength % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[full] & mask) == (network[full] & mask);
        }
    }
}
