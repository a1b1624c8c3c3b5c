package io.lanyard.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.lanyard.testsupport.EmbeddedInfrastructure;
import io.lanyard.testsupport.Http;

/** A service started in this JVM the way the devstack starts it, on its own database and consumer group. */
record RunningService(ConfigurableApplicationContext context) implements AutoCloseable {

    static RunningService start(Supplier<SpringApplicationBuilder> application, String instance,
                                String kafkaBootstrap, Class<?>... extraSources) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + EmbeddedInfrastructure.databaseUrl(instance),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--lanyard.kafka.bootstrap-servers=" + kafkaBootstrap,
                "--lanyard.kafka.group-id=" + instance,
                "--lanyard.kafka.delivery-timeout=3s",
                "--lanyard.kafka.reconnect-delay=500ms"));
        SpringApplicationBuilder builder = application.get().profiles("dev");
        if (extraSources.length > 0) {
            builder.sources(extraSources);
        }
        return new RunningService(builder.run(args.toArray(String[]::new)));
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
