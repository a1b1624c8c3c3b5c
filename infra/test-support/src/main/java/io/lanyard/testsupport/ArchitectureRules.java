package io.lanyard.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.axonframework.spring.stereotype.Aggregate;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Lanyard's architecture, as ArchUnit rules every service applies to its own classes: the shape of the house
 * ({@code <capability>/write}, {@code <capability>/read/<view>}, {@code <capability>/automation/<when-then>},
 * {@code publishing}) and what may depend on what. Every rule fails on an empty
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

    /** The write side decides; its views, its reactions and its publisher depend on it, never the other way. */
    public static final ArchRule WRITE_DOES_NOT_DEPEND_ON_READ_OR_AUTOMATION = noClasses()
            .that().resideInAPackage("io.lanyard.(*).(*).write..")
            .should().dependOnClassesThat().resideInAnyPackage("io.lanyard.(*).(*).read..",
                    "io.lanyard.(*).(*).automation..", "io.lanyard.(*).publishing..")
            .because("a capability's write side must stand on its own; read models and reactions follow it");

    /** Integration contracts are spoken at the edges (publishing, automation, views of other services' facts). */
    public static final ArchRule CONTRACTS_ONLY_AT_THE_EDGES = noClasses()
            .that().resideInAPackage("io.lanyard.(*).(*).write..")
            .should().dependOnClassesThat().resideInAPackage("io.lanyard.kernel.events..")
            .because("domain events map to integration events in publishing, and commands come from automation");

    /** A service's own integration events are made in its publishing package and nowhere else. */
    public static ArchRule onlyPublishingSpeaksTheServicesOwnEvents(String service) {
        return noClasses()
                .that().resideOutsideOfPackage("io.lanyard." + service + ".publishing..")
                .should().dependOnClassesThat().resideInAPackage("io.lanyard.kernel.events." + service + "..")
                .because("domain events map to integration events in one place per service");
    }

    /** Tests pin the clock and the ids; code that reads the wall clock or makes random ids itself defeats that. */
    public static final ArchRule TIME_AND_IDS_ARE_INJECTED = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(UUID.class, "randomUUID")
            .because("the Clock and the IdGenerator are injected, so tests can pin them");
}
