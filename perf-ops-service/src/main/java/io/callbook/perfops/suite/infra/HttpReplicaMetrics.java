package io.callbook.perfops.suite.infra;

import io.callbook.perfops.suite.domain.PrometheusText;
import io.callbook.perfops.suite.domain.ReplicaMetrics;
import io.callbook.perfops.suite.domain.ReplicaScrape;
import io.callbook.perfops.suite.domain.SuiteService;
import io.callbook.perfops.suite.domain.SuiteServices;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Scrapes {@code /q/metrics} with the JDK's HTTP client: the replicas are discovered at each scrape, so a REST client
 * bound to one configured URL would not do.
 */
@ApplicationScoped
public class HttpReplicaMetrics implements ReplicaMetrics {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final SuiteServices services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public HttpReplicaMetrics(SuiteServices services) {
        this.services = services;
    }

    @Override
    public List<ReplicaScrape> scrapeAll() {
        List<CompletableFuture<ReplicaScrape>> scrapes = new ArrayList<>();
        for (SuiteService service : services.all()) {
            for (URI replica : service.replicas()) {
                scrapes.add(scrape(service.name(), replica));
            }
        }
        return scrapes.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<ReplicaScrape> scrape(String service, URI replica) {
        HttpRequest request = HttpRequest.newBuilder(replica.resolve("/q/metrics")).timeout(TIMEOUT)
                .header("Accept", "text/plain").GET().build();
        Instant at = Instant.now();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response.statusCode() == 200
                        ? new ReplicaScrape(service, replica, at, PrometheusText.parse(response.body()), Optional.empty())
                        : failed(service, replica, at, "HTTP " + response.statusCode()))
                .exceptionally(failure -> failed(service, replica, at, reason(failure)));
    }

    private static ReplicaScrape failed(String service, URI replica, Instant at, String reason) {
        return new ReplicaScrape(service, replica, at, List.of(), Optional.of(reason));
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
