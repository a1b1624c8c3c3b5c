package io.lanyard.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.lanyard.kernel.events.EventCatalogue;

class SharedKernelTest {

    private final JavaClasses kernel = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.lanyard.kernel");

    @Test
    void integration_contracts_depend_on_nothing_but_the_jdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.lanyard.kernel..")
                .because("integration events are plain records with no Axon, Spring, JPA or Jackson annotations")
                .check(kernel);
    }

    @Test
    void every_integration_event_is_a_record_in_the_catalogue_under_a_unique_stable_name() {
        Set<String> types = new HashSet<>();
        for (EventCatalogue.Entry entry : EventCatalogue.entries()) {
            assertThat(entry.javaType().isRecord()).as(entry.type()).isTrue();
            assertThat(entry.type()).as("type names are not Java class names").doesNotContain("io.lanyard");
            assertThat(entry.version()).isPositive();
            assertThat(types.add(entry.type())).as("duplicate type " + entry.type()).isTrue();
            assertThat(EventCatalogue.of(entry.javaType())).isEqualTo(entry);
        }
        assertThat(kernel.stream()
                .filter(c -> c.isAssignableTo(io.lanyard.kernel.events.IntegrationEvent.class) && !c.isInterface())
                .count())
                .as("every integration event class is catalogued").isEqualTo(EventCatalogue.entries().size());
    }
}
