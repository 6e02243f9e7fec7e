package io.callbook.testsupport;

import org.junit.jupiter.api.Test;

/**
 * The architecture rules every service keeps, as tests: a service's {@code ArchitectureTest} extends this with its
 * name, so that a new rule reaches every service at once.
 */
public abstract class ServiceArchitectureTests {

    private final ServiceArchitecture architecture;

    /** @param service the service's package under io.callbook, e.g. "booking" */
    protected ServiceArchitectureTests(String service) {
        this.architecture = ServiceArchitecture.of(service);
    }

    @Test
    void sharesOnlyCommonWithOtherServices() {
        architecture.sharesOnlyCommonWithOtherServices();
    }

    @Test
    void domainKnowsNeitherHttpNorInfrastructure() {
        architecture.domainKnowsNeitherHttpNorInfrastructure();
    }

    @Test
    void nativeQueriesMapNoClass() {
        architecture.nativeQueriesMapNoClass();
    }

    @Test
    void redisThroughTheReactiveDataSourceOnly() {
        architecture.redisThroughTheReactiveDataSourceOnly();
    }

    @Test
    void resourcesLiveInApi() {
        architecture.resourcesLiveInApi();
    }

    @Test
    void featuresAreFreeOfCycles() {
        architecture.featuresAreFreeOfCycles();
    }

    @Test
    void featuresUseEachOtherOnlyThroughTheirDomain() {
        architecture.featuresUseEachOtherOnlyThroughTheirDomain();
    }
}
