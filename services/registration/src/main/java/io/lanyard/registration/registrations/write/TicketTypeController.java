package io.lanyard.registration.registrations.write;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.platform.web.CurrencyCode;
import io.lanyard.registration.RegistrationProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
class TicketTypeController {

    record NewTicketType(@NotBlank @Size(max = 200) String name, @NotNull @Min(0) Long priceCents,
                         @NotNull @CurrencyCode String currency,
                         @NotNull @Min(0) @Max(1_000_000) Integer quota) {
    }

    private final Commands commands;
    private final Organizers organizers;
    private final IdGenerator ids;
    private final RegistrationProperties properties;

    TicketTypeController(Commands commands, Organizers organizers, IdGenerator ids, RegistrationProperties properties) {
        this.commands = commands;
        this.organizers = organizers;
        this.ids = ids;
        this.properties = properties;
    }

    @PostMapping("/conferences/{conferenceId}/ticket-types")
    ResponseEntity<Map<String, UUID>> createTicketType(@PathVariable UUID conferenceId, @Valid @RequestBody NewTicketType body,
                                             Caller caller) {
        organizers.requireOrganizer(conferenceId, caller);
        UUID id = ids.generateId();
        int segments = Math.clamp(body.quota() / properties.seatsPerSegment(), 1, properties.maxQuotaSegments());
        commands.send(new TicketMessages.CreateTicketType(id, conferenceId, body.name().strip(), body.priceCents(),
                body.currency(), body.quota(), segments));
        return ResponseEntity.created(URI.create("/conferences/" + conferenceId + "/ticket-types/" + id))
                .body(Map.of("id", id));
    }
}
