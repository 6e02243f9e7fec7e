package io.callbook.common;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** common serves every service and so may know none of them. */
class ArchitectureTest {

    /** See test-support's ServiceArchitecture#nativeQueriesMapNoClass. */
    @Test
    void nativeQueriesMapNoClass() {
        noClasses().should().callMethod("jakarta.persistence.EntityManager", "createNativeQuery", "java.lang.String",
                        "java.lang.Class")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.callbook.common"));
    }

    /** See test-support's ServiceArchitecture#redisThroughTheReactiveDataSourceOnly. */
    @Test
    void redisThroughTheReactiveDataSourceOnly() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.redis.datasource.RedisDataSource")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.callbook.common"));
    }

    /** Each package can be read, changed and tested from the ones below it, never needing one that needs it back. */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.callbook.common.(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.callbook.common"));
    }

    @Test
    void commonKnowsNoService() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.callbook.resolver..", "io.callbook.booking..", "io.callbook.webhook..",
                        "io.callbook.perfops..", "io.callbook.devstack..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.callbook.common"));
    }
}
