package io.lanyard.dinners.seating.write;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.lanyard.platform.personaldata.DataSubject;
import io.lanyard.platform.personaldata.NotPersonalData;
import io.lanyard.platform.personaldata.PersonalData;

/**
 * A request found a free seat and holds it until {@code holdExpiresAt}. {@code requestedBy} and
 * {@code idempotencyKey} say who asked and under which key, so a retried request can be answered with this one.
 * The requirements, who asked and their key (a client may write anything in it) are sealed under the attendee's
 * key; {@code dietaryRequirementCount} is not, so that once they are shredded the guest list still counts as many
 * (erased) requirements as there were (events stored before it existed have 0 and their requirements in the clear).
 */
public record TicketHeld(UUID dinnerId, UUID conferenceId, UUID ticketId, @DataSubject UUID attendeeId,
                         @PersonalData List<String> dietaryRequirements, Instant requestedAt, Instant holdExpiresAt,
                         @NotPersonalData("the dinner's name") String dinnerName,
                         @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                         OffsetDateTime dinnerStartsAt, @PersonalData String requestedBy,
                         @PersonalData String idempotencyKey,
                         @NotPersonalData("how many requirements, not which") int dietaryRequirementCount) {

    public TicketHeld(UUID dinnerId, UUID conferenceId, UUID ticketId, UUID attendeeId,
                      List<String> dietaryRequirements, Instant requestedAt, Instant holdExpiresAt, String dinnerName,
                      OffsetDateTime dinnerStartsAt, String requestedBy, String idempotencyKey) {
        this(dinnerId, conferenceId, ticketId, attendeeId, dietaryRequirements, requestedAt, holdExpiresAt,
                dinnerName, dinnerStartsAt, requestedBy, idempotencyKey, DietaryCount.of(dietaryRequirements));
    }
}
