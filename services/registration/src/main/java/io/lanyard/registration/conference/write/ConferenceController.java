package io.lanyard.registration.conference.write;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
class ConferenceController {

    record NewConference(@NotBlank @Size(max = 200) String name, @NotNull LocalDate startsOn,
                         @NotNull LocalDate endsOn, @NotBlank String timeZone) {
    }

    record NewOrganizer(@NotBlank @Size(max = 200) String subject) {
    }

    private final Commands commands;
    private final Organizers organizers;
    private final IdGenerator ids;

    ConferenceController(Commands commands, Organizers organizers, IdGenerator ids) {
        this.commands = commands;
        this.organizers = organizers;
        this.ids = ids;
    }

    @PostMapping("/conferences")
    @PreAuthorize("hasRole('ORGANIZER')")
    ResponseEntity<Map<String, UUID>> createConference(@Valid @RequestBody NewConference body, Caller caller) {
        if (body.endsOn().isBefore(body.startsOn())) {
            throw new InvalidRequestException("endsOn", "endsOn must not be before startsOn");
        }
        try {
            ZoneId.of(body.timeZone());
        } catch (DateTimeException e) {
            throw new InvalidRequestException("timeZone", "not a time zone: " + body.timeZone());
        }
        UUID id = ids.generateId();
        commands.send(new ConferenceMessages.CreateConference(id, body.name().strip(), body.startsOn(), body.endsOn(),
                body.timeZone(), caller.subject()));
        return ResponseEntity.created(URI.create("/conferences/" + id)).body(Map.of("id", id));
    }

    @PostMapping("/conferences/{conferenceId}/organizers")
    ResponseEntity<Void> addOrganizer(@PathVariable UUID conferenceId, @Valid @RequestBody NewOrganizer body,
                                      Caller caller) {
        organizers.requireOrganizer(conferenceId, caller);
        commands.send(new ConferenceMessages.AddOrganizer(conferenceId, body.subject().strip()));
        return ResponseEntity.noContent().build();
    }
}
