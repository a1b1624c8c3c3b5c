package io.lanyard.registration;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.lanyard.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "io.lanyard.registration", importOptions = ImportOption.DoNotIncludeTests.class)
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
    static final ArchRule only_publishing_speaks_registrations_own_events =
            ArchitectureRules.onlyPublishingSpeaksTheServicesOwnEvents("registration");

    @ArchTest
    static final ArchRule time_and_ids_are_injected = ArchitectureRules.TIME_AND_IDS_ARE_INJECTED;
}
