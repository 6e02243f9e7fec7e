package io.callbook.loadtest;

import io.callbook.loadtest.booking.BookingOptions;
import io.callbook.loadtest.booking.BookingScenario;
import io.callbook.loadtest.harness.BenchOptions;
import io.callbook.loadtest.mix.MixBench;
import io.callbook.loadtest.mix.MixOptions;
import io.callbook.loadtest.peers.Peer;
import io.callbook.loadtest.peers.PeerTools;
import io.callbook.loadtest.peers.PeersOptions;
import io.callbook.loadtest.resolve.ResolveOptions;
import io.callbook.loadtest.webhooks.WebhookMix;
import io.callbook.loadtest.webhooks.WebhookOptions;
import io.callbook.loadtest.webhooks.WebhookScenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void bookingTakesItsOwnAndTheCommonOptions() {
        BookingOptions options = (BookingOptions) Bench.options(new String[] {"booking", "--scenarios", "contention,uncached",
                "--book-rate", "80", "--duration", "20s", "--no-docs", "--resolver-url", "http://localhost:8081"}, ROOT, "t");
        assertEquals(List.of(BookingScenario.UNCACHED, BookingScenario.CONTENTION), options.scenarios()); // always in bench order
        assertEquals(80, options.rate(BookingScenario.BOOK));
        assertEquals(50, options.rate(BookingScenario.UNCACHED));
        assertEquals(Duration.ofSeconds(20), options.common().duration());
        assertFalse(options.common().writeDocs());
        assertEquals("http://127.0.0.1:8082", options.common().url());
        assertEquals(ROOT.resolve("deploy/loadtest/target/bench/t"), options.common().resultsDir());
        assertTrue(options.targetsLocalSuite());
    }

    @Test
    void resolveKeepsItsOptions() {
        BenchOptions options = Bench.options(new String[] {"resolve", "--rates", "2000", "--no-saturation",
                "--url", "http://10.0.0.5:8081"}, ROOT, "t");
        ResolveOptions resolve = assertInstanceOf(ResolveOptions.class, options);
        assertEquals(List.of(2_000), resolve.rates());
        assertFalse(resolve.saturation());
        assertFalse(resolve.targetsLocalSuite());
    }

    @Test
    void webhooksTakeTheirOwnAndTheCommonOptions() {
        WebhookOptions options = (WebhookOptions) Bench.options(new String[] {"webhooks", "--scenarios",
                "processed,acknowledge", "--ack-rates", "200,1000", "--repeat-share", "0.1", "--settle", "5s",
                "--duration", "20s"}, ROOT, "t");
        assertEquals(List.of(WebhookScenario.ACKNOWLEDGE, WebhookScenario.PROCESSED), options.scenarios());
        assertEquals(List.of(200, 1_000), options.ackRates());
        assertEquals(1_000, options.processedRate());
        assertEquals(new WebhookMix(0.1, 0.05), options.mix());
        assertEquals(Duration.ofSeconds(5), options.settle());
        assertEquals("http://127.0.0.1:8083", options.common().url());
        assertTrue(options.targetsLocalSuite());
        assertThrows(IllegalArgumentException.class, () -> Bench.options(new String[] {"webhooks", "--calendar-share",
                "1.5"}, ROOT, "t"));
        assertTrue(Bench.usage(new String[] {"webhooks"}).contains("--processed-rate"));
    }

    @Test
    void theVoiceRunNeedsBookingServiceToo() {
        WebhookOptions voice = (WebhookOptions) Bench.options(new String[] {"webhooks", "--scenarios", "voice",
                "--voice-rate", "80", "--voice-book-share", "0.2"}, ROOT, "t");
        assertEquals(List.of(WebhookScenario.VOICE), voice.scenarios());
        assertEquals(80, voice.voiceRate());
        assertEquals(0.2, voice.voiceBookShare());
        assertTrue(voice.needsBooking());
        assertTrue(voice.targetsLocalSuite());
        WebhookOptions remoteBooking = (WebhookOptions) Bench.options(new String[] {"webhooks", "--booking-url",
                "http://10.0.0.5:8082"}, ROOT, "t");
        assertEquals(List.of(WebhookScenario.values()), remoteBooking.scenarios());
        assertEquals(50, remoteBooking.voiceRate());
        assertFalse(remoteBooking.targetsLocalSuite());
        WebhookOptions inboxOnly = (WebhookOptions) Bench.options(new String[] {"webhooks", "--scenarios",
                "acknowledge", "--booking-url", "http://10.0.0.5:8082"}, ROOT, "t");
        assertFalse(inboxOnly.needsBooking());
        assertTrue(inboxOnly.targetsLocalSuite());
        assertThrows(IllegalArgumentException.class, () -> Bench.options(new String[] {"webhooks",
                "--voice-book-share", "2"}, ROOT, "t"));
    }

    @Test
    void peersTakeTheirOwnAndTheCommonOptions() {
        PeersOptions defaults = (PeersOptions) Bench.options(new String[] {"peers"}, ROOT, "t");
        assertEquals(List.of(Peer.STATIC, Peer.PHP, Peer.OURS), defaults.peers());
        assertEquals(100, defaults.users());
        assertEquals(Duration.ofSeconds(20), defaults.common().duration());
        assertEquals(PeersOptions.DEFAULT_PHP_CHILDREN, defaults.phpChildren());
        assertEquals("http://127.0.0.1:8081", defaults.common().url());
        assertTrue(defaults.targetsLocalSuite());

        PeersOptions chosen = (PeersOptions) Bench.options(new String[] {"peers", "--peers", "ours,php", "--users", "300",
                "--php-children", "8", "--duration", "30s", "--ramp", "2s", "--no-docs", "--url", "http://10.0.0.5:8081"},
                ROOT, "t");
        assertEquals(List.of(Peer.PHP, Peer.OURS), chosen.peers()); // always in bench order
        assertEquals(300, chosen.users());
        assertEquals(8, chosen.phpChildren());
        assertEquals(Duration.ofSeconds(2), chosen.ramp());
        assertEquals(Duration.ofSeconds(30), chosen.common().duration());
        assertFalse(chosen.common().writeDocs());
        assertFalse(chosen.targetsLocalSuite());
        assertThrows(IllegalArgumentException.class, () -> Bench.options(new String[] {"peers", "--peers", "java"}, ROOT, "t"));
        assertTrue(Bench.usage(new String[] {"peers"}).contains("--php-children"));
        assertTrue(Bench.usage(new String[] {"peers"}).contains(PeerTools.INSTALL));
        assertTrue(Bench.usage(new String[] {}).contains("peers"));
    }

    @Test
    void theMixDefaultsToTheDaysLoadForMinutes() {
        MixOptions mix = (MixOptions) Bench.options(new String[] {"mix"}, ROOT, "t");
        assertEquals(250, mix.calls());
        assertEquals(Duration.ofMinutes(5), mix.common().duration());
        assertEquals(Duration.ofSeconds(30), mix.common().warmup());
        assertEquals("http://127.0.0.1:8083", mix.common().url());
        assertTrue(mix.targetsLocalSuite());
        assertTrue(mix.pace().plannedRate() >= MixBench.TARGET_RATE, "planned " + mix.pace().plannedRate());

        MixOptions small = (MixOptions) Bench.options(new String[] {"mix", "--calls", "10", "--think-time", "2s",
                "--book-share", "0", "--admin-rate", "0.5", "--duration", "20s", "--booking-url", "http://10.0.0.5:8082"},
                ROOT, "t");
        assertEquals(10, small.calls());
        assertEquals(Duration.ofSeconds(2), small.thinkTime());
        assertEquals(0, small.bookShare());
        assertEquals(0.5, small.adminRate());
        assertEquals(Duration.ofSeconds(20), small.common().duration());
        assertFalse(small.targetsLocalSuite());
        assertThrows(IllegalArgumentException.class, () -> Bench.options(new String[] {"mix", "--think-time", "0"},
                ROOT, "t"));
        assertThrows(IllegalArgumentException.class, () -> Bench.options(new String[] {"mix", "--admin-rate", "-1"},
                ROOT, "t"));
        assertTrue(Bench.usage(new String[] {"mix"}).contains("--think-time"));
    }

    @Test
    void badCommandLinesAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> Bench.options(new String[] {"webhook"}, ROOT, "t"));
        assertThrows(IllegalArgumentException.class, () -> Bench.options(new String[] {"booking", "--rates", "1"}, ROOT, "t"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Bench.options(new String[] {"booking", "--duration"}, ROOT, "t"));
        assertEquals("--duration needs a value", missing.getMessage());
        assertTrue(Bench.usage(new String[] {"booking", "--help"}).contains("--contention-rate"));
    }
}
