package io.lanyard.sprints.sprint.write;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.lanyard.platform.axon.MovedTypes;

/**
 * The sprint's events and its snapshots were stored under {@code io.lanyard.sprints.sprint} until that package was
 * split into write, read and automation; the event store keeps each payload's class name, so they are read under
 * their names in this package. Renamed before any other upcaster runs: {@link SprintAnnouncedUpcaster} matches the
 * name a revision-1 announcement has now.
 */
@Configuration(proxyBeanMethods = false)
class MovedSprintTypes {

    @Bean
    MovedTypes movedTypes() {
        return MovedTypes.of("io.lanyard.sprints.sprint", Sprint.class, SprintAnnounced.class,
                ParticipantSignedUp.class, ParticipantLeft.class, AttendanceRecorded.class);
    }
}
