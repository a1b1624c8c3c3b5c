package io.lanyard.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DatabasePasswordRequiredTest {

    @Test
    void outside_the_dev_profile_a_service_does_not_start_without_a_database_password() {
        assertThatThrownBy(() -> DatabasePasswordRequired.check(new MockEnvironment()))
                .hasMessageContaining("LANYARD_DB_PASSWORD");
        assertThatThrownBy(() -> DatabasePasswordRequired.check(
                new MockEnvironment().withProperty("spring.datasource.password", " ")))
                .hasMessageContaining("LANYARD_DB_PASSWORD");
    }

    @Test
    void with_a_password_or_in_the_dev_profile_it_starts() {
        assertThatCode(() -> DatabasePasswordRequired.check(
                new MockEnvironment().withProperty("spring.datasource.password", "s3cret"))).doesNotThrowAnyException();
        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles("dev");
        assertThatCode(() -> DatabasePasswordRequired.check(dev)).doesNotThrowAnyException();
    }
}
