package io.lanyard.registration.registrations.automation.purgepersonaldata;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.lanyard.registration.PersonalDataPurgeProperties;
import io.lanyard.registration.registrations.write.PersonalDataPurges;

/**
 * When a conference's purge is due, or asked for, its attendees are erased. Every instance polls every
 * {@code purge-poll-interval}: with {@code purge-after} set it first requests the purges whose time has come, then
 * works off every unfinished purge it can claim (one instance per purge, by lease). A request stored by this
 * instance is started at once, not at the next poll. One thread: purges run one after the other, and a poll never
 * overlaps the last.
 */
@Component
class PurgeWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PurgeWorker.class);

    private final PersonalDataPurges purges;
    private final PersonalDataPurgeProperties properties;
    private ScheduledExecutorService poller;

    PurgeWorker(PersonalDataPurges purges, PersonalDataPurgeProperties properties) {
        this.purges = purges;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("personal-data-purge").daemon(true).factory());
        poller.scheduleWithFixedDelay(this::poll, 0, properties.purgePollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Interrupts a purge between two erasures; it lets its claim go, so it carries on at once elsewhere or later. */
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

    @EventListener
    void on(PersonalDataPurges.PurgeRequested requested) {
        ScheduledExecutorService running;
        synchronized (this) {
            running = poller;
        }
        if (running != null) {
            try {
                running.execute(this::poll);
            } catch (RejectedExecutionException stopping) {
                // the service is stopping; the request is stored and the next start takes it up
            }
        }
    }

    void poll() {
        try {
            if (properties.purgesAutomatically()) {
                purges.requestDue(properties.purgeAfter());
            }
            Optional<UUID> claimed;
            while (!Thread.currentThread().isInterrupted() && (claimed = purges.claimNext()).isPresent()) {
                purges.carryOut(claimed.get(), properties.purgeBatchSize());
            }
        } catch (RuntimeException e) {
            // the database is away for a moment; a claim runs out and the purge is taken up again
            log.warn("Personal data purge interrupted: {}", e.toString());
        }
    }
}
