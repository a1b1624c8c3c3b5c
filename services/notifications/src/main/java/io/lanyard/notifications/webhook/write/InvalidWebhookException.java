package io.lanyard.notifications.webhook.write;

import io.lanyard.platform.web.InvalidRequestException;

/** A webhook that cannot be registered: its URL or its event types. Answered 400 before anything changes. */
class InvalidWebhookException extends InvalidRequestException {

    InvalidWebhookException(String field, String message) {
        super(field, message);
    }
}
