package io.lanyard.volunteering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

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
    static final ArchRule the_write_side_knows_nothing_of_its_readers = noClasses()
            .that().resideInAPackage("io.lanyard.volunteering.shifts..")
            .should().dependOnClassesThat().resideInAnyPackage("io.lanyard.volunteering.roster..",
                    "io.lanyard.volunteering.publishing..", "io.lanyard.volunteering.policy..",
                    "io.lanyard.volunteering.cancellation..")
            .because("shifts decide; the board, the policy table, Kafka and cancellations depend on it, not back");

    @ArchTest
    static final ArchRule integration_contracts_are_used_only_at_the_edges = noClasses()
            .that().resideInAnyPackage("io.lanyard.volunteering.shifts..", "io.lanyard.volunteering.roster..",
                    "io.lanyard.volunteering.policy..")
            .should().dependOnClassesThat().resideInAPackage("io.lanyard.kernel.events..")
            .because("domain events map to integration events in publishing, and only there");

    @ArchTest
    static final ArchRule time_and_ids_are_injected = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(UUID.class, "randomUUID")
            .because("the Clock and the IdGenerator are injected, so tests can pin them");
}
