package io.callbook.common.persistence;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/**
 * The pool's size limit, which Agroal's own metrics ({@code agroal_*}, on through
 * {@code quarkus.datasource.metrics.enabled}) leave out, so that "pool 80 % used" can be computed from the scrape
 * alone. Read from the running pool, so it is the limit in force, not what a file said.
 */
@Singleton
public class DataSourceGauges implements MeterBinder {

    private final AgroalDataSource dataSource;

    public DataSourceGauges(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("callbook.datasource.max.size", dataSource,
                        pool -> pool.getConfiguration().connectionPoolConfiguration().maxSize())
                .description("The most connections the datasource's pool opens")
                .tag("datasource", "default")
                .register(registry);
    }
}
