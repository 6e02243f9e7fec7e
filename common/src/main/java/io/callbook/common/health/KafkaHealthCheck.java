package io.callbook.common.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Events go through the transactional outbox, so a Kafka outage delays events but loses none and
 * blocks no request: readiness stays UP and reports Kafka's state.
 */
@Readiness
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {

    private final String bootstrapServers;
    private volatile Admin admin;

    public KafkaHealthCheck(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int brokers = admin().describeCluster(new DescribeClusterOptions().timeoutMs(1000))
                    .nodes().get(1500, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("kafka", "up").withData("brokers", brokers).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").up()
                    .withData("kafka", "down")
                    .withData("mode", "degraded: events queue in the outbox")
                    .build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            AdminClientConfig.CLIENT_ID_CONFIG, "callbook-health",
                            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "1500",
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "1500"));
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
