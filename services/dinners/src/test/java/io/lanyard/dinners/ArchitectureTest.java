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
    static final ArchRule only_the_cancellation_reaction_hears_of_registrations_events =
            noClasses().that().resideOutsideOfPackage("io.lanyard.dinners.seating.automation.whenattendeecancelled..")
                    .should().dependOnClassesThat().resideInAPackage("io.lanyard.kernel.events.registration..");
}
