package io.callbook.webhook.outbound.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every special-purpose range, in its IPv4 and IPv6 forms, and the URL rules around them. No name is looked up. */
class EndpointAddressPolicyTest {

    private final EndpointAddressPolicy production = new EndpointAddressPolicy(settings(false, false));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0.0.0.0, this network", "0.255.255.255, this network",
            "10.0.0.1, private", "10.255.255.255, private",
            "100.64.0.1, CGNAT", "100.127.255.255, CGNAT", "100.100.100.200, CGNAT",
            "127.0.0.1, loopback", "127.255.255.254, loopback",
            "169.254.169.254, link-local", "169.254.0.1, link-local",
            "172.16.0.1, private", "172.31.255.255, private",
            "192.0.0.1, IETF protocol assignments", "192.0.0.192, IETF protocol assignments",
            "192.0.2.1, documentation", "198.51.100.7, documentation", "203.0.113.200, documentation",
            "192.88.99.1, 6to4 relay",
            "192.168.0.1, private", "192.168.255.255, private",
            "198.18.0.1, benchmarking", "198.19.255.255, benchmarking",
            "224.0.0.1, multicast", "239.255.255.255, multicast",
            "240.0.0.1, reserved", "255.255.255.255, reserved",
            ":: , unspecified", "::1, loopback",
            "::a00:1, IPv4-compatible", "::8.8.8.8, IPv4-compatible", "::127.0.0.1, IPv4-compatible",
            "::ffff:0:808:808, IPv4-translated",
            "64:ff9b::808:808, NAT64", "64:ff9b::a00:1, NAT64", "64:ff9b:1::1, local-use NAT64",
            "100::1, discard-only",
            "2001::1, Teredo", "2001:0:4136:e378:8000:63bf:3fff:fdd2, Teredo", "2001:1ff::1, IETF protocol assignments",
            "2001:db8::1, documentation", "3fff::1, documentation",
            "2002:808:808::1, 6to4", "2002:a00:1::1, 6to4", "2002:a9fe:a9fe::1, 6to4",
            "5f00::1, SRv6",
            "fc00::1, unique local", "fd00:ec2::254, unique local",
            "fe80::1, link-local", "febf:ffff::1, link-local", "fec0::1, site-local",
            "ff02::1, multicast", "ff0e::1, multicast",
            "4000::1, outside global unicast", "e000::1, outside global unicast"})
    void specialPurposeAddressesAreBlocked(String literal, String range) throws UnknownHostException {
        Optional<String> blocked = EndpointAddressPolicy.blockedRange(InetAddress.getByName(literal.strip()));

        assertTrue(blocked.isPresent(), literal + " is blocked");
        assertTrue(blocked.get().contains(range), literal + ": " + blocked.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.215.14", "100.63.255.255", "100.128.0.0", "172.15.255.255",
            "172.32.0.0", "192.0.1.1", "198.17.255.255", "198.20.0.0", "223.255.255.255",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2001:200::1", "2003::1"})
    void publicUnicastAddressesPass(String literal) throws UnknownHostException {
        assertEquals(Optional.empty(), EndpointAddressPolicy.blockedRange(InetAddress.getByName(literal)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.5/hook", "https://169.254.169.254/latest/meta-data",
            "https://[fd00:ec2::254]/", "https://[::1]/", "https://127.0.0.1/", "https://localhost/",
            "https://2130706433/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:8.8.8.8]/", "https://[::ffff:a9fe:a9fe]/",
            "https://[::8.8.8.8]/", "https://[64:ff9b::8.8.8.8]/", "https://[2002:a9fe:a9fe::1]/",
            "https://[fe80::1]/", "https://0.0.0.0/", "https://100.100.100.200/", "https://192.0.0.192/"})
    void urlsOfBlockedAddressesAreRefusedWithoutNamingTheAddress(String url) {
        EndpointNotAllowed refused = assertThrows(EndpointNotAllowed.class, () -> production.check(url));

        for (String leak : List.of("127.0.0.1", "0:0:0", "169.254.169.254", "8.8.8.8")) {
            assertFalse(refused.getMessage().contains(leak) && !url.contains(leak), refused.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/", "ftp://8.8.8.8/", "https://user:pw@8.8.8.8/", "https://8.8.8.8:8443/",
            "https://8.8.8.8:22/", "https:///nohost", "not a url"})
    void onlyHttpsOnPort443Or80Passes(String url) {
        assertThrows(EndpointNotAllowed.class, () -> production.check(url));
    }

    @Test
    void aPublicEndpointIsCheckedWithTheAddressToConnectTo() {
        CheckedEndpoint endpoint = production.check("https://8.8.8.8/hooks?tenant=1");

        assertEquals("8.8.8.8", endpoint.address().getHostAddress());
        assertEquals(443, endpoint.port());
        assertEquals("8.8.8.8", endpoint.host());
        assertEquals(80, production.check("https://8.8.8.8:80/").port());
        CheckedEndpoint ipv6 = production.check("https://[2606:4700:4700::1111]/x");
        assertEquals("2606:4700:4700::1111", ipv6.host());
        assertEquals(443, ipv6.port());
    }

    @Test
    void aNameResolvingToABlockedAddressIsRefusedWithoutSayingWhereItPoints() {
        EndpointNotAllowed refused = assertThrows(EndpointNotAllowed.class, () -> production.check("https://localhost/"));

        assertTrue(refused.getMessage().contains("not allowed"), refused.getMessage());
        assertFalse(refused.getMessage().contains("127.0.0.1"), refused.getMessage());
    }

    @Test
    void anUnresolvableHostIsRefused() {
        assertThrows(EndpointNotAllowed.class, () -> production.check("https://nowhere.invalid/"));
    }

    @Test
    void httpOnlyWhereAllowed() {
        EndpointAddressPolicy http = new EndpointAddressPolicy(settings(true, false));

        assertEquals(80, http.check("http://8.8.8.8/").port());
        assertThrows(EndpointNotAllowed.class, () -> http.check("http://8.8.8.8:8080/"));
        assertThrows(EndpointNotAllowed.class, () -> http.check("http://127.0.0.1/"));
    }

    @Test
    void testsMayAllowLocalReceiversOnAnyPortButNothingElse() {
        EndpointAddressPolicy local = new EndpointAddressPolicy(settings(true, true));

        assertEquals(41_234, local.check("http://127.0.0.1:41234/hook").port());
        assertTrue(local.check("http://localhost:41234/").address().isLoopbackAddress());
        assertThrows(EndpointNotAllowed.class, () -> local.check("http://10.0.0.1:41234/"));
        assertThrows(EndpointNotAllowed.class, () -> local.check("http://169.254.169.254/"));
        assertThrows(EndpointNotAllowed.class, () -> local.check("http://8.8.8.8:41234/"));
    }

    private static OutboundConfig settings(boolean httpAllowed, boolean loopbackAllowed) {
        return new OutboundConfig() {
            @Override
            public List<Duration> retrySchedule() {
                return List.of();
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int senders() {
                return 1;
            }

            @Override
            public int perEndpointConcurrency() {
                return 1;
            }

            @Override
            public boolean httpAllowed() {
                return httpAllowed;
            }

            @Override
            public boolean loopbackAllowed() {
                return loopbackAllowed;
            }
        };
    }
}
