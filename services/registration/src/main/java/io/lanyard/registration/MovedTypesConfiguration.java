package io.lanyard.registration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.lanyard.platform.axon.MovedTypes;
import io.lanyard.registration.conference.write.Conference;
import io.lanyard.registration.conference.write.ConferenceCreated;
import io.lanyard.registration.conference.write.OrganizerAdded;

/**
 * The event store keeps every event's and every snapshot's class name: history written before the packages took
 * the {@code write/read} shape is read as the classes' current names.
 */
@Configuration(proxyBeanMethods = false)
class MovedTypesConfiguration {

    @Bean
    MovedTypes movedTypes() {
        return MovedTypes.of("io.lanyard.registration.conference", Conference.class, ConferenceCreated.class,
                OrganizerAdded.class);
    }
}
