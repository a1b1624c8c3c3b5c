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
}
