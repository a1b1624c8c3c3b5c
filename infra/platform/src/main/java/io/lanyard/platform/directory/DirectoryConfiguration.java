package io.lanyard.platform.directory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Conferences, organizers and attendees as every service needs them. Registration owns them and projects its own
 * events ({@code lanyard.directory.replicate=false}); the others replicate them from Kafka.
 */
@AutoConfiguration
public class DirectoryConfiguration {

    @Bean
    Organizers organizers(JdbcClient jdbc) {
        return new Organizers(jdbc);
    }

    @Bean
    Attendees attendees(JdbcClient jdbc, Organizers organizers) {
        return new Attendees(jdbc, organizers);
    }

    @Bean
    @ConditionalOnProperty(name = "lanyard.directory.replicate", havingValue = "true", matchIfMissing = true)
    DirectoryReplica directoryReplica(Organizers organizers, Attendees attendees) {
        return new DirectoryReplica(organizers, attendees);
    }

    @Bean
    @ConditionalOnProperty(name = "lanyard.directory.replicate", havingValue = "true", matchIfMissing = true)
    KnownAttendeeController knownAttendeeController(Attendees attendees, Organizers organizers) {
        return new KnownAttendeeController(attendees, organizers);
    }
}
