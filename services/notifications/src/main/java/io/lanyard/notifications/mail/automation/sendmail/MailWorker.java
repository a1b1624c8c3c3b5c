package io.lanyard.notifications.mail.automation.sendmail;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import io.lanyard.notifications.mail.write.MailProperties;
import io.lanyard.notifications.mail.write.MailOutbox;
import io.lanyard.platform.outbox.DeliveryQueue;
import io.lanyard.platform.outbox.DeliveryQueue.Claim;

/**
 * Sends the due mails of the outbox: claims them (a lease, so several instances never send one mail at the same
 * time), renders each as plain text and HTML ({@code multipart/alternative}) and hands it to the SMTP server
 * outside any transaction. A refused or failed send is tried again after the configured pauses, then recorded
 * {@code FAILED}. SMTP gives no receipt a retry could check, so a server that accepted a mail but dropped the
 * connection before saying so gets it twice: a duplicate mail is the lesser harm than a lost one.
 */
class MailWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

    private final MailOutbox outbox;
    private final MailComposer composer;
    private final JavaMailSender sender;
    private final MailProperties properties;
    private final MailMetrics metrics;
    private ScheduledExecutorService poller;

    MailWorker(MailOutbox outbox, MailComposer composer, JavaMailSender sender, MailProperties properties,
               MailMetrics metrics) {
        this.outbox = outbox;
        this.composer = composer;
        this.sender = sender;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("mail-sender-" + outbox.queue().owner()).daemon(true).factory());
        poller.scheduleWithFixedDelay(this::poll, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    private void poll() {
        try {
            for (Claim claim : outbox.queue().claimDue(properties.batchSize())) {
                send(claim);
            }
        } catch (RuntimeException e) {
            // the database is away for a moment; the leases of what was claimed run out and it is claimed again
            log.warn("Mail sending interrupted: {}", e.toString());
        }
    }

    private void send(Claim claim) {
        DeliveryQueue queue = outbox.queue();
        MailOutbox.Queued mail = outbox.find(claim.id()).orElseThrow();
        try {
            MailComposer.Composed composed = composer.compose(mail);
            sender.send(message -> {
                MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                        StandardCharsets.UTF_8.name());
                helper.setFrom(properties.from());
                helper.setTo(composed.to());
                helper.setSubject(composed.content().subject());
                helper.setText(composed.content().text(), composed.content().html());
            });
            queue.succeeded(claim, null);
            metrics.sent();
        } catch (MailException | MailComposer.NotComposable e) {
            DeliveryQueue.AfterFailure after = queue.failed(claim, null, e.getMessage());
            log.info("Mail {} ({}) attempt {} failed, {}: {}", claim.id(), mail.kind(), claim.attempt(), after,
                    e.getMessage());
            metrics.failedAttempt(after);
        }
    }
}
