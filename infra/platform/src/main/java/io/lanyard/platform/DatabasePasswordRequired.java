package io.lanyard.platform;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Outside the {@code dev} profile a service refuses to start without a database password, before it creates a
 * single bean: a production database reachable with a default or empty password is how data leaks. The dev profile
 * (the embedded devstack and the tests) keeps its trust-authenticated embedded PostgreSQL.
 */
class DatabasePasswordRequired implements BeanFactoryPostProcessor {

    private final Environment environment;

    DatabasePasswordRequired(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    static void check(Environment environment) {
        String password = environment.getProperty("spring.datasource.password");
        if (!environment.acceptsProfiles(Profiles.of("dev")) && (password == null || password.isBlank())) {
            throw new IllegalStateException("Set LANYARD_DB_PASSWORD: outside the dev profile a service does not "
                    + "start without a database password");
        }
    }
}
