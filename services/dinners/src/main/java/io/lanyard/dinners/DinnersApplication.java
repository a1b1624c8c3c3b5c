package io.lanyard.dinners;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DinnersApplication {

    public static final String NAME = "dinners";

    public static void main(String[] args) {
        application().run(args);
    }

    /** Each service reads its own {@code <name>.yml}, so all four can share one classpath in the devstack. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(DinnersApplication.class).properties("spring.config.name=" + NAME);
    }
}
