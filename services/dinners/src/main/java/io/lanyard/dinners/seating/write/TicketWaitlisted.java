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
 * A request found every seat taken and joined the end of the waiting list. Sealed and counted as in
 * {@link TicketHeld}.
 */
public record TicketWaitlisted(UUID dinnerId, UUID conferenceId, UUID ticketId, @DataSubject UUID attendeeId,
                               @PersonalData List<String> dietaryRequirements, Instant requestedAt,
                               @NotPersonalData("the dinner's name") String dinnerName,
                               @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                               OffsetDateTime dinnerStartsAt, @PersonalData String requestedBy,
                               @PersonalData String idempotencyKey,
                               @NotPersonalData("how many requirements, not which") int dietaryRequirementCount) {

    public TicketWaitlisted(UUID dinnerId, UUID conferenceId, UUID ticketId, UUID attendeeId,
                            List<String> dietaryRequirements, Instant requestedAt, String dinnerName,
                            OffsetDateTime dinnerStartsAt, String requestedBy, String idempotencyKey) {
        this(dinnerId, conferenceId, ticketId, attendeeId, dietaryRequirements, requestedAt, dinnerName,
                dinnerStartsAt, requestedBy, idempotencyKey, DietaryCount.of(dietaryRequirements));
    }
}
