package io.lanyard.benchmark.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.lanyard.platform.security.DevTokens;

/**
 * A Lanyard service started in this JVM as the devstack starts it (the {@code dev} profile), on a random port, its
 * own database and, unless told otherwise, the service's usual consumer group.
 */
public record ServiceInstance(String name, String database, ConfigurableApplicationContext context)
        implements AutoCloseable {

    public static ServiceInstance start(String name, Supplier<SpringApplicationBuilder> application,
                                        Infrastructure infrastructure, String database, List<String> extraArguments,
                                        Class<?>... extraSources) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--spring.datasource.url=" + infrastructure.database(database),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--lanyard.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrap()));
        args.addAll(extraArguments);
        SpringApplicationBuilder builder = application.get().profiles("dev").registerShutdownHook(false);
        if (extraSources.length > 0) {
            builder.sources(extraSources);
        }
        return new ServiceInstance(name, database, builder.run(args.toArray(String[]::new)));
    }

    public String url() {
        return "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String beanName, Class<T> type) {
        return context.getBean(beanName, type);
    }

    public String token(String subject, String... roles) {
        return bean(DevTokens.class).mint(subject, List.of(roles));
    }

    @Override
    public void close() {
        context.close();
    }
}
