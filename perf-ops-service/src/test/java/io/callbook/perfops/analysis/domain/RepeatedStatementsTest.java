package io.callbook.perfops.analysis.domain;

import io.callbook.perfops.suite.domain.MetricSample;
import io.callbook.perfops.suite.domain.ReplicaScrape;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RepeatedStatementsTest {

    @Test
    void eachRouteAndStatementIsSummedOverTheServicesReplicas() {
        String statement = "select c1_0.id from customer c1_0 where c1_0.id=?";
        ReplicaScrape one = scrape("booking", "http://10.0.0.1:8080",
                sample("GET /v1/companies/{companyId}/appointments", statement, 3),
                sample("GET /v1/companies/{companyId}/services", "select s from staff s where s.id=?", 1),
                new MetricSample("http_server_requests_seconds_count", Map.of(), 99));
        ReplicaScrape two = scrape("booking", "http://10.0.0.2:8080",
                sample("GET /v1/companies/{companyId}/appointments", statement, 4));
        ReplicaScrape down = new ReplicaScrape("webhook", URI.create("http://10.0.0.3:8080"), Instant.now(), List.of(),
                Optional.of("ConnectException"));

        List<RepeatedStatements.Route> routes = RepeatedStatements.of(List.of(one, two, down));

        assertEquals(List.of(
                new RepeatedStatements.Route("booking", "GET /v1/companies/{companyId}/appointments", statement, 7),
                new RepeatedStatements.Route("booking", "GET /v1/companies/{companyId}/services",
                        "select s from staff s where s.id=?", 1)), routes);
        assertEquals(routes.getFirst().key(), new RepeatedStatements.Route("booking",
                "GET /v1/companies/{companyId}/appointments", statement, 1).key(), "the key does not change with the count");
    }

    private static ReplicaScrape scrape(String service, String replica, MetricSample... samples) {
        return new ReplicaScrape(service, URI.create(replica), Instant.now(), List.of(samples), Optional.empty());
    }

    private static MetricSample sample(String route, String statement, double value) {
        return new MetricSample(RepeatedStatements.METRIC, Map.of("route", route, "statement", statement), value);
    }
}
