package io.callbook.perfops.cache.domain;

import io.callbook.common.contracts.ops.CachesWarmed;
import io.callbook.perfops.suite.domain.SuiteService;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicaRepliesTest {

    static final UUID COMMAND = UUID.randomUUID();

    @Test
    void podsBehindAHeadlessServiceAreToldApartByAddress() {
        SuiteService booking = service("booking", "http://10.0.0.5:8082", "http://10.0.0.6:8082", "http://10.0.0.7:8082");
        ReplicaReplies replies = new ReplicaReplies(List.of(booking));
        CachesWarmed six = reply("booking-service", "booking-b", "10.0.0.6");
        CachesWarmed five = reply("booking-service", "booking-a", "10.0.0.5");
        replies.add(six);
        replies.add(five);

        assertFalse(replies.complete());
        assertEquals("10.0.0.6:8082", replies.labels().get(six));
        assertEquals("10.0.0.5:8082", replies.labels().get(five));
        assertEquals(List.of(List.of("booking", "10.0.0.7:8082")), replies.missing());
    }

    @Test
    void replicasOnOneHostAreCountedPerService() {
        SuiteService resolver = service("resolver", "http://127.0.0.1:8081");
        SuiteService webhook = service("webhook", "http://127.0.0.1:8083");
        ReplicaReplies replies = new ReplicaReplies(List.of(resolver, webhook));
        CachesWarmed resolverReply = reply("resolver-service", "laptop", "192.168.1.20");
        replies.add(resolverReply);

        assertFalse(replies.complete(), "webhook has not answered");
        assertEquals("127.0.0.1:8081", replies.labels().get(resolverReply));
        assertEquals(List.of(List.of("webhook", "127.0.0.1:8083")), replies.missing());

        replies.add(reply("webhook-service", "laptop", "192.168.1.20"));
        assertTrue(replies.complete());
        assertEquals(List.of(), replies.missing());
    }

    @Test
    void aRedeliveredReplyCountsOnceAndAStrangerIsShownByHost() {
        ReplicaReplies replies = new ReplicaReplies(List.of(service("resolver", "http://127.0.0.1:8081")));
        CachesWarmed first = reply("resolver-service", "host-a", "10.1.0.1");
        assertTrue(replies.add(first));
        assertFalse(replies.add(first));
        CachesWarmed stranger = reply("resolver-service", "dev-box", "10.1.0.2");
        replies.add(stranger);

        assertEquals(2, replies.replies().size());
        assertEquals("127.0.0.1:8081", replies.labels().get(first));
        assertEquals("dev-box", replies.labels().get(stranger));
    }

    private static SuiteService service(String name, String... urls) {
        return new SuiteService(name, List.of(urls).stream().map(URI::create).toList(), Optional.empty());
    }

    private static CachesWarmed reply(String service, String host, String address) {
        return new CachesWarmed(COMMAND, service, UUID.randomUUID().toString(), host, List.of(address), Instant.now(), 3,
                List.of(new CachesWarmed.Cache("c", 1, 3, null)));
    }
}
