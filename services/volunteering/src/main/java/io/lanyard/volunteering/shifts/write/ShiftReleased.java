package io.lanyard.volunteering.shifts.write;

import java.util.UUID;

record ShiftReleased(UUID scheduleId, UUID shiftId) {
}
