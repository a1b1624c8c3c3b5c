package io.lanyard.notifications.mail.automation.whenfactsarrive;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.IntegrationEvent;
import io.lanyard.kernel.events.dinners.DinnerTicketConfirmed;
import io.lanyard.kernel.events.dinners.DinnerTicketExpired;
import io.lanyard.kernel.events.dinners.DinnerTicketHeld;
import io.lanyard.kernel.events.dinners.DinnerTicketPromoted;
import io.lanyard.kernel.events.dinners.DinnerTicketWaitlisted;
import io.lanyard.kernel.events.registration.AttendeeCancelled;
import io.lanyard.kernel.events.registration.AttendeeContactGiven;
import io.lanyard.kernel.events.registration.AttendeeRegistered;
import io.lanyard.kernel.events.sprints.SprintAnnounced;
import io.lanyard.kernel.events.sprints.SprintParticipantLeft;
import io.lanyard.kernel.events.volunteering.ShiftScheduled;
import io.lanyard.kernel.events.volunteering.VolunteerSignedUp;
import io.lanyard.kernel.events.volunteering.VolunteerWithdrew;
import io.lanyard.notifications.mail.write.MailProperties;
import io.lanyard.notifications.mail.write.MailFacts;
import io.lanyard.notifications.mail.write.MailKind;
import io.lanyard.notifications.mail.write.MailOutbox;
import io.lanyard.notifications.mail.write.MailOutbox.Subject;
import io.lanyard.platform.directory.Attendees;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;
import io.lanyard.platform.messaging.Subscriptions;
import io.lanyard.platform.personaldata.PersonalDataKeys;

/**
 * When a fact that concerns an attendee arrives, queue the mail it calls for, in the transaction that records the
 * event as processed: a redelivered record queues nothing more. Facts about shifts, dinners and sprints are kept
 * for the mails' text. A cancelled registration stops the reminders not sent yet, and an attendee this service
 * knows to be cancelled or erased gets no new mail. Every reaction only writes this service's tables.
 */
@Component
class MailWhenFactsArrive implements IntegrationEventSubscriber {

    private final MailOutbox outbox;
    private final MailFacts facts;
    private final Attendees attendees;
    private final MailProperties properties;
    private final PersonalDataKeys keys;
    private final Clock clock;

    MailWhenFactsArrive(MailOutbox outbox, MailFacts facts, Attendees attendees, MailProperties properties,
                        PersonalDataKeys keys, Clock clock) {
        this.outbox = outbox;
        this.facts = facts;
        this.attendees = attendees;
        this.properties = properties;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions
                .project(AttendeeContactGiven.class, e -> {
                    // the contacts topic is read apart from the erasure's: an address may arrive after it
                    if (!erased(e.attendeeId())) {
                        facts.address(e.attendeeId(), e.conferenceId(), e.email());
                        outbox.addressKnown(e.attendeeId());
                    }
                })
                .project(AttendeeRegistered.class, e ->
                        mailNow(e, e.attendeeId(), MailKind.REGISTRATION_CONFIRMED, Subject.NONE))
                .project(AttendeeCancelled.class, e -> outbox.cancelReminders(e.attendeeId(), null))
                .project(ShiftScheduled.class, e ->
                        facts.shift(e.shiftId(), e.conferenceId(), e.title(), e.location(), e.startsAt(), e.endsAt()))
                .project(VolunteerSignedUp.class, this::remindBeforeShift)
                .project(VolunteerWithdrew.class, e -> outbox.cancelReminders(e.attendeeId(), e.shiftId()))
                .project(DinnerTicketWaitlisted.class, e ->
                        facts.dinner(e.dinnerId(), e.conferenceId(), e.dinnerName(), e.dinnerStartsAt()))
                .project(DinnerTicketHeld.class, e -> {
                    facts.dinner(e.dinnerId(), e.conferenceId(), e.dinnerName(), e.dinnerStartsAt());
                    mailNow(e, e.attendeeId(), MailKind.DINNER_SEAT_HELD, new Subject(e.dinnerId(), e.holdExpiresAt()));
                })
                .project(DinnerTicketPromoted.class, e -> mailNow(e, e.attendeeId(), MailKind.DINNER_SEAT_PROMOTED,
                        new Subject(e.dinnerId(), e.holdExpiresAt())))
                .project(DinnerTicketConfirmed.class, e -> mailNow(e, e.attendeeId(),
                        MailKind.DINNER_TICKET_CONFIRMED, new Subject(e.dinnerId(), null)))
                .project(DinnerTicketExpired.class, e -> {
                    // a ticket still waitlisted when the dinner starts expires too, but no seat was ever held for it
                    if (outbox.holdMailed(e.attendeeId(), e.dinnerId())) {
                        mailNow(e, e.attendeeId(), MailKind.DINNER_HOLD_EXPIRED, new Subject(e.dinnerId(), null));
                    }
                })
                .project(SprintAnnounced.class, e -> facts.sprint(e.sprintId(), e.conferenceId(), e.project()))
                .project(SprintParticipantLeft.class, e -> {
                    // a withdrawal is the attendee's own doing and a cancellation has its own mail; records written
                    // before the reason existed cannot tell a removal from either, so they mail no one
                    if (e.reason() == SprintParticipantLeft.Reason.REMOVED) {
                        mailNow(e, e.attendeeId(), MailKind.SPRINT_REMOVED, new Subject(e.sprintId(), null));
                    }
                });
    }

    /**
     * Due at the shift's start minus the reminder's lead; a sign-up later than that is reminded at once, unless the
     * shift has begun. A sign-up however old is reminded of a shift still to come. A shift this service never heard
     * of has nothing to remind of.
     */
    private void remindBeforeShift(VolunteerSignedUp e) {
        facts.shift(e.shiftId()).ifPresent(shift -> {
            Instant now = clock.instant();
            if (!now.isBefore(shift.startsAt()) || gone(e.conferenceId(), e.attendeeId())) {
                return;
            }
            Instant due = shift.startsAt().minus(properties.shiftReminderBefore());
            outbox.enqueue(e.eventId(), MailKind.SHIFT_REMINDER, e.conferenceId(), e.attendeeId(),
                    new Subject(shift.shiftId(), null), due.isAfter(now) ? due : now, now);
        });
    }

    private void mailNow(IntegrationEvent e, UUID attendeeId, MailKind kind, Subject subject) {
        Instant now = clock.instant();
        if (stale(e, now) || gone(e.conferenceId(), attendeeId)) {
            return;
        }
        outbox.enqueue(e.eventId(), kind, e.conferenceId(), attendeeId, subject, now, now);
    }

    private boolean stale(IntegrationEvent e, Instant now) {
        return e.occurredAt().plus(properties.staleAfter()).isBefore(now);
    }

    /** Cancelled, or erased: facts about them that other services publish later call for no mail. */
    private boolean gone(UUID conferenceId, UUID attendeeId) {
        return attendees.find(conferenceId, attendeeId).map(attendee -> !attendee.active()).orElse(false)
                || erased(attendeeId);
    }

    private boolean erased(UUID attendeeId) {
        return keys.isErased(attendeeId.toString());
    }
}
