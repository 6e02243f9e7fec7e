package io.callbook.testsupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape every service keeps, checked by each service's ArchitectureTest: one package per feature
 * ({@code io.callbook.booking.appointment}), each with api → domain ← infra as it needs them; resources only in an api
 * package; features free of cycles and using each other only through their domain; and no code of another service
 * (they share contracts through common only). A small service may be a single feature with api/domain/infra at its
 * root.
 */
public final class ServiceArchitecture {

    private static final Set<String> LAYERS = Set.of("api", "domain", "infra");
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
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.callbook.devstack..", "io.callbook.testsupport..", "io.callbook.loadtest..")
                .check(classes);
    }

    public void domainKnowsNeitherHttpNorInfrastructure() {
        noClasses().that().resideInAPackage(root() + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(root() + "..api..", root() + "..infra..")
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

    /**
     * Quarkus makes the blocking Redis data source out of the reactive one through a map it does not guard: a start-up
     * observer making the reactive one while a scheduled job made the blocking one stopped a webhook-service replica
     * from starting. With the reactive one only, there is nothing to race for.
     */
    public void redisThroughTheReactiveDataSourceOnly() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.redis.datasource.RedisDataSource")
                .check(classes);
    }

    public void resourcesLiveInApi() {
        classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class).should().resideInAPackage(root() + "..api..")
                .allowEmptyShould(true).check(classes);
    }

    /** A feature that needs another's needs it one way: two features that need each other are one feature. */
    public void featuresAreFreeOfCycles() {
        slices().matching(root() + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    /**
     * Features call each other's domain; their resources and adapters stay their own, so a feature's HTTP shape or
     * its Kafka and Redis plumbing change without touching another feature.
     */
    public void featuresUseEachOtherOnlyThroughTheirDomain() {
        for (String feature : features()) {
            String own = root() + "." + feature;
            noClasses().that().resideOutsideOfPackage(own + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(own + ".api..", own + ".infra..")
                    .allowEmptyShould(true).check(classes);
        }
    }

    /** The features of this service: packages with an api, domain or infra package of their own. */
    public Set<String> features() {
        Set<String> features = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            String[] parts = javaClass.getPackageName().substring(root().length()).split("\\.");
            // ".appointment.domain" splits into "", "appointment", "domain".
            if (parts.length >= 3 && LAYERS.contains(parts[2])) {
                features.add(parts[1]);
            }
        }
        return features;
    }

    private String root() {
        return "io.callbook." + service;
    }
}
