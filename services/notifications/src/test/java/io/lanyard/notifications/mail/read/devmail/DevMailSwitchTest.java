package io.lanyard.notifications.mail.read.devmail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import com.icegreen.greenmail.util.GreenMail;

import io.lanyard.notifications.mail.write.MailProperties;

/**
 * The dev profile's embedded SMTP server is on by default and off with
 * {@code lanyard.notifications.mail.embedded-server=false}
 * (compose's demo: the dev profile's tokens, with mail to Mailpit through {@code spring.mail.*}).
 */
class DevMailSwitchTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner dev = new ApplicationContextRunner()
            .withInitializer(context -> context.getEnvironment().setActiveProfiles("dev"))
            .withUserConfiguration(Properties.class, DevMailConfiguration.class);

    @Test
    void the_dev_profile_sends_to_its_embedded_smtp_server_unless_told_otherwise() {
        dev.run(context -> assertThat(context).hasSingleBean(GreenMail.class).hasSingleBean(JavaMailSender.class));
        dev.withPropertyValues(DevMailConfiguration.EMBEDDED_SERVER + "=false")
                .run(context -> assertThat(context).doesNotHaveBean(GreenMail.class)
                        .doesNotHaveBean(JavaMailSender.class));
    }
}
