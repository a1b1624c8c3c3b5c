package io.lanyard.platform.messaging;

import java.util.Map;
import java.util.UUID;

import org.springframework.core.retry.RetryException;
import org.springframework.transaction.support.TransactionTemplate;

import io.lanyard.platform.tracing.TraceContexts;
import io.lanyard.platform.web.NotFoundException;
import io.micrometer.tracing.Span;

/** Gives a parked record another go through the same decoding and dispatch as a live one. */
public class DeadLetterReplay {

    public enum Outcome { APPLIED, STILL_FAILING }

    private final DeadLetters deadLetters;
    private final IntegrationEventCodec codec;
    private final IntegrationEventDispatcher dispatcher;
    private final TransactionTemplate transactions;
    private final TraceContexts traces;

    DeadLetterReplay(DeadLetters deadLetters, IntegrationEventCodec codec, IntegrationEventDispatcher dispatcher,
                     TransactionTemplate transactions, TraceContexts traces) {
        this.deadLetters = deadLetters;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.traces = traces;
    }

    /** A replay joins the trace of the record's original request, so its log lines sit with the first attempt's. */
    public Outcome replay(UUID id) {
        DeadLetters.DeadLetter letter = deadLetters.find(id).orElseThrow(() -> new NotFoundException("dead letter", id));
        return traces.inSpan("replay " + letter.topic(), Span.Kind.CONSUMER,
                letter.headers().get(IntegrationEventPublisher.TRACEPARENT_HEADER),
                Map.of("lanyard.dead-letter.id", id.toString()), () -> replay(id, letter));
    }

    private Outcome replay(UUID id, DeadLetters.DeadLetter letter) {
        try {
            if (letter.value() == null && letter.key() != null && dispatcher.takesTombstonesOn(letter.topic())) {
                dispatcher.dispatchTombstone(letter.topic(), letter.key());
            } else {
                dispatcher.dispatch(codec.decode(letter.topic(), letter.value()));
            }
        } catch (UndecodableRecordException e) {
            deadLetters.stillFailing(id, e.reason(), e.getMessage());
            return Outcome.STILL_FAILING;
        } catch (RetryException e) {
            deadLetters.stillFailing(id, ParkingReason.HANDLER_FAILED, String.valueOf(e.getCause()));
            return Outcome.STILL_FAILING;
        }
        transactions.executeWithoutResult(s -> deadLetters.remove(id));
        return Outcome.APPLIED;
    }
}
