package io.lanyard.sprints;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Instant;
import java.util.UUID;

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
    static final ArchRule integration_contracts_are_used_only_at_the_edges = noClasses()
            .that().resideInAPackage("io.lanyard.sprints.sprint..")
            .should().dependOnClassesThat().resideInAPackage("io.lanyard.kernel.events..")
            .because("domain events map to integration events in publishing, and only there");

    @ArchTest
    static final ArchRule time_and_ids_are_injected = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(UUID.class, "randomUUID")
            .because("the Clock and the IdGenerator are injected, so tests can pin them");
}
