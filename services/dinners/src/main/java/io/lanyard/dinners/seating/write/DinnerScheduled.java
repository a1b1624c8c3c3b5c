package io.lanyard.dinners.seating.write;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.lanyard.platform.personaldata.NotPersonalData;

/**
 * {@code startsAt} keeps the organizer's offset through the event store and snapshots; Jackson would otherwise
 * read it back shifted to UTC, and the dinner's time would reach other services in another shape than it was given.
 */
public record DinnerScheduled(UUID dinnerId, UUID conferenceId,
                              @NotPersonalData("the dinner's name") String name, String venue,
                              @JsonFormat(without = JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                              OffsetDateTime startsAt,
                              int seats, long priceCents, String currency, String scheduledBy) {
}
