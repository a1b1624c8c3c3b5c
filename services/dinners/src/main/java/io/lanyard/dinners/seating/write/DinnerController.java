package io.lanyard.dinners.seating.write;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.dinners.seating.write.DinnerMessages.ScheduleDinner;
import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.ConferenceCalendar;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.problems.Refusal;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.CurrencyCode;
import io.lanyard.platform.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
class DinnerController {

    static final String OFFSET_DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})";

    record NewDinner(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String venue,
                     @NotNull @Pattern(regexp = OFFSET_DATE_TIME,
                             message = "must be an ISO-8601 date-time with an offset") String startsAt,
                     @NotNull @Min(1) @Max(100_000) Integer seats, @NotNull @Min(0) Long priceCents,
                     @NotNull @CurrencyCode String currency) {
    }

    private final Commands commands;
    private final Organizers organizers;
    private final ConferenceCalendar calendar;
    private final IdGenerator ids;
    private final Clock clock;

    DinnerController(Commands commands, Organizers organizers, ConferenceCalendar calendar, IdGenerator ids,
                     Clock clock) {
        this.commands = commands;
        this.organizers = organizers;
        this.calendar = calendar;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * A dinner starts in the future (400 {@code validation-failed} otherwise, before any other rule is asked) and
     * within the conference's dates and the margin around them, as a day where the conference takes place (422
     * {@code outside-conference}).
     */
    @PostMapping("/conferences/{conferenceId}/dinners")
    ResponseEntity<Map<String, UUID>> scheduleDinner(@PathVariable UUID conferenceId, @Valid @RequestBody NewDinner body,
                                               Caller caller) throws Refusal {
        organizers.requireOrganizer(conferenceId, caller);
        OffsetDateTime startsAt = startsAt(body.startsAt());
        if (!startsAt.toInstant().isAfter(clock.instant())) {
            throw new InvalidRequestException("startsAt", "must be in the future");
        }
        calendar.requireWithin(conferenceId, startsAt.toInstant());
        UUID id = ids.generateId();
        commands.send(new ScheduleDinner(id, conferenceId, body.name().strip(), body.venue().strip(), startsAt,
                body.seats(), body.priceCents(), body.currency(), caller.subject()));
        return ResponseEntity.created(URI.create("/conferences/" + conferenceId + "/dinners/" + id))
                .body(Map.of("id", id));
    }

    private static OffsetDateTime startsAt(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("startsAt", "not a valid date-time: " + text);
        }
    }
}
