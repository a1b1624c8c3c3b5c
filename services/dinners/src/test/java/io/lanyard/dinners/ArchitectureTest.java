package io.lanyard.dinners;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.axonframework.spring.stereotype.Aggregate;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import io.lanyard.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "io.lanyard.dinners", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests lanyard = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule the_dinner_aggregate_knows_no_web_database_kafka_or_other_slice =
            noClasses().that().areAnnotatedWith(Aggregate.class)
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.springframework.web..", "org.springframework.jdbc..", "org.apache.kafka..",
                            "io.lanyard.kernel.events..", "io.lanyard.dinners.seating.read..",
                            "io.lanyard.dinners.seating.automation..", "io.lanyard.dinners.publishing..");

    @ArchTest
    static final ArchRule personalData = ArchitectureRules.PERSONAL_DATA_IS_MARKED;

    @ArchTest
    static final ArchRule only_the_reactions_to_cancellation_and_erasure_hear_of_registrations_events =
            noClasses().that().resideOutsideOfPackages(
                            "io.lanyard.dinners.seating.automation.whenattendeecancelled..",
                            "io.lanyard.dinners.seating.automation.whenattendeeerased..")
                    .should().dependOnClassesThat().resideInAPackage("io.lanyard.kernel.events.registration..");
}
