package io.lanyard.notifications.webhook.write;

import java.util.UUID;

import io.lanyard.platform.problems.ProblemSlug;
import io.lanyard.platform.problems.Refusal;

/** No such webhook in this conference (never registered there, or deleted). */
public class UnknownWebhookException extends Refusal {

    public UnknownWebhookException(UUID webhookId) {
        super(ProblemSlug.NOT_FOUND, "webhook " + webhookId + " not found");
    }
}
