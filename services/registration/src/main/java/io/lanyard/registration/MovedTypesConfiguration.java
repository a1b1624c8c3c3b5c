package io.lanyard.registration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.lanyard.platform.axon.MovedTypes;
import io.lanyard.registration.conference.write.Conference;
import io.lanyard.registration.conference.write.ConferenceCreated;
import io.lanyard.registration.conference.write.OrganizerAdded;
import io.lanyard.registration.registrations.write.AttendeeCheckedIn;
import io.lanyard.registration.registrations.write.AttendeeRegistered;
import io.lanyard.registration.registrations.write.QuotaSegment;
import io.lanyard.registration.registrations.write.QuotaSegmentOpened;
import io.lanyard.registration.registrations.write.Registration;
import io.lanyard.registration.registrations.write.RegistrationCancelled;
import io.lanyard.registration.registrations.write.SeatReleased;
import io.lanyard.registration.registrations.write.SeatSold;
import io.lanyard.registration.registrations.write.TicketType;
import io.lanyard.registration.registrations.write.TicketTypeCreated;

/**
 * The event store keeps every event's and every snapshot's class name: history written before the packages took
 * the {@code <capability>/write} shape is read as the classes they are now. Every domain event and every aggregate
 * that moved is listed, by the package it was stored under.
 */
@Configuration(proxyBeanMethods = false)
class MovedTypesConfiguration {

    @Bean
    MovedTypes movedTypes() {
        return MovedTypes.of("io.lanyard.registration.conference", Conference.class, ConferenceCreated.class,
                        OrganizerAdded.class)
                .and("io.lanyard.registration.tickets", TicketType.class, TicketTypeCreated.class,
                        QuotaSegment.class, QuotaSegmentOpened.class, SeatSold.class, SeatReleased.class)
                .and("io.lanyard.registration.attendees", Registration.class, AttendeeRegistered.class,
                        RegistrationCancelled.class, AttendeeCheckedIn.class);
    }
}
