package org.sn1gateway.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.sn1gateway.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdkAndItself = classes()
            .that().resideInAPackage("org.sn1gateway.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.sn1gateway.domain..", "java..");

    @ArchTest
    static final ArchRule policiesDoNotReachIntoTheService = noClasses()
            .that().resideInAnyPackage("..sampling..", "..cleaning..", "..selection..", "..model..")
            .should().dependOnClassesThat().resideInAPackage("..service..");
}
