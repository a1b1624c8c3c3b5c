package io.lanyard.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.axonframework.spring.stereotype.Aggregate;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Lanyard's architecture, as ArchUnit rules a service applies to its own classes. Every rule fails on an empty
 * selection (ArchUnit's default), so a rule that names a package the service does not have cannot pass silently.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Aggregates decide; they know nothing of HTTP, persistence technology, Kafka or integration contracts. */
    public static final ArchRule AGGREGATES_ARE_PURE_DOMAIN = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "jakarta.persistence..", "org.springframework.jdbc..", "java.sql..",
                    "org.apache.kafka..", "io.lanyard.kernel.events..", "io.lanyard.platform.messaging..",
                    "io.lanyard.platform.directory..")
            .because("aggregates hold the business rules and nothing else");

    /** Only the platform talks to Kafka; services see integration events, never records or clients. */
    public static final ArchRule NO_KAFKA_IN_SERVICES = noClasses()
            .that().resideInAPackage("io.lanyard.(*)..").and().resideOutsideOfPackage("io.lanyard.platform..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
            .because("the Kafka backbone is written once, in the platform");

    /** Lanyard has no JPA: Flyway owns the schema and read models use JDBC. */
    public static final ArchRule NO_JPA = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
            .because("Flyway owns every table and Hibernate must not map Axon's payloads to large objects");
}
