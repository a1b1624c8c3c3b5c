package io.lanyard.notifications;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationsApplication {

    public static final String NAME = "notifications";

    public static void main(String[] args) {
        application().run(args);
    }

    /** Each service reads its own {@code <name>.yml}, so all five can share one classpath in the devstack. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(NotificationsApplication.class).properties("spring.config.name=" + NAME);
    }
}
