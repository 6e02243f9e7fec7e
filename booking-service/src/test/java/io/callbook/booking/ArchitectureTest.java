package io.callbook.booking;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the service's shape (api → domain ← infra) and its independence from other services. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.callbook.booking");

    @Test
    void sharesOnlyCommonWithOtherServices() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.callbook.resolver..", "io.callbook.webhook..", "io.callbook.perfops..", "io.callbook.devstack..")
                .check(CLASSES);
    }

    @Test
    void domainKnowsNeitherHttpNorInfrastructure() {
        noClasses().that().resideInAPackage("..booking.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..booking.api..", "..booking.infra..")
                .check(CLASSES);
    }

    @Test
    void resourcesLiveInApi() {
        classes().that().areAnnotatedWith(Path.class).should().resideInAPackage("..booking.api..").check(CLASSES);
    }
}
