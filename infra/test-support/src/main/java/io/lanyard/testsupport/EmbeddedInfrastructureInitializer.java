package io.lanyard.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's context at the shared embedded PostgreSQL (its own database, named after the application)
 * and the shared embedded Kafka broker, logged in as the service's principal.
 */
public class EmbeddedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        String database = environment.getProperty("lanyard.test.database",
                environment.getRequiredProperty("spring.application.name"));
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", EmbeddedInfrastructure.databaseUrl(database));
        properties.put("spring.datasource.username", "postgres");
        // the embedded server trusts every local login; a test outside the dev profile sets one, which it needs to start
        properties.put("spring.datasource.password", environment.getProperty("lanyard.test.database-password", ""));
        String principal = environment.getProperty("lanyard.test.kafka-principal",
                environment.getRequiredProperty("spring.application.name"));
        properties.put("lanyard.kafka.security.protocol", "SASL_PLAINTEXT");
        properties.put("lanyard.kafka.security.mechanism", "SCRAM-SHA-512");
        properties.put("lanyard.kafka.security.username", principal);
        properties.put("lanyard.kafka.security.password", EmbeddedInfrastructure.kafkaPassword(principal));
        // the first SCRAM login of a context can outwait the readiness probe's 2 s on a loaded two-core machine
        if (!environment.containsProperty("lanyard.observability.kafka-health-timeout")) {
            properties.put("lanyard.observability.kafka-health-timeout", "10s");
        }
        if (!environment.containsProperty("lanyard.test.own-kafka")) {
            properties.put("lanyard.kafka.bootstrap-servers", EmbeddedInfrastructure.kafka().getBrokersAsString());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("lanyard-embedded-infrastructure", properties));
        AutoCloseable closing = context::close;
        EmbeddedInfrastructure.closeAtTheEnd(closing);
        context.addApplicationListener((ContextClosedEvent closed) -> {
            if (closed.getApplicationContext() == context) {
                EmbeddedInfrastructure.forget(closing);
            }
        });
    }
}
