package io.lanyard.sprints;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ArchRule;

import io.lanyard.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "io.lanyard.sprints", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests lanyard = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule personalData = ArchitectureRules.PERSONAL_DATA_IS_MARKED;

    /** The board is built from sprints' own domain events; no other service's facts reach it. */
    @ArchTest
    static final ArchRule the_board_speaks_no_integration_contracts = noClasses()
            .that().resideInAPackage("io.lanyard.sprints.sprint.read..")
            .should().dependOnClassesThat().resideInAPackage("io.lanyard.kernel.events..")
            .because("domain events map to integration events in publishing, and only there");
}
