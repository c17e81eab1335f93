package org.sn1gateway.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point inward: app knows adapters and domain, adapters know the domain, never the reverse. */
@AnalyzeClasses(packages = "org.sn1gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule adaptersDoNotKnowTheApplication = noClasses()
            .that().resideInAPackage("org.sn1gateway.adapters..")
            .should().dependOnClassesThat().resideInAPackage("org.sn1gateway.app..");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnDropwizardOrJersey = noClasses()
            .that().resideInAPackage("org.sn1gateway.adapters..")
            .should().dependOnClassesThat().resideInAnyPackage("io.dropwizard..", "org.glassfish.jersey..",
                    "jakarta.ws.rs..");

    @ArchTest
    static final ArchRule theDomainKnowsNeitherAdaptersNorApplication = noClasses()
            .that().resideInAPackage("org.sn1gateway.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sn1gateway.adapters..", "org.sn1gateway.app..");

    @ArchTest
    static final ArchRule resourcesReachTheDomainOnlyThroughItsService = noClasses()
            .that().resideInAPackage("org.sn1gateway.app.resources..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sn1gateway.adapters..");
}
