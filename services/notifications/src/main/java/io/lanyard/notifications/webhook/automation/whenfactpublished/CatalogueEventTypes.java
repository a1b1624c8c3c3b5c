package io.lanyard.notifications.webhook.automation.whenfactpublished;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.lanyard.kernel.events.EventCatalogue;
import io.lanyard.notifications.webhook.write.OfferedEventTypes;

/**
 * The event types webhooks are offered: those of the four public topics, by their catalogue type. Types on any other
 * topic (one that carries contact details for e-mail, say) are never offered, so personal data such as e-mail
 * addresses cannot reach a receiver.
 */
@Component
class CatalogueEventTypes implements OfferedEventTypes {

    static final Set<String> OFFERED_TOPICS = Set.of(EventCatalogue.REGISTRATION_TOPIC,
            EventCatalogue.VOLUNTEERING_TOPIC, EventCatalogue.DINNERS_TOPIC, EventCatalogue.SPRINTS_TOPIC);

    @Override
    public boolean isOffered(String type) {
        return EventCatalogue.byType(type).filter(entry -> OFFERED_TOPICS.contains(entry.topic())).isPresent();
    }

    /** Whether a webhook subscribed to {@code subscribed} wants an event of {@code type}. */
    boolean wants(List<String> subscribed, String type) {
        return isOffered(type) && (subscribed.contains(ALL) || subscribed.contains(type));
    }
}
