package io.lanyard.notifications.webhook.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import io.lanyard.platform.outbox.RetrySchedule;

class WebhooksPropertiesTest {

    private static WebhooksProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("lanyard.webhooks", WebhooksProperties.class);
    }

    @Test
    void by_default_private_receivers_are_refused_and_a_delivery_is_tried_for_about_three_days() {
        WebhooksProperties defaults = bind(Map.of());

        assertThat(defaults.allowPrivate()).isFalse();
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(15));
        RetrySchedule schedule = new RetrySchedule(defaults.retryPauses());
        assertThat(schedule.span()).isBetween(Duration.ofHours(70), Duration.ofHours(74));
        assertThat(schedule.pauseAfter(1)).contains(Duration.ofSeconds(5));
        assertThat(defaults.retryPauses()).isSorted();
    }

    @Test
    void a_lease_shorter_than_an_attempt_is_refused_at_start_up() {
        assertThatThrownBy(() -> bind(Map.of("lanyard.webhooks.timeout", "15s", "lanyard.webhooks.lease", "25s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("must outlast");
    }

    @Test
    void the_dev_profile_allows_private_receivers_and_the_switch_is_an_environment_variable() throws Exception {
        List<PropertySource<?>> documents = new YamlPropertySourceLoader()
                .load("notifications.yml", new ClassPathResource("notifications.yml"));

        PropertySource<?> base = documents.get(0);
        PropertySource<?> dev = documents.stream()
                .filter(d -> "dev".equals(d.getProperty("spring.config.activate.on-profile")))
                .findFirst().orElseThrow();
        assertThat(base.getProperty("lanyard.webhooks.allow-private"))
                .hasToString("${LANYARD_WEBHOOKS_ALLOW_PRIVATE:false}");
        assertThat(dev.getProperty("lanyard.webhooks.allow-private"))
                .hasToString("${LANYARD_WEBHOOKS_ALLOW_PRIVATE:true}");
    }
}
