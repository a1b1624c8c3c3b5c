package io.lanyard.volunteering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import io.lanyard.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "io.lanyard.volunteering", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests lanyard = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule personalData = ArchitectureRules.PERSONAL_DATA_IS_MARKED;

    @ArchTest
    static final ArchRule shifts_know_nothing_of_the_policy = noClasses()
            .that().resideInAPackage("io.lanyard.volunteering.shifts..")
            .should().dependOnClassesThat().resideInAPackage("io.lanyard.volunteering.policy..")
            .because("a sign-up reads the policy through VolunteerRulesSource, which the policy's view implements");

    @ArchTest
    static final ArchRule views_use_no_integration_contracts = noClasses()
            .that().resideInAnyPackage("io.lanyard.volunteering.shifts.read..", "io.lanyard.volunteering.policy.read..")
            .should().dependOnClassesThat().resideInAPackage("io.lanyard.kernel.events..")
            .because("domain events map to integration events in publishing, and only there");
}
