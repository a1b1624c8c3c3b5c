package io.lanyard.notifications.mail.read.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lanyard.notifications.mail.write.MailKind;
import io.lanyard.notifications.mail.write.MailOutbox;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;

/** The mails queued for an attendee and what became of each; for that attendee and the conference's organizers. */
@RestController
class NotificationsController {

    enum Channel { EMAIL }

    enum Status { PENDING, SENT, FAILED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Notification(UUID id, MailKind kind, Channel channel, Status status, Instant sentAt) {
    }

    private final MailOutbox outbox;
    private final Organizers organizers;
    private final Attendees attendees;

    NotificationsController(MailOutbox outbox, Organizers organizers, Attendees attendees) {
        this.outbox = outbox;
        this.organizers = organizers;
        this.attendees = attendees;
    }

    @GetMapping("/conferences/{conferenceId}/attendees/{attendeeId}/notifications")
    List<Notification> listAttendeeNotifications(@PathVariable UUID conferenceId, @PathVariable UUID attendeeId,
                                                Caller caller) {
        organizers.requireConference(conferenceId);
        attendees.requireSelfOrOrganizer(conferenceId, attendeeId, caller);
        return outbox.of(conferenceId, attendeeId).stream()
                .map(mail -> new Notification(mail.id(), mail.kind(), Channel.EMAIL, Status.valueOf(mail.status()),
                        mail.sentAt()))
                .toList();
    }
}
