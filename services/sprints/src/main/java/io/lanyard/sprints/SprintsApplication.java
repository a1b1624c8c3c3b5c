package io.lanyard.sprints;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SprintsApplication {

    public static final String NAME = "sprints";

    public static void main(String[] args) {
        application().run(args);
    }

    /** Each service reads its own {@code <name>.yml}, so all four can share one classpath in the devstack. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(SprintsApplication.class).properties("spring.config.name=" + NAME);
    }
}
