package io.lanyard.volunteering.shifts.write;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's registrations from the platform's directory replica ({@code known_attendee}, filled from registration's
 * {@code AttendeeRegistered}). The platform's {@code Attendees} answers by attendee id only; this is the one question
 * it does not ask.
 */
@Component
class KnownRegistrations implements PersonRegistrations {

    private final JdbcClient jdbc;

    KnownRegistrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> of(UUID conferenceId, String person) {
        return jdbc.sql("select attendee_id from known_attendee where conference_id = ? and subject = ? "
                        + "order by attendee_id")
                .params(conferenceId, person)
                .query(UUID.class)
                .list();
    }
}
