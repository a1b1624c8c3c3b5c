package io.lanyard.sprints;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.lanyard.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "io.lanyard.sprints", importOptions = ImportOption.DoNotIncludeTests.class)
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
    static final ArchRule integration_contracts_are_used_only_at_the_edges =
            ArchitectureRules.CONTRACTS_ONLY_AT_THE_EDGES;

    @ArchTest
    static final ArchRule only_publishing_speaks_sprints_events =
            ArchitectureRules.onlyPublishingSpeaksTheServicesOwnEvents("sprints");

    @ArchTest
    static final ArchRule time_and_ids_are_injected = ArchitectureRules.TIME_AND_IDS_ARE_INJECTED;

    /** The board is built from sprints' own domain events; no other service's facts reach it. */
    @ArchTest
    static final ArchRule the_board_speaks_no_integration_contracts = noClasses()
            .that().resideInAPackage("io.lanyard.sprints.sprint.read..")
            .should().dependOnClassesThat().resideInAPackage("io.lanyard.kernel.events..")
            .because("domain events map to integration events in publishing, and only there");
}
