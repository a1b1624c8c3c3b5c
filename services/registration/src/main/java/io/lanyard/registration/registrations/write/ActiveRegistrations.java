package io.lanyard.registration.registrations.write;

import java.util.UUID;

/** Whether a subject already holds a live registration: a set-based rule no single aggregate can see. */
public interface ActiveRegistrations {

    boolean hasActiveRegistration(UUID conferenceId, String subject);
}
