package io.lanyard.volunteering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.lanyard.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "io.lanyard.volunteering", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule aggregates_are_pure_domain = ArchitectureRules.AGGREGATES_ARE_PURE_DOMAIN;

    @ArchTest
    static final ArchRule no_kafka_in_the_service = ArchitectureRules.NO_KAFKA_IN_SERVICES;

    @ArchTest
    static final ArchRule no_jpa = ArchitectureRules.NO_JPA;

    @ArchTest
    static final ArchRule write_does_not_depend_on_read_or_automation =
            ArchitectureRules.WRITE_DOES_NOT_DEPEND_ON_READ_OR_AUTOMATION;

    @ArchTest
    static final ArchRule contracts_only_at_the_edges = ArchitectureRules.CONTRACTS_ONLY_AT_THE_EDGES;

    @ArchTest
    static final ArchRule only_publishing_speaks_volunteerings_own_events =
            ArchitectureRules.onlyPublishingSpeaksTheServicesOwnEvents("volunteering");

    @ArchTest
    static final ArchRule time_and_ids_are_injected = ArchitectureRules.TIME_AND_IDS_ARE_INJECTED;

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
