package io.callbook.perfops;

import io.callbook.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final ServiceArchitecture architecture = ServiceArchitecture.of("perfops");

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
