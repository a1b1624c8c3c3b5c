package io.lanyard.notifications.mail.automation.sendmail;

import io.lanyard.notifications.mail.write.MailOutbox;
import io.lanyard.platform.outbox.DeliveryQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code lanyard.notifications.mails} counts send attempts by outcome ({@code sent}, {@code retry}: failed and due
 * again, {@code failed}: failed for good); {@code lanyard.notifications.mails.pending} is how many mails wait to be
 * sent, those waiting for a shift's reminder time or an address included.
 */
class MailMetrics {

    private final Counter sent;
    private final Counter retried;
    private final Counter failed;

    MailMetrics(MeterRegistry registry, MailOutbox outbox) {
        sent = outcome(registry, "sent");
        retried = outcome(registry, "retry");
        failed = outcome(registry, "failed");
        Gauge.builder("lanyard.notifications.mails.pending", outbox.queue(), DeliveryQueue::depth)
                .description("mails waiting to be sent")
                .register(registry);
    }

    void sent() {
        sent.increment();
    }

    void failedAttempt(DeliveryQueue.AfterFailure after) {
        switch (after) {
            case RETRY -> retried.increment();
            case FAILED -> failed.increment();
            case SUPERSEDED -> { }
        }
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("lanyard.notifications.mails")
                .description("mail send attempts by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
