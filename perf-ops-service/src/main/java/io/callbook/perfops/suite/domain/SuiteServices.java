package io.callbook.perfops.suite.domain;

import io.callbook.perfops.OpsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The services of the suite, their replicas and databases, looked up afresh on every call: replicas come and go
 * (autoscaling), so nothing here is cached.
 */
@ApplicationScoped
public class SuiteServices {

    private final OpsConfig config;
    private final ReplicaDiscovery discovery;
    private final String defaultUsername;
    private final String defaultPassword;

    public SuiteServices(OpsConfig config, ReplicaDiscovery discovery,
                         @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String defaultUsername,
                         @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String defaultPassword) {
        this.config = config;
        this.discovery = discovery;
        this.defaultUsername = defaultUsername;
        this.defaultPassword = defaultPassword;
    }

    /** Every configured service, in name order. */
    public List<SuiteService> all() {
        return config.services().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(entry -> service(entry.getKey(), entry.getValue()))
                .toList();
    }

    public Optional<SuiteService> named(String name) {
        OpsConfig.Service service = config.services().get(name);
        return service == null ? Optional.empty() : Optional.of(service(name, service));
    }

    /** The services' databases, in service name order. */
    public List<ServiceDatabase> databases() {
        return config.services().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .flatMap(entry -> database(entry.getKey(), entry.getValue()).stream())
                .sorted(Comparator.comparing(ServiceDatabase::service))
                .toList();
    }

    private SuiteService service(String name, OpsConfig.Service service) {
        List<URI> replicas = service.urls().orElse(List.of()).stream()
                .map(URI::create)
                .flatMap(url -> discovery.replicas(url).stream())
                .distinct()
                .toList();
        return new SuiteService(name, replicas, database(name, service));
    }

    private Optional<ServiceDatabase> database(String name, OpsConfig.Service service) {
        return service.jdbcUrl().filter(url -> !url.isBlank()).map(url -> new ServiceDatabase(name, url,
                ServiceDatabase.databaseName(url), service.username().orElse(defaultUsername),
                service.password().orElse(defaultPassword)));
    }
}
