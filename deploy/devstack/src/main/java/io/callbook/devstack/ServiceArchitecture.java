package io.callbook.devstack;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shape every service keeps, checked by each service's ArchitectureTest: api → domain ← infra, resources only in
 * api, and no code of another service (they share contracts through common only).
 */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("resolver", "booking", "webhook", "perfops");

    private final String service;
    private final JavaClasses classes;

    private ServiceArchitecture(String service) {
        this.service = service;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.callbook." + service);
    }

    /** @param service the service's package under io.callbook, e.g. "booking" */
    public static ServiceArchitecture of(String service) {
        return new ServiceArchitecture(service);
    }

    public void sharesOnlyCommonWithOtherServices() {
        String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "io.callbook." + s + "..")
                .toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.callbook.devstack..", "io.callbook.loadtest..")
                .check(classes);
    }

    public void domainKnowsNeitherHttpNorInfrastructure() {
        noClasses().that().resideInAPackage(".." + service + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(".." + service + ".api..", ".." + service + ".infra..")
                .check(classes);
    }

    /**
     * Hibernate 7.2 keeps a plan for every execution of a native query that maps its rows to a class (entity, scalar or
     * Tuple) and compares each later lookup with all of them: booking-service spent a third of its CPU there. Native
     * SQL returns plain rows; entities come from queries.
     */
    public void nativeQueriesMapNoClass() {
        noClasses().should().callMethod("jakarta.persistence.EntityManager", "createNativeQuery", "java.lang.String",
                "java.lang.Class").check(classes);
    }

    public void resourcesLiveInApi() {
        classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class).should().resideInAPackage(".." + service + ".api..")
                .allowEmptyShould(true).check(classes);
    }
}
