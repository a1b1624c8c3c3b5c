package io.lanyard.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.axonframework.spring.stereotype.Aggregate;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.lanyard.platform.axon.StoredName;
import io.lanyard.platform.personaldata.PersonalDataRules;

/**
 * Lanyard's architecture, as ArchUnit rules every service applies to its own classes with one line,
 * {@code @ArchTest static final ArchTests lanyard = ArchTests.in(ArchitectureRules.class);}: the shape of the house
 * ({@code <capability>/write}, {@code <capability>/read/<view>}, {@code <capability>/automation/<when-then>},
 * {@code publishing}) and what may depend on what. Every rule fails on an empty selection (ArchUnit's default), so a
 * rule that names a package the service does not have cannot pass silently.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /**
     * Below the service's root package there are capabilities, each with only its write side, its views and its
     * reactions, and the one publisher; registration's dev-profile token minting is the one tool beside them, and a
     * class whose name is stored where no upcaster reads it ({@link StoredName}) stays where it was.
     */
    @ArchTest
    public static final ArchRule ONE_SHAPE = classes()
            .that().resideInAPackage("io.lanyard.*.*..")
            .and().resideOutsideOfPackages("io.lanyard.platform..", "io.lanyard.kernel..", "io.lanyard.testsupport..")
            .and().areNotAnnotatedWith(StoredName.class)
            .should().resideInAnyPackage("io.lanyard.*.*.write..", "io.lanyard.*.*.read.*..",
                    "io.lanyard.*.*.automation.*..", "io.lanyard.*.publishing..", "io.lanyard.*.devtokens..")
            .because("every service has the same shape: <capability>/write, <capability>/read/<view>, "
                    + "<capability>/automation/<when-then>, publishing");

    /**
     * Every stored shape (a top-level record of a write side, which is how domain events are written, and every
     * aggregate, which snapshots store) has its personal-looking fields decided: {@code @PersonalData} or
     * {@code @NotPersonalData}, with a {@code @DataSubject} where there is personal data. Not among the rules
     * every service applies yet: a service opts in from its own architecture test until all of them are marked.
     */
    public static final ArchRule PERSONAL_DATA_IS_MARKED = classes()
            .that().resideInAPackage("io.lanyard.*.*.write..")
            .and().areTopLevelClasses()
            .and(new DescribedPredicate<JavaClass>("are records or aggregates") {
                @Override
                public boolean test(JavaClass type) {
                    return type.isRecord() || type.isAnnotatedWith(Aggregate.class);
                }
            })
            .should(new ArchCondition<JavaClass>("mark their personal data") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    for (String problem : PersonalDataRules.violations(type.reflect())) {
                        events.add(SimpleConditionEvent.violated(type, problem));
                    }
                }
            })
            .because("a stored name, e-mail address, subject or dietary requirement must be sealed under its "
                    + "person's key, or be decided not to be a person's");

    /** Aggregates decide; they know nothing of HTTP, persistence technology, Kafka or integration contracts. */
    @ArchTest
    public static final ArchRule AGGREGATES_ARE_PURE_DOMAIN = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "jakarta.persistence..", "org.springframework.jdbc..", "java.sql..",
                    "org.apache.kafka..", "io.lanyard.kernel.events..", "io.lanyard.platform.messaging..",
                    "io.lanyard.platform.directory..")
            .because("aggregates hold the business rules and nothing else");

    /** Only the platform talks to Kafka; services see integration events, never records or clients. */
    @ArchTest
    public static final ArchRule NO_KAFKA_IN_SERVICES = noClasses()
            .that().resideInAPackage("io.lanyard.(*)..").and().resideOutsideOfPackage("io.lanyard.platform..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
            .because("the Kafka backbone is written once, in the platform");

    /** Lanyard has no JPA: Flyway owns the schema and read models use JDBC. */
    @ArchTest
    public static final ArchRule NO_JPA = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
            .because("Flyway owns every table and Hibernate must not map Axon's payloads to large objects");

    /** The write side decides; its views, its reactions and its publisher depend on it, never the other way. */
    @ArchTest
    public static final ArchRule WRITE_DOES_NOT_DEPEND_ON_READ_OR_AUTOMATION = noClasses()
            .that().resideInAPackage("io.lanyard.(*).(*).write..")
            .should().dependOnClassesThat().resideInAnyPackage("io.lanyard.(*).(*).read..",
                    "io.lanyard.(*).(*).automation..", "io.lanyard.(*).publishing..")
            .because("a capability's write side must stand on its own; read models and reactions follow it");

    /** Integration contracts are spoken at the edges (publishing, automation, views of other services' facts). */
    @ArchTest
    public static final ArchRule CONTRACTS_ONLY_AT_THE_EDGES = noClasses()
            .that().resideInAPackage("io.lanyard.(*).(*).write..")
            .should().dependOnClassesThat().resideInAPackage("io.lanyard.kernel.events..")
            .because("domain events map to integration events in publishing, and commands come from automation");

    /** A service's own integration events are made in its publishing package and nowhere else. */
    @ArchTest
    public static final ArchRule ONLY_PUBLISHING_SPEAKS_THE_SERVICES_OWN_EVENTS = classes()
            .that().resideInAPackage("io.lanyard..").and().resideOutsideOfPackages("io.lanyard.platform..",
                    "io.lanyard.kernel..", "io.lanyard.testsupport..", "io.lanyard.(*).publishing..")
            .should(notUseTheirOwnServicesIntegrationEvents())
            .because("domain events map to integration events in one place per service");

    /** Tests pin the clock and the ids; code that reads the wall clock or makes random ids itself defeats that. */
    @ArchTest
    public static final ArchRule TIME_AND_IDS_ARE_INJECTED = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(UUID.class, "randomUUID")
            .because("the Clock and the IdGenerator are injected, so tests can pin them");

    /** {@code io.lanyard.dinners.x.Y} must not use {@code io.lanyard.kernel.events.dinners..}. */
    private static ArchCondition<JavaClass> notUseTheirOwnServicesIntegrationEvents() {
        return new ArchCondition<>("not use their own service's integration events") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String own = "io.lanyard.kernel.events." + serviceOf(type) + ".";
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    if (dependency.getTargetClass().getName().startsWith(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String serviceOf(JavaClass type) {
        String[] segments = type.getPackageName().split("\\.");
        return segments.length > 2 ? segments[2] : "";
    }
}
