package io.lanyard.volunteering.policy.write;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.lanyard.platform.axon.Commands;
import io.lanyard.platform.directory.Organizers;
import io.lanyard.platform.security.Caller;
import io.lanyard.volunteering.shifts.write.VolunteerRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

@RestController
class VolunteerPolicyController {

    /** Every field is optional: a limit left out is no limit, and a left-out no-show limit is the default. */
    record PolicyBody(@Positive @DecimalMax("24") Double maxHoursPerDay, @Positive @Max(10_080) Integer minRestMinutes,
                      @Positive @Max(1_000) Integer noShowLimit) {
    }

    private final Commands commands;
    private final Organizers organizers;

    VolunteerPolicyController(Commands commands, Organizers organizers) {
        this.commands = commands;
        this.organizers = organizers;
    }

    @PutMapping("/conferences/{conferenceId}/volunteer-policy")
    ResponseEntity<Void> setVolunteerPolicy(@PathVariable UUID conferenceId, @Valid @RequestBody PolicyBody body, Caller caller) {
        organizers.requireOrganizer(conferenceId, caller);
        int noShowLimit = body.noShowLimit() != null ? body.noShowLimit() : VolunteerRules.DEFAULT_NO_SHOW_LIMIT;
        commands.send(new VolunteerPolicy.SetVolunteerPolicy(VolunteerPolicy.idOf(conferenceId), conferenceId,
                body.maxHoursPerDay(), body.minRestMinutes(), noShowLimit, caller.subject()));
        return ResponseEntity.noContent().build();
    }
}
