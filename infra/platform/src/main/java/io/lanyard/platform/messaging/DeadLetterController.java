package io.lanyard.platform.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators list parked records and replay them once the cause is fixed. */
@RestController
@RequestMapping("/admin/dead-letters")
@PreAuthorize("hasRole('OPERATOR')")
class DeadLetterController {

    record DeadLetterView(UUID id, String topic, int partition, long offset, String key, Map<String, String> headers,
                          ParkingReason reason, String detail, Instant parkedAt, int replayAttempts) {
    }

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;

    DeadLetterController(DeadLetters deadLetters, DeadLetterReplay replay) {
        this.deadLetters = deadLetters;
        this.replay = replay;
    }

    @GetMapping
    List<DeadLetterView> listDeadLetters(@RequestParam(defaultValue = "100") int limit) {
        return deadLetters.list(Math.clamp(limit, 1, 1000)).stream()
                .map(d -> new DeadLetterView(d.id(), d.topic(), d.partition(), d.offset(), d.key(), d.headers(),
                        d.reason(), d.detail(), d.parkedAt(), d.replayAttempts()))
                .toList();
    }

    @PostMapping("/{id}/replay")
    Map<String, DeadLetterReplay.Outcome> replayDeadLetter(@PathVariable UUID id) {
        return Map.of("outcome", replay.replay(id));
    }
}
