package io.lanyard.registration.registrations.write;

import java.time.Instant;
import java.util.UUID;

import io.lanyard.platform.personaldata.DataSubject;
import io.lanyard.platform.personaldata.PersonalData;

public record AttendeeRegistered(@DataSubject UUID attendeeId, UUID conferenceId, UUID ticketTypeId, UUID segmentId,
                                 @PersonalData String subject, @PersonalData String name,
                                 @PersonalData String email, Instant registeredAt) {
}
