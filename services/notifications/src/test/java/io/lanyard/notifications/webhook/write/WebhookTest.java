package io.lanyard.notifications.webhook.write;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest {

    private static final UUID WEBHOOK = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID CONFERENCE = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    private static final UUID OTHER_CONFERENCE = UUID.fromString("00000000-0000-4000-8000-0000000000c2");
    private static final URI URL = URI.create("https://hooks.example.org/lanyard");
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Instant NOW = Instant.parse("2027-05-16T18:00:00Z");
    private static final Instant LATER = Instant.parse("2027-05-17T09:00:00Z");

    private AggregateTestFixture<Webhook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Webhook.class);
    }

    private static WebhookRegistered registered() {
        return new WebhookRegistered(WEBHOOK, CONFERENCE, URL, List.of("*"), SECRET, "olivia", NOW);
    }

    @Test
    void registers_a_webhook_with_its_url_types_and_secret() {
        fixture.givenNoPriorActivity()
                .when(new WebhookMessages.RegisterWebhook(WEBHOOK, CONFERENCE, URL,
                        List.of("sprints.sprint-announced"), SECRET, "olivia", NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new WebhookRegistered(WEBHOOK, CONFERENCE, URL, List.of("sprints.sprint-announced"),
                        SECRET, "olivia", NOW));
    }

    @Test
    void an_organizer_deletes_a_webhook() {
        fixture.given(registered())
                .when(new WebhookMessages.DeleteWebhook(WEBHOOK, CONFERENCE, "olivia", LATER))
                .expectEvents(new WebhookDeleted(WEBHOOK, CONFERENCE, "olivia", LATER));
    }

    @Test
    void deleting_a_deleted_webhook_changes_nothing() {
        fixture.given(registered(), new WebhookDeleted(WEBHOOK, CONFERENCE, "olivia", NOW))
                .when(new WebhookMessages.DeleteWebhook(WEBHOOK, CONFERENCE, "oscar", LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_webhook_is_deleted_only_through_its_own_conference() {
        fixture.given(registered())
                .when(new WebhookMessages.DeleteWebhook(WEBHOOK, OTHER_CONFERENCE, "oscar", LATER))
                .expectNoEvents();
    }

    @Test
    void a_receiver_that_is_gone_disables_the_webhook() {
        fixture.given(registered())
                .when(new WebhookMessages.DisableWebhook(WEBHOOK, 410, LATER))
                .expectEvents(new WebhookDisabled(WEBHOOK, CONFERENCE, 410, LATER));
    }

    @Test
    void a_disabled_webhook_is_disabled_once() {
        fixture.given(registered(), new WebhookDisabled(WEBHOOK, CONFERENCE, 410, NOW))
                .when(new WebhookMessages.DisableWebhook(WEBHOOK, 410, LATER))
                .expectNoEvents();
    }

    @Test
    void a_deleted_webhook_is_not_disabled() {
        fixture.given(registered(), new WebhookDeleted(WEBHOOK, CONFERENCE, "olivia", NOW))
                .when(new WebhookMessages.DisableWebhook(WEBHOOK, 410, LATER))
                .expectNoEvents();
    }
}
