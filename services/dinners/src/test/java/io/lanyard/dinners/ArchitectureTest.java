package io.lanyard.dinners;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.lanyard.dinners", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_dinner_aggregate_knows_no_web_database_kafka_or_slice =
            noClasses().that().resideInAPackage("io.lanyard.dinners.seating..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.springframework.web..", "org.springframework.jdbc..", "org.apache.kafka..",
                            "io.lanyard.kernel.events..", "io.lanyard.dinners.schedule..",
                            "io.lanyard.dinners.tickets..", "io.lanyard.dinners.registration..",
                            "io.lanyard.dinners.publishing..", "io.lanyard.dinners.deadlines..");

    @ArchTest
    static final ArchRule only_publishing_speaks_dinners_integration_events =
            noClasses().that().resideOutsideOfPackage("io.lanyard.dinners.publishing..")
                    .should().dependOnClassesThat().resideInAPackage("io.lanyard.kernel.events.dinners..");

    @ArchTest
    static final ArchRule only_the_registration_slice_reacts_to_registrations_events =
            noClasses().that().resideOutsideOfPackage("io.lanyard.dinners.registration..")
                    .should().dependOnClassesThat().resideInAPackage("io.lanyard.kernel.events.registration..");
}
