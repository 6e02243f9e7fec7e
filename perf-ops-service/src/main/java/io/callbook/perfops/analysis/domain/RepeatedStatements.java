package io.callbook.perfops.analysis.domain;

import io.callbook.perfops.suite.domain.MetricSample;
import io.callbook.perfops.suite.domain.ReplicaScrape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * N+1 per request, as the services count it themselves: common's statement inspector adds one to
 * {@value #METRIC}{route, statement} each time a request repeats one SQL shape past its threshold. The counts are
 * summed over a service's replicas (counters since each replica started).
 */
public final class RepeatedStatements {

    public static final String METRIC = "callbook_db_repeated_statements_total";

    /** @param count requests that repeated the statement, over all replicas */
    public record Route(String service, String route, String statement, long count) {

        public String key() {
            return "n-plus-one:" + service + ":" + route + ":" + IndexAdvice.hash(statement).substring(0, 12);
        }
    }

    private RepeatedStatements() {
    }

    /** Every route and statement with a count, most repeated first. */
    public static List<Route> of(List<ReplicaScrape> scrapes) {
        Map<List<String>, Double> counts = new LinkedHashMap<>();
        for (ReplicaScrape scrape : scrapes) {
            for (MetricSample sample : scrape.named(METRIC)) {
                if (sample.value() > 0 && !Double.isNaN(sample.value())) {
                    counts.merge(List.of(scrape.service(), sample.label("route"), sample.label("statement")),
                            sample.value(), Double::sum);
                }
            }
        }
        List<Route> routes = new ArrayList<>();
        counts.forEach((key, count) -> routes.add(new Route(key.get(0), key.get(1), key.get(2), Math.round(count))));
        routes.sort(Comparator.comparingLong(Route::count).reversed().thenComparing(Route::service)
                .thenComparing(Route::route));
        return routes;
    }
}
