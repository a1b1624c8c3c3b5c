package io.lanyard.dinners;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.axonframework.spring.stereotype.Aggregate;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.lanyard.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "io.lanyard.dinners", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule aggregates_are_pure_domain = ArchitectureRules.AGGREGATES_ARE_PURE_DOMAIN;

    @ArchTest
    static final ArchRule no_kafka_in_services = ArchitectureRules.NO_KAFKA_IN_SERVICES;

    @ArchTest
    static final ArchRule no_jpa = ArchitectureRules.NO_JPA;

    @ArchTest
    static final ArchRule write_does_not_depend_on_read_or_automation =
            ArchitectureRules.WRITE_DOES_NOT_DEPEND_ON_READ_OR_AUTOMATION;

    @ArchTest
    static final ArchRule contracts_only_at_the_edges = ArchitectureRules.CONTRACTS_ONLY_AT_THE_EDGES;

    @ArchTest
    static final ArchRule only_publishing_speaks_dinners_integration_events =
            ArchitectureRules.onlyPublishingSpeaksTheServicesOwnEvents("dinners");

    @ArchTest
    static final ArchRule time_and_ids_are_injected = ArchitectureRules.TIME_AND_IDS_ARE_INJECTED;

    @ArchTest
    static final ArchRule the_dinner_aggregate_knows_no_web_database_kafka_or_other_slice =
            noClasses().that().areAnnotatedWith(Aggregate.class)
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.springframework.web..", "org.springframework.jdbc..", "org.apache.kafka..",
                            "io.lanyard.kernel.events..", "io.lanyard.dinners.seating.read..",
                            "io.lanyard.dinners.seating.automation..", "io.lanyard.dinners.publishing..");

    @ArchTest
    static final ArchRule only_the_cancellation_reaction_hears_of_registrations_events =
            noClasses().that().resideOutsideOfPackage("io.lanyard.dinners.seating.automation.whenattendeecancelled..")
                    .should().dependOnClassesThat().resideInAPackage("io.lanyard.kernel.events.registration..");
}
