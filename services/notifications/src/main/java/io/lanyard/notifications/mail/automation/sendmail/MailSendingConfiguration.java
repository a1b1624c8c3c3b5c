package io.lanyard.notifications.mail.automation.sendmail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import io.lanyard.notifications.mail.write.MailProperties;
import io.lanyard.notifications.mail.write.MailFacts;
import io.lanyard.notifications.mail.write.MailOutbox;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.micrometer.core.instrument.MeterRegistry;

/** The sender; the {@link JavaMailSender} is Spring Boot's ({@code spring.mail.*}) or, in the dev profile, GreenMail's. */
@Configuration(proxyBeanMethods = false)
class MailSendingConfiguration {

    @Bean
    MailTemplates mailTemplates() {
        return new MailTemplates();
    }

    @Bean
    MailComposer mailComposer(MailTemplates templates, MailFacts facts, Organizers organizers, Attendees attendees) {
        return new MailComposer(templates, facts, organizers, attendees);
    }

    @Bean
    MailMetrics mailMetrics(MeterRegistry registry, MailOutbox outbox) {
        return new MailMetrics(registry, outbox);
    }

    @Bean
    MailWorker mailWorker(MailOutbox outbox, MailComposer composer, JavaMailSender sender, MailProperties properties,
                          MailMetrics metrics) {
        return new MailWorker(outbox, composer, sender, properties, metrics);
    }
}
