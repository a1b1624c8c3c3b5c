package io.lanyard.devstack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;

/** A service started in this JVM the way the devstack starts it, on its own database and consumer group. */
record RunningService(ConfigurableApplicationContext context) implements AutoCloseable {

    static RunningService start(Supplier<SpringApplicationBuilder> application, String instance,
                                String kafkaBootstrap, Class<?>... extraSources) {
        return start(application, instance, kafkaBootstrap, extraSources, new String[0]);
    }

    /** With property overrides, so a test can point the service elsewhere (its own PostgreSQL, say). */
    static RunningService startWith(Supplier<SpringApplicationBuilder> application, String instance,
                                    String kafkaBootstrap, String... overrides) {
        return start(application, instance, kafkaBootstrap, new Class<?>[0], overrides);
    }

    private static RunningService start(Supplier<SpringApplicationBuilder> application, String instance,
                                        String kafkaBootstrap, Class<?>[] extraSources, String[] overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("lanyard.kafka.bootstrap-servers", kafkaBootstrap);
        // its own principal and rights; consumer groups are granted by the prefix <service>
        properties.put("lanyard.kafka.group-id", "${spring.application.name}-" + instance);
        properties.put("lanyard.kafka.security.protocol", "SASL_PLAINTEXT");
        properties.put("lanyard.kafka.security.username", "${spring.application.name}");
        properties.put("lanyard.kafka.security.password",
                "${" + EmbeddedInfrastructure.PASSWORD_PROPERTY + "${spring.application.name}}");
        properties.put("lanyard.kafka.delivery-timeout", "3s");
        properties.put("lanyard.kafka.reconnect-delay", "500ms");
        for (String override : overrides) {
            String[] pair = override.replaceFirst("^--", "").split("=", 2);
            properties.put(pair[0], pair[1]);
        }
        properties.computeIfAbsent("spring.datasource.url", key -> EmbeddedInfrastructure.databaseUrl(instance));
        SpringApplicationBuilder builder = application.get().profiles("dev");
        if (extraSources.length > 0) {
            builder.sources(extraSources);
        }
        return new RunningService(builder.run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new)));
    }

    Http http() {
        return Http.on(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
