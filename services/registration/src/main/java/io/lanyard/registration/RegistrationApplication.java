package io.lanyard.registration;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistrationApplication {

    public static final String NAME = "registration";

    public static void main(String[] args) {
        application().run(args);
    }

    /** Each service reads its own {@code <name>.yml}, so all four can share one classpath in the devstack. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(RegistrationApplication.class).properties("spring.config.name=" + NAME);
    }
}
