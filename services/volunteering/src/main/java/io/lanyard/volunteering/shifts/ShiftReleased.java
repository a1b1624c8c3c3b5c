package io.lanyard.volunteering.shifts;

import java.util.UUID;

record ShiftReleased(UUID scheduleId, UUID shiftId) {
}
