package io.lanyard.notifications.mail.automation.whenattendeeerased;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.kernel.events.registration.AttendeeErased;
import io.lanyard.notifications.mail.write.MailFacts;
import io.lanyard.notifications.mail.write.MailOutbox;
import io.lanyard.platform.messaging.IntegrationEventSubscriber;
import io.lanyard.platform.messaging.Subscriptions;

/**
 * When an attendee is erased this service forgets their address and sends them nothing more, in the inbox
 * transaction (the platform's directory replica forgets their name and destroys their key in the same one, which
 * keeps facts that arrive later from queuing mail). The tombstone registration leaves on the contacts topic
 * forgets the address too: it also removes an address that arrived after the erasure, since it follows every
 * contact record of the attendee on that topic. Both are idempotent: a second one finds nothing left.
 */
@Component
class ForgetErasedRecipient implements IntegrationEventSubscriber {

    private final MailFacts facts;
    private final MailOutbox outbox;

    ForgetErasedRecipient(MailFacts facts, MailOutbox outbox) {
        this.facts = facts;
        this.outbox = outbox;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions
                .project(AttendeeErased.class, e -> outbox.attendeeErased(e.conferenceId(), e.attendeeId(),
                        facts.forgetAddress(e.attendeeId())))
                .onTombstone(EventCatalogue.CONTACTS_TOPIC, key -> attendee(key).ifPresent(facts::forgetAddress));
    }

    /** The contacts topic is keyed by attendee id; a key that is none has no address here to forget. */
    private static Optional<UUID> attendee(String key) {
        try {
            return Optional.of(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
